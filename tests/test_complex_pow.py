"""`a ** b` for complex numbers with run-time exponents, against CPython bit for bit.

tests/fx/complexpow.fx compiled runs lower/complex_pow.py (CPython's complex_pow: c_powi
for small integral exponents, _Py_c_pow otherwise, and its errno rules); interpreted it is
CPython's own `**`.
"""
from __future__ import annotations

import functools
import math
import os
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bitexact
import fxload

POW = os.path.join(fxload.FX_DIR, "complexpow.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "60")) * 4, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 3.0, -3.0, 100.0, -100.0, 101.0, 1e-310, 1e300, -1e300,
         sys.float_info.max, math.inf, -math.inf, math.nan]
parts = st.one_of(st.sampled_from(EDGES), st.floats(), st.floats(-10, 10), st.integers(-120, 120).map(float))
complexes = st.builds(complex, parts, parts)
exponents = st.one_of(complexes, st.builds(complex, st.integers(-120, 120).map(float), st.just(0.0)))


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(POW)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(POW)


check = functools.partial(bitexact.check, errors=(ZeroDivisionError, OverflowError), messages=True)


def test_edge_pairs(m, py):
    for a in EDGES[::2]:
        for b in EDGES:
            for c in (0.0, -1.0, 2.5):
                check(m, py, "pow_cc", complex(a, c), complex(b, 0.0))
                check(m, py, "pow_cc", complex(c, a), complex(b, c))


@SETTINGS
@given(complexes, exponents)
@example(0j, -1 + 0j)
@example(0j, 1j)
@example(0j, 0j)
@example(2 + 0j, complex(0, 1e308))
@example(1e300 + 0j, complex(0.0, 1e308))
@example(complex(1e200, 1e200), 2.5 + 0j)
def test_pow(m, py, a, b):
    check(m, py, "pow_cc", a, b)
    check(m, py, "pow_aug", a, b)
    check(m, py, "pow_caught", a, b)


@SETTINGS
@given(complexes, parts, st.integers(-150, 150))
def test_pow_real_exponents(m, py, a, x, n):
    check(m, py, "pow_cf", a, x)
    check(m, py, "pow_ci", a, n)
    check(m, py, "pow_fc", x, a)
    check(m, py, "pow_const", a)


def test_errors_and_c64(m, py):
    with pytest.raises(ZeroDivisionError, match="0.0 to a negative or complex power"):
        m.pow_cc(0j, 1j)
    with pytest.raises(ZeroDivisionError, match="0.0 to a negative or complex power"):
        m.pow_ci(0j, -3)
    with pytest.raises(OverflowError, match="complex exponentiation"):
        m.pow_cc(1e200 + 1e200j, 2.5 + 0j)
    # c64 computes the power in c128 and rounds the result to single precision
    from fastext import c64
    for a, b in ((1 + 2j, 0.5 + 0.25j), (2j, 3 + 0j), (1.5 - 1j, -2.5 + 0j)):
        assert m.pow_c64(a, b) == c64(c64(a) ** c64(b))   # interpreted: unrounded (documented)
