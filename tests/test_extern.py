"""`@extern(library)`: C functions called natively from `.fx` code, loaded at import, the same
calls through ctypes under plain Python (docs/extern.md)."""
import math
import os
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import fastext
from fastext.compiler.diagnostics import CompileError
from fxload import compiled as load_fx   # tests/fxload.py: the compiler and linker, no import hook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

LIBM = '''\
from fastext import extern, f64, i64
import fastext


@extern("m")
def cbrt(x: f64) -> f64:
    """C's cube root."""
    ...


@fastext.extern("m")
def hypot(x: f64, y: f64) -> f64: ...


def cbrt_sum(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += cbrt(x[i]) + hypot(x[i], 1.0)
    return s
'''

C_SOURCE = r'''
#include <stdbool.h>
#include <stdint.h>
int32_t add_i32(int32_t a, int32_t b) { return a + b; }
double dot(const double *x, const double *y, int64_t n) {
    double s = 0; for (int64_t i = 0; i < n; i++) s += x[i] * y[i]; return s;
}
void scale(double *x, int64_t n, double a) { for (int64_t i = 0; i < n; i++) x[i] *= a; }
bool is_even(int64_t n) { return n % 2 == 0; }
float halve(float x) { return x / 2; }
'''

MINE = '''\
from fastext import extern, f32, f64, i32, i64


@extern("./libmine.so")
def add_i32(a: i32, b: i32) -> i32: ...


@extern("./libmine.so")
def dot(x: f64[:], y: f64[:], n: i64) -> f64: ...


@extern("./libmine.so")
def scale(x: f64[:], n: i64, a: f64) -> None: ...


@extern("./libmine.so")
def is_even(n: i64) -> bool: ...


@extern("./libmine.so")
def halve(x: f32) -> f32: ...


def norm2_scaled(x: f64[:], a: f64) -> f64:
    scale(x, len(x), a)
    return dot(x, x, len(x))


def count_even(n: i64) -> i64:
    c = 0
    for i in range(n):
        if is_even(i):
            c += add_i32(1, 0)
    return c
'''


def _write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(textwrap.dedent(text))
    return path


@pytest.fixture(scope="module")
def libmine(tmp_path_factory):
    cc = shutil.which("gcc") or shutil.which("cc")
    if cc is None:
        pytest.skip("no C compiler to build the test library")
    folder = tmp_path_factory.mktemp("extern")
    src = _write(str(folder), "mine.c", C_SOURCE)
    subprocess.run([cc, "-shared", "-fPIC", "-O2", "-o", str(folder / "libmine.so"), src], check=True, timeout=120)
    _write(str(folder), "mine.fx", MINE)
    return folder


def test_libm_compiled_equals_interpreted(tmp_path):
    path = _write(str(tmp_path), "withlibm.fx", LIBM)
    compiled, plain = load_fx(path), fastext.load_interpreted(path)
    x = np.linspace(0.0, 50.0, 101)
    assert compiled.cbrt(27.0) == plain.cbrt(27.0) == pytest.approx(3.0)
    assert compiled.hypot(3.0, 4.0) == plain.hypot(3.0, 4.0) == 5.0
    assert compiled.cbrt_sum(x) == plain.cbrt_sum(x)
    assert compiled.cbrt.__doc__.endswith("C's cube root.")
    with pytest.raises(TypeError, match="'x'"):
        compiled.cbrt("8")


def test_own_library_scalars_pointers_bools(libmine):
    path = str(libmine / "mine.fx")
    compiled, plain = load_fx(path), fastext.load_interpreted(path)
    for mod in (compiled, plain):
        assert mod.add_i32(2, 3) == 5
        assert mod.add_i32(2**31 - 1, 1) == -2**31          # C's int32_t arithmetic, both ways
        assert mod.is_even(4) is True and mod.is_even(5) is False
        assert mod.halve(3.0) == 1.5
        assert mod.count_even(11) == 6
        x = np.arange(4.0)
        assert mod.norm2_scaled(x, 2.0) == 4.0 * (0 + 1 + 4 + 9)
        assert list(x) == [0.0, 2.0, 4.0, 6.0]                # written through the pointer
        assert mod.dot(x, x, 4) == 56.0
    with pytest.raises(TypeError, match="'x'"):
        compiled.dot([1.0], np.ones(1), 1)


def test_calls_are_inlined_indirect_calls(libmine):
    from fastext.compiler.driver import compile_file
    art = compile_file(str(libmine / "mine.fx"), "mine")
    ir = art.llvm_ir
    body = ir[ir.index("define internal ptr @fxw.count_even"):]
    body = body[:body.index("\n}\n")]
    assert 'load ptr, ptr @"fx$extern.is_even"' in body and "call i8 %" in body     # through the pointer
    assert "PyObject_Call" not in body and "@fx.is_even" not in body                    # nothing between


def test_missing_library_and_symbol_fail_the_import_naming_them(tmp_path):
    path = _write(str(tmp_path), "nolib.fx", '''\
        from fastext import extern, f64

        @extern("fastext_no_such_library")
        def nothing(x: f64) -> f64: ...
    ''')
    with pytest.raises(ImportError, match="fastext_no_such_library"):
        load_fx(path)
    with pytest.raises(ImportError, match="fastext_no_such_library"):
        fastext.load_interpreted(path)
    path = _write(str(tmp_path), "nosym.fx", '''\
        from fastext import extern, f64

        @extern("m")
        def no_such_function_in_libm(x: f64) -> f64: ...
    ''')
    with pytest.raises(ImportError, match="no symbol `no_such_function_in_libm`"):
        load_fx(path)
    with pytest.raises(ImportError, match="no symbol `no_such_function_in_libm`"):
        fastext.load_interpreted(path)


@pytest.mark.parametrize("source, where, message", [
    ('@extern\ndef f(x: f64) -> f64: ...\n', "3:2", "@extern needs the library"),
    ('@extern(3)\ndef f(x: f64) -> f64: ...\n', "3:9", "one library name or path, as a string literal"),
    ('@extern("m")\ndef f(x: f64) -> f64:\n    return x\n', "5:5", "its body must be `...`"),
    ('@extern("m")\ndef f(x: list[f64]) -> f64: ...\n', "4:7", "parameter `x` of the @extern function `f`"),
    ('@extern("m")\ndef f(x: f64) -> f64[:]: ...\n', "4:18", "returns f64[:]"),
])
def test_bad_declarations_are_located_diagnostics(tmp_path, source, where, message):
    path = _write(str(tmp_path), "bad.fx", "from fastext import extern, f64\n\n" + source)
    with pytest.raises(CompileError) as info:
        load_fx(path)
    text = str(info.value)
    assert f"bad.fx:{where}: error:" in text and message in text and "^" in text, text


def test_module_built_as_a_standalone_extension_loads_libm(tmp_path):
    """What a wheel ships: `fastext build` output, imported by a process without fastext."""
    path = _write(str(tmp_path), "withlibm.fx", LIBM)
    out = subprocess.run([sys.executable, "-m", "fastext.cli", "build", path], capture_output=True, text=True,
                         timeout=300, env=dict(os.environ, PYTHONPATH=ROOT))
    assert out.returncode == 0, out.stderr
    os.remove(path)
    code = "import sys, withlibm; assert 'fastext' not in sys.modules; print(withlibm.cbrt(8.0))"
    run = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         timeout=120, env={"PATH": os.environ.get("PATH", ""), "FASTEXT_NO_HOOK": "1"})
    assert run.returncode == 0 and run.stdout.strip() == "2.0", run.stderr


def test_extern_imported_from_another_fx_module(tmp_path):
    """`from withlibm import cbrt` in another .fx: that module resolves the symbol itself (each
    extension is self-contained), and Python's copy of the imported function calls it too."""
    _write(str(tmp_path), "withlibm.fx", LIBM)
    path = _write(str(tmp_path), "user.fx", '''\
        from fastext import f64
        from withlibm import cbrt


        def twice_cbrt(x: f64) -> f64:
            return 2.0 * cbrt(x)
    ''')
    compiled, plain = load_fx(path), fastext.load_interpreted(path)
    assert compiled.twice_cbrt(27.0) == plain.twice_cbrt(27.0) == pytest.approx(6.0)
    assert compiled.cbrt(8.0) == plain.cbrt(8.0) == 2.0


def test_plain_python_also_takes_a_ctypes_cdll():
    """Under plain Python `@extern(ctypes.CDLL(...))` works (docs/extern.md: compiled code needs
    the name or path as a string)."""
    import ctypes
    import ctypes.util
    from fastext import f64
    libm = ctypes.CDLL(ctypes.util.find_library("m"))

    @fastext.extern(libm)
    def cbrt(x: f64) -> f64: ...
    assert cbrt(27.0) == math.cbrt(27.0)      # CPython's math.cbrt is libm's (3.11+)
    with pytest.raises(TypeError, match="library name or path"):
        fastext.extern(3)(lambda x: x)


def test_bad_arguments_name_the_parameter_in_both_modes(tmp_path):
    path = _write(str(tmp_path), "withlibm.fx", LIBM)
    for mod in (load_fx(path), fastext.load_interpreted(path)):
        with pytest.raises(TypeError, match="'y'"):
            mod.hypot(1.0, "two")
