"""Numba source compiles as written (frontend/numba.py): `@njit(...)`, `@numba.jit(...)`,
`prange` from numba, `numba.prange`; the options that mean something here are honoured and the
others are located errors.  (No Numba needed: only the compiled module is imported.)"""
from __future__ import annotations

import os

import numpy as np
import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source, typed_ir_file

PATH = os.path.join(fxload.FX_DIR, "numba_source.fx")


def test_numba_kernels_compile_unchanged():
    m = fxload.compiled(PATH)
    a, mat = np.arange(5.0), np.arange(6.0).reshape(2, 3)
    assert m.dot(a, a) == 30.0
    np.testing.assert_array_equal(m.rowsum(mat), mat.sum(axis=1))
    np.testing.assert_array_equal(m.scale(a), 2 * a)
    # results read from the returns (bare `-> tuple`, none written) under a jit decorator too
    assert m.minmax(np.array([3.0, -1.0, 7.5])) == (-1.0, 7.5)
    assert m.mean_of(np.array([1.0, 2.0, 6.0])) == 3.0


def test_fastmath_and_boundscheck_are_honoured(tmp_path):
    path = tmp_path / "nb.fx"
    path.write_text("from numba import njit\nfrom fastext import f64\n\n\n"
                    "@njit(fastmath=True, boundscheck=False)\ndef f(a: f64[:]) -> f64:\n    return a[0]\n\n\n"
                    "@njit\ndef g(a: f64[:]) -> f64:\n    return a[0]\n")
    text = typed_ir_file(str(path))
    f_line = next(line for line in text.splitlines() if line.startswith("def f("))
    g_line = next(line for line in text.splitlines() if line.startswith("def g("))
    assert "fastmath" in f_line and "unchecked" in f_line
    assert "fastmath" not in g_line and "unchecked" not in g_line


@pytest.mark.parametrize("source,message,where", [
    ("from numba import njit, cfunc\n", "numba.cfunc has no meaning in .fx code", (1, 25)),
    ("from numba import njit\n\n\n@njit(error_model='numpy', spam=True)\ndef f(x: f64) -> f64:\n    return x\n",
     "Numba's option `spam` is not supported here", (4, 33)),
])
def test_what_has_no_meaning_here_is_a_located_error(source, message, where):
    with pytest.raises(CompileError) as info:
        compile_source("from fastext import f64\n" + source, "nb.fx", "nb")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert str(d.span) == "nb.fx:%d:%d" % (where[0] + 1, where[1])


def test_explicit_signatures_type_unannotated_kernels():
    """`@njit("f8(f8[:])")`: the signature gives the types the annotations leave out (the first of
    a list), so Numba's eager kernels are exported as written."""
    m = fxload.compiled(os.path.join(fxload.FX_DIR, "numba_signatures.fx"))
    a = np.arange(5.0)
    assert m.total(a) == 10.0
    np.testing.assert_array_equal(m.scaled(np.ones((2, 3)), 3), np.full((2, 3), 3.0))
    y = np.zeros(5)
    assert m.axpy(a, y) is None
    np.testing.assert_array_equal(y, 2 * a)
    assert m.minmax(a) == (0.0, 4.0) and m.gcd(48, 18) == 6
    with pytest.raises(ValueError, match=r"total\(\) argument 'a' must be f64\[:\]"):
        m.total(np.arange(5))


@pytest.mark.parametrize("sig", ["f8(f8[:]", "f8(f8[:], i8)", "f8(mystery)", "Record(f8)(f8)"])
def test_unreadable_signature_is_located(tmp_path, sig):
    text = fxload.compile_error(tmp_path, f"from numba import njit\n\n\n@njit({sig!r})\ndef f(a):\n    return a[0]\n")
    assert "bad_program.fx:4:7:" in text and "cannot read the Numba signature" in text and "hint:" in text


def test_the_plain_python_oracle_runs_recursive_njit_functions(tmp_path):
    """Run as plain Python, the source's @njit is Numba's: it compiles at the first call and
    then looks the module up in sys.modules, which the oracle's module must be in."""
    pytest.importorskip("numba")
    path = tmp_path / "nbfib.fx"
    path.write_text("from numba import njit\n\n\n@njit\ndef fib(n: int) -> int:\n"
                    "    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n")
    assert fxload.interpreted(str(path)).fib(15) == 610 == fxload.compiled(str(path)).fib(15)
