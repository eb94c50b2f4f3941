"""Per-function compilation units (compiler/units.py, parallel.py, unitcache.py): the joined
module behaves as the one-module build and plain Python do, exports only its PyInit_*
functions, and editing one function recompiles only that function's unit."""
import importlib.util
import os
import shutil
import subprocess

import numpy as np
import pytest

from fastext.compiler.driver import compile_file
from fastext.compiler.link import find_linker, link_shared
from fxload import REPO, interpreted

HARNESS = os.path.join(REPO, "benchmarks", "compile", "harness9.fx")
pytestmark = pytest.mark.skipif(find_linker() is None, reason="units are joined with the system linker")


def load(art, name, tmp_path, tag):
    so = str(tmp_path / f"{name}_{tag}.so")
    link_shared(art.object_code, so)
    spec = importlib.util.spec_from_file_location(name, so)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod, so


@pytest.fixture
def unit_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"          # units go to <its folder for the source>/units


def test_split_gives_one_unit_per_entry_point():
    from fastext.compiler import units
    from fastext.compiler.driver import compile_file as cf
    text = cf(HARNESS).unoptimized_ir
    parts = units.split(text)
    assert parts[0].name == "" and {"PyInit_harness9", "PyInit_fx"} <= set(parts[0].functions)
    names = {u.name for u in parts[1:]}
    assert {"fxw.add", "fxw.noop", "fxw.nbody", "fxw.fib", "fxw.spectral_norm"} <= names
    spectral = next(u for u in parts if u.name == "fxw.spectral_norm")
    assert "fx.spectral_norm" in spectral.functions
    # `_mul_av` (a loop nest Python can also call, as `_mul_av$py`) is a shared body: compiled
    # once, in a unit of its own, with the small `_a` it calls copied in to be inlined; the
    # other units declare it (lower/module.py: shared_bodies)
    mul_av = next(u for u in parts if u.name == "fx._mul_av")
    assert {"fx._mul_av", "fx._a"} <= set(mul_av.functions)
    assert sum("fx._mul_av" in u.functions for u in parts) == 1
    assert 'declare hidden' in spectral.text and '@"fx._mul_av"(' in spectral.text
    py_copy = next(u for u in parts if u.name == "fxw._mul_av$py")
    assert "fx._mul_av" not in py_copy.functions and "fx._mul_av$py" in py_copy.functions
    # a wrapper is defined in its own unit only
    assert sum("fxw.dot" in u.functions for u in parts) == 1


def test_joined_module_matches_plain_python_and_exports_only_pyinit(tmp_path, unit_cache):
    art = compile_file(HARNESS)
    assert art.units[0] >= 10
    fx, so = load(art, "harness9", tmp_path, "units")
    py = interpreted(HARNESS)
    x, y = np.linspace(0, 1, 101), np.linspace(2, 3, 101)
    assert fx.dot(x, y) == py.dot(x, y) and fx.sum1(x) == py.sum1(x) and fx.fib(15) == py.fib(15)
    assert fx.add(2, 3) == 5 and fx.noop() is None
    y1, y2 = y.copy(), y.copy()
    fx.axpy(0.5, x, y1)
    py.axpy(0.5, x, y2)
    assert y1.tobytes() == y2.tobytes()
    fx.axpy(0.5, y1, y1)         # overlapping dense arrays: the general body
    py.axpy(0.5, y2, y2)
    assert y1.tobytes() == y2.tobytes()
    u = [np.empty(40) for _ in range(3)]
    w = [np.empty(40) for _ in range(3)]
    assert fx.spectral_norm(*u) == py.spectral_norm(*w)
    pos = np.random.default_rng(1).random((5, 3))
    args_fx = [pos.copy(), np.zeros((5, 3)), np.ones(5), 20, 0.01]
    args_py = [pos.copy(), np.zeros((5, 3)), np.ones(5), 20, 0.01]
    assert fx.nbody(*args_fx) == py.nbody(*args_py)
    with pytest.raises(IndexError) as e:          # a cold path (the traceback) of the module unit
        fx.dot(x, y[:3])
    assert "harness9.fx" in "".join(__import__("traceback").format_tb(e.tb))
    if shutil.which("nm"):
        out = subprocess.run(["nm", "-D", "--defined-only", so], capture_output=True, text=True).stdout
        assert sorted(line.split()[-1] for line in out.splitlines()) == ["PyInit_fx", "PyInit_harness9"]
    assert "define" in art.llvm_ir and "fxw.nbody" in art.llvm_ir      # the units' optimised IR, linked


def test_unchecked_build_shares_the_helper_bodies_too(tmp_path, unit_cache):
    """Without bounds checks `_mul_av` lowers to ~160 instructions instead of ~900: it is still
    compiled once, as a shared body (below the old 800-instruction floor its private copies
    made spectral norm's unit half a second of O3, lower/module.py: SHARED_MIN_INSTRUCTIONS)."""
    from fastext.compiler import units
    from fastext.config import Options
    art = compile_file(HARNESS, options=Options(boundscheck=False))
    parts = units.split(art.unoptimized_ir)
    for helper in ("fx._mul_av", "fx._mul_atv"):
        assert sum(helper in u.functions for u in parts) == 1, helper
    assert "fx._mul_av" not in next(u for u in parts if u.name == "fxw.spectral_norm").functions
    fx, _ = load(art, "harness9", tmp_path, "unchecked")
    py = interpreted(HARNESS)
    u = [np.empty(60) for _ in range(3)]
    w = [np.empty(60) for _ in range(3)]
    assert fx.spectral_norm(*u) == py.spectral_norm(*w)
    v = np.linspace(0.5, 2.0, 33)
    out_fx, out_py = np.empty(33), np.empty(33)
    fx._mul_av(v, out_fx)               # Python's copy, forwarding to the shared body
    py._mul_av(v, out_py)
    assert out_fx.tobytes() == out_py.tobytes()


def test_editing_one_function_recompiles_one_unit(tmp_path, unit_cache):
    src = open(HARNESS, encoding="utf-8").read()
    path = tmp_path / "edited.fx"
    path.write_text(src, encoding="utf-8")
    first = compile_file(str(path))
    assert first.units[1] == 0
    again = compile_file(str(path))
    assert again.units == (0, first.units[0])          # everything from the cache
    # an edit that keeps the other functions on their lines: only the edited function's unit
    path.write_text(src.replace("    return a + b\n", "    return a - b\n"), encoding="utf-8")
    edited = compile_file(str(path))
    assert edited.units == (1, first.units[0] - 1)
    mod, _ = load(edited, "edited", tmp_path, "edit")
    assert mod.add(5, 3) == 2 and mod.fib(10) == 55


def test_damaged_unit_cache_entry_is_a_miss(tmp_path, unit_cache):
    path = tmp_path / "small.fx"
    path.write_text("from fastext import f64\n\ndef twice(x: f64) -> f64:\n    return 2.0 * x\n", encoding="utf-8")
    compile_file(str(path))
    entries = [os.path.join(d, f) for d, _, fs in os.walk(unit_cache) for f in fs if f.endswith(".unit")]
    assert entries
    for e in entries:
        data = bytearray(open(e, "rb").read())
        data[-5] ^= 0xFF
        os.chmod(e, 0o644)
        with open(e, "wb") as f:
            f.write(data)
    art = compile_file(str(path))
    assert art.units[1] == 0
    mod, _ = load(art, "small", tmp_path, "damaged")
    assert mod.twice(2.5) == 5.0


def test_units_and_one_module_builds_agree(tmp_path, monkeypatch, unit_cache):
    path = os.path.join(REPO, "benchmarks", "kernels.fx")
    a = compile_file(path)
    monkeypatch.setenv("FASTEXT_UNITS", "0")
    b = compile_file(path)
    assert b.units == (0, 0) and a.units[0] + a.units[1] > 1
    fa, _ = load(a, "kernels", tmp_path, "a")
    fb, _ = load(b, "kernels", tmp_path, "b")
    x = np.random.default_rng(0).random(1000)
    assert fa.dot(x, x) == fb.dot(x, x) and fa.sum1(x) == fb.sum1(x)


def test_binary_constants_holding_at_signs(tmp_path, unit_cache):
    """A module array whose bytes end in 0x40 ('@', as 3.0 does) is an LLVM c-string ending `@"`;
    the unit splitter must not read it as the start of a symbol name."""
    path = tmp_path / "atsign.fx"
    path.write_text("import numpy as np\nfrom fastext import f64, i64\n\nK = np.array([1.0, 3.0])\n\n\n"
                    "def first(i: i64) -> f64:\n    return K[i]\n\n\ndef second() -> f64:\n    return K[1] * 2.0\n",
                    encoding="utf-8")
    art = compile_file(str(path))
    assert art.units[0] >= 3
    mod, _ = load(art, "atsign", tmp_path, "at")
    assert mod.first(1) == 3.0 and mod.second() == 6.0


def test_unit_cache_in_a_folder_others_may_write_is_not_used(tmp_path, monkeypatch):
    """The module cache's trust rule: a cache folder group or others may write is refused, so a
    unit planted there is never linked in; builds go to the private per-user folder instead."""
    cache = tmp_path / "shared"
    cache.mkdir()
    monkeypatch.setenv("FASTEXT_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = tmp_path / "small.fx"
    path.write_text("from fastext import f64\n\ndef twice(x: f64) -> f64:\n    return 2.0 * x\n", encoding="utf-8")
    compile_file(str(path))
    from fastext.compiler import unitcache
    first, fallback = unitcache.folders(str(path))
    assert os.listdir(first)
    os.chmod(os.path.dirname(first), 0o777)         # now anyone could have planted these
    try:
        art = compile_file(str(path))
        assert art.units[1] == 0                      # nothing taken from there
        assert os.listdir(fallback)                   # and the rebuild went to the private folder
    finally:
        os.chmod(os.path.dirname(first), 0o700)


def test_units_keep_libmvec_vector_variants(tmp_path):
    """Split into units, a `@fastmath` loop of `np.exp` still calls libmvec's vector `exp`: each
    unit carries the `@llvm.compiler.used` entries of what it declares (compiler/units.py), or
    LLVM drops the unused vector declarations before the loop vectoriser runs (a regression
    that made libmvec's math scalar in every unit-split build)."""
    import re
    from fastext.compiler.driver import compile_file
    src = tmp_path / "vm.fx"
    src.write_text("import numpy as np\nfrom fastext import f64, fastmath\n\n\n@fastmath\n"
                   "def ex(x: f64[:], out: f64[:]) -> None:\n    for i in range(x.shape[0]):\n"
                   "        out[i] = np.exp(x[i])\n")
    art = compile_file(str(src))
    if "vector-function-abi-variant" not in (art.unoptimized_ir or ""):
        pytest.skip("no libmvec vector variants for this target")
    assert art.units[0] > 1
    assert re.search(r"call .*@_ZGV\w+_exp", art.llvm_ir)
