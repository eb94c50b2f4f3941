"""Boundary values of every scalar parameter type at the entry points.

Each type gets its edge values (abifuzz.boundary_values) and random values drawn around
its limits; the compiled function must return the value converted as documented or raise
the documented exception, never a silently different value.  Regressions covered here:
`bool` parameters took an `__index__`-only object returning 0 as True (its PyObject_IsTrue),
and any type named `bool`; `f32`/`c64` parameters turned 1e300 into inf silently (now
OverflowError, as `struct.pack("<f", 1e300)` raises).  The long run is
`tests/stress/fuzz_boundaries.py`.
"""
from __future__ import annotations

import math
import os
import random
import struct

import numpy as np
import pytest

import abifuzz
import fxload

FX = os.path.join(fxload.FX_DIR, "boundaries.fx")
TYPES = ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "c64", "c128", "bool"]


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(FX)


def same(got, expected) -> bool:
    if type(got) is not type(expected):
        return False
    if isinstance(got, float):
        return got == expected and math.copysign(1, got) == math.copysign(1, expected) or \
            math.isnan(got) and math.isnan(expected)
    if isinstance(got, complex):
        return same(got.real, expected.real) and same(got.imag, expected.imag)
    return got == expected


def check(fn, arg, expected) -> None:
    if isinstance(expected, type) and issubclass(expected, BaseException):
        with pytest.raises(expected) as info:
            fn(arg)
        assert type(info.value) is expected, f"{fn.__name__}({arg!r}): {info.value!r}"
        assert f"{fn.__name__}()" in str(info.value) and "'v'" in str(info.value), str(info.value)
    else:
        got = fn(arg)
        assert same(got, expected), f"{fn.__name__}({arg!r}) = {got!r}, expected {expected!r}"


@pytest.mark.parametrize("t", [t for t in TYPES if t not in ("i16", "u16", "u32", "c128")] + ["i16", "u16", "u32"])
def test_boundary_values(m, t):
    for arg, expected in abifuzz.boundary_values(t if t not in ("c128",) else t):
        if t in ("i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64") and isinstance(expected, int) \
                and not isinstance(expected, bool):
            expected = int(expected)
        if t == "f32" and isinstance(expected, float):
            expected = float(np.float32(expected))
        check(getattr(m, f"take_{t}"), arg, expected)


def test_c128_boundaries(m):
    for arg, expected in abifuzz.boundary_values("c128"):
        check(m.take_c128, arg, expected)


def test_bool_index_object_zero_is_false(m):
    """An object with only __index__ returning 0 is False (it used to be taken as True)."""
    class Zero:
        def __index__(self):
            return 0
    assert m.take_bool(Zero()) is False


def test_bool_requires_numpy_bool_not_any_type_named_bool(m):
    fake = type("bool", (), {})
    with pytest.raises(TypeError, match="take_bool"):
        m.take_bool(fake())


def test_bool_index_error_propagates(m):
    class Boom:
        def __index__(self):
            raise RuntimeError("boom")
    with pytest.raises(RuntimeError, match="boom"):
        m.take_bool(Boom())


@pytest.mark.parametrize("value", [1e300, -1e300, 3.5e38, -3.4028236e38, 2**128, float.fromhex("0x1.ffffffp+127")])
def test_f32_overflow_raises_like_struct_pack(m, value):
    with pytest.raises(OverflowError):
        struct.pack("<f", float(value))   # the standard size: PyFloat_Pack4 checks the range
    with pytest.raises(OverflowError, match=r"take_f32\(\) argument 'v' is out of range for float \(f32\)"):
        m.take_f32(value)


@pytest.mark.parametrize("value", [complex(1e300, 0), complex(0, 1e300), complex(-1e39, 1)])
def test_c64_overflow(m, value):
    with pytest.raises(OverflowError, match=r"take_c64\(\) argument 'v'"):
        m.take_c64(value)


def test_f32_rounding_matches_struct(m):
    rng = random.Random(7)
    for _ in range(2000):
        x = rng.choice([rng.uniform(-4e38, 4e38), math.ldexp(rng.random(), rng.randint(-160, 130)),
                        rng.uniform(-1, 1)])
        try:
            expected = struct.unpack("<f", struct.pack("<f", x))[0]
        except OverflowError:
            with pytest.raises(OverflowError):
                m.take_f32(x)
            continue
        assert same(m.take_f32(x), expected), x


def random_int_cases(rng: random.Random, t: str, n: int):
    lo, hi = abifuzz.INT_RANGES[t]
    for _ in range(n):
        edge = rng.choice([lo, hi, 0, 2**63, -2**63, 2**64])
        v = edge + rng.randint(-3, 3) if rng.random() < 0.6 else rng.randint(lo - 2**rng.randint(0, 70),
                                                                             hi + 2**rng.randint(0, 70))
        yield v, (v if lo <= v <= hi else OverflowError)


@pytest.mark.parametrize("t", ["i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"])
def test_random_ints(m, t):
    rng = random.Random(t)
    fn = getattr(m, f"take_{t}")
    for v, expected in random_int_cases(rng, t, 300):
        check(fn, v, expected)
        if expected is not OverflowError and abs(v) < 2**63:
            check(fn, np.int64(v), expected) if -2**63 <= v < 2**63 else None


def test_many_parameters_mixed(m):
    assert m.take_all(-128, 65535, -2**31, 2**64 - 1, 1.5, 2.0, np.bool_(True), 1 + 1j) == \
        (-128 + 65535 - 2**31 - 1, 2.0 + 1.5 + 1.0 + float(2**64 - 1), True)
    with pytest.raises(OverflowError, match="'e'"):
        m.take_all(0, 0, 0, 0, 1e39, 0.0, False, 0j)
    with pytest.raises(OverflowError, match="'h'"):
        m.take_all(0, 0, 0, 0, 0.0, 0.0, False, complex(1e40, 0))
    with pytest.raises(OverflowError, match="'b'"):
        m.take_all(0, -1, 0, 0, 0.0, 0.0, False, 0j, k=5)
