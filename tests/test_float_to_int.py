"""int() of floats: one range test on the hot path, CPython's errors and messages on the cold one.

The compiled conversion tests `-2^63 <= x < 2^63` (NaN and ±inf fail both compares) and
only then works out which error to raise; these tests pin the errors, their exact
messages (CPython's for NaN and infinity), and the edges of the range, compiled and
interpreted.
"""
from __future__ import annotations

import math
import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fxload

FX = os.path.join(fxload.FX_DIR, "float_to_int.fx")
TWO63 = 2.0 ** 63
BELOW_TWO63 = math.nextafter(TWO63, 0.0)        # 2^63 - 1024, the largest double < 2^63
BELOW_MIN = math.nextafter(-TWO63, -math.inf)   # the first double below -2^63
MODES = ("compiled", "interpreted")


def mod(mode: str):
    return fxload.compiled(FX) if mode == "compiled" else fxload.interpreted(FX)


def raised(fn, *args) -> tuple[type, str]:
    with pytest.raises(Exception) as info:
        fn(*args)
    return type(info.value), str(info.value)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", ["to_i64", "to_i32", "to_u64", "f32_to_i64"])
def test_nan_and_infinity_raise_cpythons_errors(mode, name):
    fn = getattr(mod(mode), name)
    assert raised(fn, math.nan) == (ValueError, "cannot convert float NaN to integer")
    assert raised(fn, -math.nan) == (ValueError, "cannot convert float NaN to integer")
    for inf in (math.inf, -math.inf):
        assert raised(fn, inf) == (OverflowError, "cannot convert float infinity to integer")


@pytest.mark.parametrize("mode", MODES)
def test_edges_inside_the_range(mode):
    m = mod(mode)
    assert m.to_i64(-TWO63) == -2**63                     # exactly representable: valid
    assert m.to_i64(BELOW_TWO63) == 2**63 - 1024
    assert m.to_i64(-0.0) == 0 and m.to_i64(-0.999) == 0 and m.to_i64(0.999) == 0
    assert m.to_i64(-1.5) == -1 and m.to_i64(1e18) == 10**18
    assert m.to_i32(-TWO63) == 0 and m.to_i32(2.0**31) == -2**31   # wraps to 32 bits
    assert m.to_u64(-TWO63) == 2**63 and m.to_u64(-1.0) == 2**64 - 1
    assert m.to_u64(TWO63) == 2**63 and m.to_u64(math.nextafter(2.0**64, 0.0)) == 2**64 - 2048
    assert m.f32_to_i64(np.float32(-TWO63)) == -2**63


def test_outside_the_range_raises_compiled():
    """Plain Python's int() grows past 64 bits; compiled code raises (docs/language.md)."""
    m = fxload.compiled(FX)
    msg = "float too large to convert to i64"
    for x in (TWO63, -BELOW_MIN, BELOW_MIN, 1e300, -1e300, 2.0**64):
        assert raised(m.to_i64, x) == (OverflowError, msg), x
        assert raised(m.to_i32, x) == (OverflowError, msg), x
    assert raised(m.f32_to_i64, np.float32(TWO63)) == (OverflowError, msg)
    for x in (2.0**64, BELOW_MIN, 1e300):
        assert raised(m.to_u64, x) == (OverflowError, "float too large to convert to u64"), x
    # plain Python agrees where the result fits
    assert fxload.interpreted(FX).to_i64(TWO63) == 2**63


@settings(max_examples=150, deadline=None)
@given(st.floats(-1.1 * TWO63, 1.1 * TWO63) | st.sampled_from([TWO63, -TWO63, BELOW_TWO63, BELOW_MIN]))
def test_to_i64_matches_python_in_range(x):
    m = fxload.compiled(FX)
    want = int(x)
    if -2**63 <= want < 2**63:
        assert m.to_i64(x) == want
        assert fxload.interpreted(FX).to_i64(x) == want
    else:
        assert raised(m.to_i64, x) == (OverflowError, "float too large to convert to i64")


@pytest.mark.parametrize("mode", MODES)
def test_range_test_after_int(mode):
    """`0 <= k < len(counts)` folds to one unsigned compare: negatives and k >= len still miss."""
    m = mod(mode)
    x = np.array([-5.0, -0.5, 0.0, 0.25, 3.99, 4.0, 1e9, -1e9, 2.0])
    counts = np.zeros(4, np.int64)
    assert m.bin_counts(x, 0.0, 1.0, counts) == 4
    assert counts.tolist() == [3, 0, 1, 1]
    assert m.bin_counts(x, 0.0, 1.0, np.zeros(0, np.int64)) == len(x)
    with pytest.raises(ValueError, match="^cannot convert float NaN to integer$"):
        m.bin_counts(np.array([1.0, math.nan]), 0.0, 1.0, counts)
