"""`cmath` in compiled code (tests/fx/cmathfns.fx) against CPython's own cmath, bit for bit.

The interpreted module calls CPython's cmath; the compiled one runs the port in
compiler/lower/cmath.py.  Results must be identical — signs of zeros included, any NaN
equal to any NaN — and the same inputs must raise the same exceptions.
"""
from __future__ import annotations

import functools
import cmath
import math
import os
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bitexact
import fxload
from bitexact import same
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

CMATH = os.path.join(fxload.FX_DIR, "cmathfns.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "60")) * 3, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
UNARY = ("sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "asin", "acos", "atan", "asinh", "acosh", "atanh", "phase_of", "polar_of", "tests")
# the values where CPython's algorithms switch branches, and the special values
EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 0.71, 1.73, 710.0, -710.0, 708.3964185322641, 1e-310, -5e-324,
         sys.float_info.min, sys.float_info.max, -sys.float_info.max, sys.float_info.max / 4, 6.703903964971298e+153,
         1.4916681462400413e-154, math.pi / 2, math.inf, -math.inf, math.nan]
parts = st.one_of(st.sampled_from(EDGES), st.floats(), st.floats(-4, 4), st.floats(-1e-300, 1e-300))
complexes = st.builds(complex, parts, parts)


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(CMATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(CMATH)


check = functools.partial(bitexact.check, errors=(ValueError, OverflowError), messages=True)


@pytest.mark.parametrize("name", UNARY)
def test_every_special_pair(m, py, name):
    """All 23×23 pairs of edge values: the special-value tables and every branch switch."""
    for re in EDGES:
        for im in EDGES:
            check(m, py, name, complex(re, im))


@pytest.mark.parametrize("name", UNARY)
@SETTINGS
@given(z=complexes)
@example(z=complex(1.0, 1e-200))
def test_unary(m, py, name, z):
    check(m, py, name, z)


@SETTINGS
@given(complexes, complexes)
@example(0j, 2 + 0j)
@example(2 + 0j, 1 + 0j)
@example(1 + 0j, 0j)
def test_log_with_base(m, py, z, base):
    check(m, py, "log_base", z, base)


@SETTINGS
@given(parts, parts)
def test_rect(m, py, r, phi):
    check(m, py, "rect_of", r, phi)


def test_rect_special_pairs(m, py):
    for r in EDGES:
        for phi in EDGES:
            check(m, py, "rect_of", r, phi)


def test_constants_conversions_and_errors(m, py):
    assert same(m.constants(), (cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan))
    assert same(m.complex_constants(), py.complex_constants())
    for x, n in ((2.0, 3), (-2.0, 1), (0.5, 7)):
        check(m, py, "of_real", x, n)
    assert m.of_c64(2j) == py.of_c64(2j) == cmath.sqrt(2j)
    assert m.caught(0j) == py.caught(0j) == 1 and m.caught(1j) == 0
    with pytest.raises(ValueError, match="math domain error"):
        m.log(0j)
    with pytest.raises(OverflowError, match="math range error"):
        m.exp(1000 + 0j)
    with pytest.raises(ValueError, match="math domain error"):
        m.log_base(3, 1)


@pytest.mark.parametrize("source, message", [
    ("import cmath\ndef f(z: complex) -> complex:\n    return cmath.sqrt(z, z)\n", "cmath.sqrt takes 1 argument, got 2"),
    ("import cmath\ndef f(z: complex) -> complex:\n    return cmath.log()\n", "cmath.log takes 1 or 2 arguments, got 0"),
    ("import cmath\ndef f(z: complex) -> complex:\n    return cmath.rect(z, 1.0)\n", "cmath.rect needs a real number"),
    ("import cmath\ndef f(z: complex) -> complex:\n    return cmath.acot(z)\n", "cmath.acot is not supported"),
    ("import cmath\ndef f(z: complex) -> bool:\n    return cmath.isclose(z, z, 1e-3)\n", "takes 2 positional"),
    ("import cmath\ndef f(z: complex) -> bool:\n    return cmath.isclose(z, z, tol=1.0)\n", "unexpected or repeated"),
    ("import cmath\ndef f(z: complex) -> bool:\n    return cmath.isclose(z, z, abs_tol=z)\n", "must be a real number"),
    ("import cmath\ndef f(z: complex) -> complex:\n    return cmath.sqrt(z=z)\n", "takes no keyword arguments"),
    ("from cmath import polar\ndef f(z: complex) -> complex:\n    return polar(z)\n", "return value has type c128"),
    ("import cmath\ndef f(z: complex) -> complex:\n    return cmath.sqrt(z) + cmath.j\n", "cmath.j is not a supported"),
])
def test_misuse(source, message):
    with pytest.raises(CompileError) as info:
        compile_source(source, "bad.fx", "bad")
    assert message in str(info.value)


@SETTINGS
@given(complexes, complexes, st.sampled_from([1e-9, 0.0, 0.5, 1e-300, math.inf, math.nan, -1.0]),
       st.sampled_from([0.0, 1e-12, 1.0, math.inf, math.nan, -0.5]))
def test_isclose(m, py, a, b, rel, tol):
    check(m, py, "close", a, b)
    check(m, py, "close", a, a + complex(a.real * 1e-10, 0))
    check(m, py, "close_tol", a, b, rel, tol)
