"""NumPy's transcendental ufuncs compiled give NumPy's own bits (lower/nploops.py): every item
of `np.exp`, `np.log`, `np.arctan2`, ... bit-identical to the interpreted module (NumPy), for
float64 and float32, over special values, many magnitudes and every layout (contiguous,
strided, reversed, empty, 2-D, transposed, broadcast), fused in expressions, reduced, stored
through `out[:] =` and called on single numbers."""
from __future__ import annotations

import os
import struct
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import fxload

PATH = os.path.join(fxload.FX_DIR, "np_exact.fx")
UNARY = ["exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh", "cbrt"]
BINARY = ["arctan2", "hypot"]
SPECIALS = [np.nan, -np.nan, np.inf, -np.inf, 0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-310,
            1e308, -1e308, 1.0, -1.0, 0.5, -0.5, 709.78, 709.79, -745.2, -745.1, 1e-8, 3.141592653589793, 1e22]


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def inputs(dtype, n: int = 3000, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    parts = [rng.standard_normal(n) * s for s in (1.0, 10.0, 1000.0)]
    parts += [rng.uniform(-1, 1, n), np.exp(rng.uniform(-700, 700, n)) * rng.choice([-1, 1], n), np.array(SPECIALS)]
    with np.errstate(over="ignore"):
        return np.concatenate(parts).astype(dtype)


def bits(a, any_nan: bool = False) -> bytes:
    a = np.ascontiguousarray(a)
    if any_nan and a.dtype.kind == "f":
        a = np.where(np.isnan(a), np.nan, a)     # one NaN for all: see test_fused_expressions_and_layouts
    return a.dtype.str.encode() + repr(a.shape).encode() + a.tobytes()


def call(mod, name, *args):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return getattr(mod, name)(*args)


def same_bits(mods, name, *args, any_nan: bool = False) -> None:
    compiled, interpreted = mods
    got, want = call(compiled, name, *args), call(interpreted, name, *args)
    if isinstance(want, np.ndarray):
        assert isinstance(got, np.ndarray) and got.dtype == want.dtype and got.shape == want.shape
        if bits(got, any_nan) != bits(want, any_nan):
            differ = np.flatnonzero(np.ascontiguousarray(got).view(np.uint8) != np.ascontiguousarray(want).view(np.uint8))
            pytest.fail(f"{name}: {len(differ)} bytes differ from NumPy's, first at byte {differ[0]}")
    else:
        assert struct.pack("d", got) == struct.pack("d", float(want)), (name, args, got, want)


@pytest.mark.parametrize("ufunc", UNARY)
def test_unary_float64_and_float32(mods, ufunc):
    x = inputs(np.float64)
    same_bits(mods, f"a_{ufunc}", x)
    same_bits(mods, f"a_{ufunc}", x[::3])            # strided
    same_bits(mods, f"a_{ufunc}", x[::-1])           # reversed: NumPy's SIMD loops step aside
    same_bits(mods, f"a_{ufunc}", x[::-3])
    same_bits(mods, f"a_{ufunc}", x[:0])             # empty
    same_bits(mods, f"a_{ufunc}", x[:1])             # one item (a chunk of one)
    same_bits(mods, f"f_{ufunc}", inputs(np.float32))
    same_bits(mods, f"f_{ufunc}", inputs(np.float32)[1::2])


@pytest.mark.parametrize("ufunc", UNARY)
def test_unary_on_numbers(mods, ufunc):
    for v in SPECIALS + list(inputs(np.float64, n=30, seed=3)):
        same_bits(mods, f"s_{ufunc}", float(v))


@pytest.mark.parametrize("ufunc", BINARY + ["float_power", "power"])
def test_binary(mods, ufunc):
    x = inputs(np.float64)
    y = np.roll(x, 7)
    same_bits(mods, f"a_{ufunc}", x, y)
    same_bits(mods, f"a_{ufunc}", x[::2][:5000], y[1::2][:5000])
    same_bits(mods, f"a_{ufunc}", x[::-1], y)          # NumPy's loop sees a negative stride
    if ufunc != "float_power":
        same_bits(mods, f"f_{ufunc}", x.astype(np.float32), y.astype(np.float32))
        for a, b in zip(SPECIALS, reversed(SPECIALS)):
            same_bits(mods, f"s_{ufunc}", a, b)


def test_fused_expressions_and_layouts(mods):
    """Bit for bit, except the sign of a NaN that arithmetic around the ufuncs makes (`-x * x`
    of a NaN: which operand's NaN x86 passes on depends on the order LLVM picks)."""
    x = inputs(np.float64)
    y = np.abs(np.roll(x, 3)) + 0.25
    same_bits(mods, "gauss", x, any_nan=True)
    same_bits(mods, "nested", x, y, any_nan=True)
    m = x[:3000].reshape(50, 60)
    for view in (m, m.T, m[::2, ::3], m[:, :0], m[:1, :1], m[::-1], m[:, ::-1], m[::-1, ::-1], m.T[::-1]):
        same_bits(mods, "matrix", view, any_nan=True)
    same_bits(mods, "outer", x[:37], y[:300])          # broadcast: one short line per row
    same_bits(mods, "ints", np.arange(-5, 5000))
    same_bits(mods, "mixed", x.astype(np.float32)[:500], y[:500])
    for c in (2.0, 0.5, -1.0, 3.3, np.nan):       # a number reaches NumPy's loop with stride 0
        same_bits(mods, "by_number", x, c, any_nan=True)


def test_stored_reduced_and_looped(mods):
    compiled, interpreted = mods
    x = inputs(np.float64)
    for fn in ("into", "in_loop"):
        got, want = np.empty_like(x), np.empty_like(x)
        call(compiled, fn, x, got)
        call(interpreted, fn, x, want)
        assert bits(got) == bits(want), fn
    for fn, size in (("into_reversed", len(x)), ("into_strided", 2 * len(x))):
        got, want = np.zeros(size), np.zeros(size)
        call(compiled, fn, x, got)
        call(interpreted, fn, x, want)
        assert bits(got) == bits(want), fn
    got, want = x.copy(), x.copy()
    call(compiled, "in_place", got)
    call(interpreted, "in_place", want)
    assert bits(got) == bits(want)
    small = np.random.default_rng(5).standard_normal(10_000) * 3
    same_bits(mods, "sum_exp", small)
    same_bits(mods, "sum_exp", small[:0])
    same_bits(mods, "mean_log", x[:3000].reshape(60, 50))
    same_bits(mods, "selected", small)
    a, b, c, d = small.copy(), x.copy(), small.copy(), x.copy()
    call(compiled, "masked_store", a, b)
    call(interpreted, "masked_store", c, d)
    assert bits(a) == bits(c) and bits(b) == bits(d)
    ys = np.abs(small) + 0.5
    same_bits(mods, "searched", np.sort(np.exp(small[:50])), small)     # an item equal to an edge
    same_bits(mods, "within", ys, np.log(ys[::7]))
    same_bits(mods, "interpolated", small, np.linspace(-1, 1, 9), np.linspace(0, 5, 9) ** 2)


@settings(max_examples=60, deadline=None)
@given(x=hnp.arrays(np.float64, st.integers(0, 600), elements=st.floats(width=64)),
       ufunc=st.sampled_from(UNARY))
def test_any_float64(mods, x, ufunc):
    same_bits(mods, f"a_{ufunc}", x)


@settings(max_examples=30, deadline=None)
@given(x=hnp.arrays(np.float32, st.integers(0, 600), elements=st.floats(width=32)),
       ufunc=st.sampled_from(UNARY))
def test_any_float32(mods, x, ufunc):
    same_bits(mods, f"f_{ufunc}", x)



def test_without_numpys_loop_the_c_library_computes(tmp_path):
    """A module that finds no NumPy loop at import (here: `numpy.exp` is not a ufunc then) still
    imports, and computes those items with the C library (lower/nploops.py's fallback)."""
    import subprocess
    import sys
    src = tmp_path / "noloop.fx"
    src.write_text("import numpy as np\nfrom fastext import f64\n\n\n"
                   "def a_exp(x: f64[:]) -> f64[:]:\n    return np.exp(-x) * 1.0\n\n\n"
                   "def s_exp(x: f64) -> f64:\n    return np.exp(x)\n")
    script = f"""
import sys, math, struct, importlib.util
import numpy as np
from fastext.compiler.driver import compile_file
from fastext.compiler.link import link_shared
so = {str(tmp_path / "noloop_native.so")!r}
link_shared(compile_file({str(src)!r}, "noloop").object_code, so)
spec = importlib.util.spec_from_file_location("noloop", so)
mod = importlib.util.module_from_spec(spec)
real = np.exp
np.exp = lambda x: x          # not a ufunc: the exec slot leaves the loop's global null
spec.loader.exec_module(mod)
np.exp = real
x = np.linspace(-30, 30, 1001)
got = mod.a_exp(x)
want = np.array([math.exp(-v) for v in x])
assert got.tobytes() == want.tobytes()
assert all(struct.pack("d", mod.s_exp(v)) == struct.pack("d", math.exp(v)) for v in x)
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-3000:]


def test_fastmath_numbers_call_the_c_library(mods):
    """`@fastmath` keeps the C library's `exp` on single numbers (docs/language.md): CPython's
    `math.exp` bits, which differ from NumPy's for some of these items."""
    compiled, _ = mods
    values = inputs(np.float64, n=200, seed=9)
    got = [struct.pack("d", compiled.fast_exp(float(v))) for v in values]
    with np.errstate(all="ignore"):
        want = [struct.pack("d", math_exp(float(v))) for v in values]
    assert got == want


def math_exp(v: float) -> float:
    import math
    try:
        return math.exp(v)
    except OverflowError:
        return float("inf")


def test_module_runs_without_fastext(tmp_path):
    """The lookup uses only NumPy's public objects and the C API: a built module, imported where
    fastext and llvmlite cannot be, gives NumPy's bits (what a wheel built by fastext does)."""
    import subprocess
    import sys
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    src = tmp_path / "alone.fx"
    src.write_text("import numpy as np\nfrom fastext import f64\n\n\n"
                   "def f(x: f64[:]) -> f64[:]:\n    return np.exp(x) + np.arctan2(x, 0.5)\n")
    so = tmp_path / "alone.so"
    link_shared(compile_file(str(src), "alone").object_code, str(so))
    script = f"""
import importlib.util, sys
sys.modules["fastext"] = sys.modules["llvmlite"] = None      # as if not installed: importing them fails
import numpy as np
spec = importlib.util.spec_from_file_location("alone", {str(so)!r})
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
x = np.linspace(-30, 30, 100_001)
assert mod.f(x).tobytes() == (np.exp(x) + np.arctan2(x, 0.5)).tobytes()
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          cwd=str(tmp_path))
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-3000:]
