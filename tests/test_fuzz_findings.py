"""What the fuzzers found (tests/progfuzz.py), each checked against plain Python."""
from __future__ import annotations

import os

import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "fuzz_findings.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def outcome(fn, *args):
    try:
        return "ok", fn(*args)
    except Exception as e:     # noqa: BLE001
        return type(e), str(e)


@pytest.mark.parametrize("name,args", [("mod", (7, 0)), ("floordiv", (7, 0)), ("mod", (-7, 2))])
def test_zero_division_messages(both, name, args):
    """CPython 3.11 says "integer modulo by zero" for `%` (and "... division or modulo" for `//`)."""
    native, oracle = both
    assert outcome(getattr(native, name), *args) == outcome(getattr(oracle, name), *args)


@pytest.mark.parametrize("a", [2**63 - 1, -2**63, 2**53 + 1, -(2**53) - 1, 0, 7])
def test_floor_of_an_int_is_the_int(both, a):
    """math.floor/ceil/trunc(int) went through f64: 2**53 + 1 rounded, 2**63 - 1 overflowed."""
    native, oracle = both
    assert outcome(native.floor_of_int, a) == outcome(oracle.floor_of_int, a)
    assert native.floor_of_u64(2**64 - 1) == 2**64 - 1


@pytest.mark.parametrize("a,b", [(2**53 + 1, 3), (4490899110624421474, 8469216845598671737), (5, 0), (-(2**62) - 3, 7)])
def test_int_by_float_is_a_float_division(both, a, b):
    """`a / float(b)` rounds `a` to a float first (not the exact int / int division)."""
    native, oracle = both
    assert outcome(native.int_by_float, a, b) == outcome(oracle.int_by_float, a, b)
    assert outcome(native.float_by_int, float(a), b) == outcome(oracle.float_by_int, float(a), b)
