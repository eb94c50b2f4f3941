"""`x ** 2`, `x ** 3`, `x ** 4`, `x ** -1`, `x ** -2`, `x ** 0.5` with constant exponents
(lower/arith.py: _reduced_pow) against CPython bit for bit, errors included.

CPython's float `**` is the C library's pow(), which is not correctly rounded (glibc: within
0.52 ULP); the reduced forms are, so they are used only where their rounding error shows the
exact value far enough from a tie that pow must agree.  The near-tie inputs below are the
ones where `x * x` or `1.0 / x` alone would differ from CPython.
"""
from __future__ import annotations

import math
import os
import random
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bitexact
import fxload

SRC = os.path.join(fxload.FX_DIR, "powred.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "60")) * 10, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
NAMES = ("p2", "p3", "p4", "pm1", "pm2", "phalf", "pf2")
SPECIALS = [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 2.0 ** -1022, 1e-160,
            1e-200, 1e-300, 1e154, 1e155, 1e200, 1e308, -1e308, 1.7976931348623157e308, 2.0 ** 480, 2.0 ** -480,
            2.0 ** 320, 2.0 ** -320, 3.0, -3.0, 0.5, 2.0 ** 0.5]
ERRORS = (ZeroDivisionError, OverflowError, ValueError)
F32 = {"s2": 2.0, "s3": 3.0, "s4": 4.0, "sm1": -1.0, "sm2": -2.0, "shalf": 0.5}


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(SRC)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(SRC)


def check(m, py, name, x):
    if name == "phalf" and x < 0 and math.isfinite(x):
        # CPython's answer is complex there; a float function raises rather than return NaN
        assert isinstance(py.phalf(x), complex)
        with pytest.raises(ValueError, match="fractional power"):
            m.phalf(x)
        return
    bitexact.check(m, py, name, x, errors=ERRORS)


def near_ties(n: int, seed: int) -> list[float]:
    """Operands whose square, reciprocal or root lies very near a rounding tie."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        y = rng.uniform(1, 2)
        tie = y + math.ulp(y) / 2
        scale = 2.0 ** rng.randint(-300, 300)
        out += [math.sqrt(tie) * scale * rng.choice((1, -1)), 1 / tie * scale, tie * tie * scale]
        out.append(rng.uniform(-1e10, 1e10) * 2.0 ** rng.randint(-200, 200))
    return out


def test_specials(m, py):
    for name in NAMES:
        for x in SPECIALS + [-v for v in SPECIALS]:
            check(m, py, name, x)


def test_near_ties(m, py):
    # 4000 operands a function: several dozen of them make `x * x` / `1.0 / x` differ from pow
    for name in NAMES:
        for x in near_ties(1000, 7):
            check(m, py, name, x)


@SETTINGS
@given(st.one_of(st.floats(), st.floats(-1e3, 1e3), st.sampled_from(SPECIALS)))
@example(-0.0)
@example(1e-323)
def test_floats(m, py, x):
    for name in NAMES:
        check(m, py, name, x)


def band_operands(n: int, seed: int) -> list[float]:
    """Operands whose square or root lies 0.45-0.5 ULP from the nearest double, moderate in
    size: the band between the general and the near-range tie margins (POW_TIE_MARGIN*)."""
    rng = random.Random(seed)
    out: list[float] = []
    while len(out) < n:
        x = rng.uniform(-1e6, 1e6) * 2.0 ** rng.randint(-20, 20)
        h = x * x
        if abs(Fraction(x) ** 2 - Fraction(h)) >= Fraction(0.45) * Fraction(math.ulp(h)):
            out.append(x)
    return out


def test_margin_band(m, py):
    # the operands the 0.484 margin now sends down the fast path, and the ones it does not
    xs = band_operands(3000, 11)
    for x in xs:
        for name in ("p2", "pf2", "p4"):
            check(m, py, name, x)
    assert sum(x ** 2 != x * x for x in xs) > 5     # the band holds pow's misrounded squares
    for y in root_band_operands(1000, 13):
        check(m, py, "phalf", y)


def root_band_operands(n: int, seed: int) -> list[float]:
    """Operands whose square root lies 0.45-0.5 ULP from the nearest double."""
    rng = random.Random(seed)
    out: list[float] = []
    while len(out) < n:
        y = rng.uniform(0, 1e6) * 2.0 ** rng.randint(-40, 40)
        c = math.sqrt(y)
        if abs((Fraction(y) - Fraction(c) ** 2) / (2 * Fraction(c))) >= Fraction(0.45) * Fraction(math.ulp(c)):
            out.append(y)
    return out


def test_binade_edges(m, py):
    # results at and just around powers of two and at the ends of the table ranges
    # (2**-64, 2**64, 2**-480, 2**480, 2**-960, 2**960), where the test's binade changes
    xs = []
    for k in (-960, -481, -480, -479, -65, -64, -63, -1, 0, 1, 63, 64, 65, 479, 480, 481, 959, 960):
        for j in range(-3, 4):
            for base in (2.0 ** k, 2.0 ** (k / 2), 2.0 ** (-k / 2)):
                x = base * (1 + j * 2.0 ** -52)
                xs += [x, math.nextafter(x, 0), math.nextafter(x, math.inf)]
    for x in xs:
        for name in NAMES:
            check(m, py, name, x)


def test_negative_base_fractional_power(m, py):
    for x, y in ((-4.0, 0.5), (-8.0, 1 / 3), (-1e-300, 2.5), (-2.0, -0.5)):
        assert isinstance(py.general(x, y), complex)
        with pytest.raises(ValueError, match="negative number cannot be raised to a fractional power"):
            m.general(x, y)
    for x, y in ((-2.0, 3.0), (-math.inf, 0.5), (-2.0, math.inf), (-2.0, math.nan), (-0.0, 0.5)):
        bitexact.check(m, py, "general", x, y, errors=ERRORS)


def test_errors_kept(m):
    with pytest.raises(ZeroDivisionError, match="0.0 cannot be raised to a negative power"):
        m.pm1(0.0)
    with pytest.raises(ZeroDivisionError):
        m.pm2(-0.0)
    with pytest.raises(OverflowError):
        m.p2(1e200)
    with pytest.raises(OverflowError):
        m.p3(-1e103)
    with pytest.raises(OverflowError):
        m.pm1(5e-324)
    with pytest.raises(OverflowError):
        m.pm2(1e-160)
    assert m.p2(math.inf) == math.inf and math.isnan(m.p2(math.nan))


@SETTINGS
@given(st.floats(width=32))
def test_f32_same_as_general_path(m, x):
    """f32 operands: the reduced forms give what libm's pow of the widened values gives."""
    for name, e in F32.items():
        got = bitexact.outcome(getattr(m, name), x, errors=ERRORS)
        want = bitexact.outcome(m.f32_general, x, e, errors=ERRORS)
        assert got[0] == want[0] and (bitexact.same(got[1], want[1]) if got[0] == "ok" else got == want), \
            (name, x, got, want)


def test_f32_errors(m):
    with pytest.raises(OverflowError):
        m.s2(1e30)          # beyond f32: a finite operand with an infinite result
    with pytest.raises(ZeroDivisionError):
        m.sm1(0.0)
    for x in near_ties(300, 5):
        x = float(np.float32(x)) if abs(x) < 1e38 else 1.5
        for name, e in F32.items():
            got = bitexact.outcome(getattr(m, name), x, errors=ERRORS)
            assert got == bitexact.outcome(m.f32_general, x, e, errors=ERRORS) or math.isnan(got[1])


def test_ints(m, py):
    for n in (0, 1, -1, 2, -3, 7, 3037000499, 3037000500, -(2 ** 21), 2 ** 62, -(2 ** 63)):
        bitexact.check(m, py, "int_pows", n) if abs(n) < 2 ** 15 else m.int_pows(n)   # wide: wraps
    with pytest.raises(ValueError):
        m.int_neg(2)


def test_fastmath_keeps_specials(m):
    assert m.fm2(3.0) == 9.0
    assert m.fm2(math.inf) == math.inf and math.isnan(m.fm2(math.nan)) and m.fm2(-0.0) == 0.0
    with pytest.raises(OverflowError):
        m.fm2(1e200)
    for x in near_ties(200, 3):
        if abs(x) < 1e150:
            assert m.fm2(x) == x * x        # correctly rounded (may differ from pow's last bit)


def test_loops(m, py):
    x = np.random.default_rng(1).uniform(-2, 2, 1001)
    assert bitexact.same(m.rosenbrock(x), py.rosenbrock(x))
    assert bitexact.same(m.l2norm(x), py.l2norm(x))


def test_optimised_ir_multiplies():
    """The hot path of `x ** 2` is a multiply and an fma; pow() only on the cold fallback."""
    from fastext.compiler.driver import compile_file
    text = compile_file(SRC, "powred").llvm_ir
    body = _function(text, "fxw.p2") or _function(text, "fx.p2")
    assert "fmul double" in body and "llvm.fma.f64" in body
    assert body.count("@pow(") <= 1
    int_body = _function(text, "fxw.int_pows") or _function(text, "fx.int_pows")
    assert "@pow(" not in int_body and "mul i64" in int_body


def _function(text: str, name: str) -> str:
    start = text.find(f"@{name}(")
    if start < 0:
        start = text.find(f'@"{name}"(')
    if start < 0:
        return ""
    return text[start:text.find("\n}\n", start)]
