"""`int / int` is Python's correctly rounded true division, also beyond 2**53.

Both operands used to be converted to f64 first (up to three roundings):
4490899110624421474 / 8469216845598671737 gave 0.5302614388670749 compiled and
0.530261438867075 in Python.  Operands that fit in 53 bits still take one `fdiv` (the
`ramp` loop stays vectorisable: array indices are below 2**53 by construction)."""
from __future__ import annotations

import math
import os
import random

import numpy as np
import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "truediv.fx")
I64 = (-2**63, 2**63 - 1)


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(FX)


def same(a: float, b: float) -> bool:
    return a == b and math.copysign(1, a) == math.copysign(1, b)


def test_issue_example(m):
    a, b = 4490899110624421474, 8469216845598671737
    assert m.div(a, b) == a / b == 0.530261438867075


@pytest.mark.parametrize("a,b", [
    (2**63 - 1, 1), (-2**63, 1), (-2**63, -1), (2**63 - 1, -2**63), (1, 2**63 - 1), (-1, -2**63),
    (2**53 + 1, 1), (2**53 + 1, 3), (-(2**53) - 1, 3), (2**53, 2**53 + 1), (0, 2**60), (0, -2**60), (0, -5),
    (3, 2**62 + 1), (10**18 + 3, 10**18 + 1), (2**62, 3), (-(2**62) - 7, 2**61 + 5), (1, 3), (-7, 2),
])
def test_edges(m, a, b):
    assert same(m.div(a, b), a / b)
    assert same(m.caught(a, b), a / b)


def test_unsigned_and_mixed(m):
    for a, b in [(2**64 - 1, 1), (2**64 - 1, 2**64 - 2), (2**64 - 1, 3), (2**63, 2**63 + 1), (1, 2**64 - 1),
                 (12345678901234567891, 98765432109876543)]:
        assert same(m.div_u(a, b), a / b)
    for a, b in [(2**64 - 1, -1), (2**64 - 1, -(2**63)), (2**63 + 5, 7), (0, -3), (2**60 + 1, -(2**53) - 3)]:
        assert same(m.div_mixed(a, b), a / b)


def test_constants_and_narrow(m):
    for a in [2**63 - 1, -2**63, 10**18 + 7, 3, -2**53 - 1, 0]:
        assert same(m.div_const(a), a / 3)
        if a:
            assert same(m.const_div(a), 12345678901234567891 / a)
    assert m.div_narrow(-2**31, -128) == -2**31 / -128
    assert m.div_narrow(7, 2) == 3.5


def test_zero_division(m):
    with pytest.raises(ZeroDivisionError, match="^division by zero$"):
        m.div(2**60, 0)
    with pytest.raises(ZeroDivisionError, match="^division by zero$"):
        m.div(5, 0)
    with pytest.raises(ZeroDivisionError):
        m.div_u(2**64 - 1, 0)
    assert m.caught(2**62, 0) == -1.0


def test_ramp(m):
    out = np.zeros(1001)
    m.ramp(out, 7)
    assert out.tolist() == [i / 7 for i in range(1001)]
    m.ramp(out[::-3], 2**60 + 1)
    assert out[::-3].tolist() == [i / (2**60 + 1) for i in range(len(out[::-3]))]


def random_operand(rng: random.Random) -> int:
    kind = rng.random()
    if kind < 0.3:
        return rng.randint(*I64)
    if kind < 0.5:
        return rng.randint(-2**54, 2**54)
    if kind < 0.7:
        return max(I64[0], min(I64[1], rng.randint(-9, 9) << rng.randint(40, 62))) + rng.randint(-2, 2)
    return rng.choice([2**53 + 1, -(2**53) - 1, 2**53 - 1, 2**63 - 1, -2**63, 1, -1, 3, 2**62 + 1])


def test_random(m):
    rng = random.Random(53)
    for _ in range(20000):
        a, b = random_operand(rng), random_operand(rng)
        a = max(I64[0], min(I64[1], a))
        b = max(I64[0], min(I64[1], b))
        if b:
            assert same(m.div(a, b), a / b), (a, b)
