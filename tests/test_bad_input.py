"""Bad input at the C ABI: every parameter kind, wrong in every way a caller can get it wrong.

The generated entry points must raise the right exception type with a message
that names the function and the parameter (and what was expected), accept every
buffer exporter whose format matches, and release every buffer they acquired,
also on the error paths.
"""
from __future__ import annotations

import array
import enum
import fractions
import inspect
import os
import sys

import numpy as np
import pytest

import fxload

PARAMS = os.path.join(fxload.FX_DIR, "params.fx")


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(PARAMS)


def raises(exc_type, fn, *args, **kwargs) -> str:
    with pytest.raises(exc_type) as info:
        fn(*args, **kwargs)
    assert type(info.value) is exc_type, f"expected exactly {exc_type.__name__}, got {info.value!r}"
    return str(info.value)


def assert_names(msg: str, func: str, param: str | None) -> None:
    assert f"{func}()" in msg, f"message does not name the function: {msg!r}"
    if param is not None:
        assert f"'{param}'" in msg, f"message does not name the parameter: {msg!r}"


class Idx:
    def __index__(self):
        return 5


class IntE(enum.IntEnum):
    A = 3


class FloatSub(float):
    pass


# ---------------------------------------------------------------------------- scalars

SCALAR_FUNCS = {  # function -> (parameter, expected words in the message)
    "take_i64": ("n", "int (i64)"), "take_i8": ("n", "int (i8)"), "take_u8": ("n", "int (u8)"),
    "take_i32": ("n", "int (i32)"), "take_u64": ("n", "int (u64)"), "take_int": ("n", "int (i64)"),
    "take_f64": ("x", "float (f64)"), "take_f32": ("x", "float (f32)"), "take_float": ("x", "float (f64)"),
    "take_bool": ("flag", "bool"),
}

WRONG_FOR_INT = ["3", 3.0, 2.5, None, b"1", [1], np.float64(1.0), fractions.Fraction(1, 2), 1j, object()]
WRONG_FOR_FLOAT = ["3.0", None, b"1", [1.0], 1j, object(), np.zeros(1)]
WRONG_FOR_BOOL = ["yes", None, 2.5, [True], object()]


@pytest.mark.parametrize("func", ["take_i64", "take_i8", "take_u8", "take_i32", "take_u64", "take_int"])
@pytest.mark.parametrize("value", WRONG_FOR_INT, ids=lambda v: type(v).__name__)
def test_int_param_wrong_type(m, func, value):
    param, what = SCALAR_FUNCS[func]
    msg = raises(TypeError, getattr(m, func), value)
    assert_names(msg, func, param)
    assert what in msg and type(value).__name__ in msg


@pytest.mark.parametrize("func", ["take_f64", "take_f32", "take_float"])
@pytest.mark.parametrize("value", WRONG_FOR_FLOAT, ids=lambda v: type(v).__name__)
def test_float_param_wrong_type(m, func, value):
    param, what = SCALAR_FUNCS[func]
    msg = raises(TypeError, getattr(m, func), value)
    assert_names(msg, func, param)
    assert what in msg


@pytest.mark.parametrize("value", WRONG_FOR_BOOL, ids=lambda v: type(v).__name__)
def test_bool_param_wrong_type(m, value):
    msg = raises(TypeError, m.take_bool, value)
    assert_names(msg, "take_bool", "flag")


@pytest.mark.parametrize("func,value", [
    ("take_i64", 2**63), ("take_i64", -2**63 - 1), ("take_int", 10**30),
    ("take_i8", 128), ("take_i8", -129), ("take_u8", 256), ("take_u8", -1),
    ("take_i32", 2**31), ("take_i32", -2**31 - 1), ("take_i32", np.int64(2**40)),
    ("take_u64", -1), ("take_u64", 2**64),
    ("take_f64", 2**1100), ("take_float", -(2**1100)),
])
def test_out_of_range_ints(m, func, value):
    msg = raises(OverflowError, getattr(m, func), value)
    assert_names(msg, func, SCALAR_FUNCS[func][0])


@pytest.mark.parametrize("func,value,expected", [
    ("take_i64", 2**63 - 1, 2**63 - 1), ("take_i64", -2**63, -2**63), ("take_i8", -128, -128),
    ("take_i8", 127, 127), ("take_u8", 255, 255), ("take_u8", 0, 0), ("take_i32", -2**31, -2**31),
    ("take_u64", 2**64 - 1, 2**64 - 1), ("take_u64", 0, 0),
    ("take_i64", True, 1), ("take_i64", np.int32(-5), -5), ("take_i64", np.uint64(7), 7),
    ("take_i64", Idx(), 5), ("take_i64", IntE.A, 3), ("take_u8", np.uint8(200), 200),
    ("take_f64", 3, 3.0), ("take_f64", np.float32(1.5), 1.5), ("take_f64", FloatSub(2.5), 2.5),
    ("take_f64", fractions.Fraction(1, 4), 0.25), ("take_f64", True, 1.0), ("take_f64", 2**60, float(2**60)),
    ("take_f32", 0.1, float(np.float32(0.1))), ("take_f32", np.float64(2.0), 2.0),
    ("take_bool", True, True), ("take_bool", False, False), ("take_bool", np.bool_(True), True),
])
def test_accepted_scalars(m, func, value, expected):
    got = getattr(m, func)(value)
    assert got == expected and type(got) is type(expected)


def test_index_raising_propagates(m):
    class Boom:
        def __index__(self):
            raise RuntimeError("boom")
    with pytest.raises(RuntimeError, match="boom"):
        m.take_i64(Boom())


# ---------------------------------------------------------------------------- calling convention

def test_missing_argument(m):
    msg = raises(TypeError, m.take_i64)
    assert_names(msg, "take_i64", "n")
    msg = raises(TypeError, m.mixed, 1)
    assert_names(msg, "mixed", "x")
    msg = raises(TypeError, m.mixed, x=np.zeros(1))
    assert_names(msg, "mixed", "a")


def test_too_many_arguments(m):
    msg = raises(TypeError, m.take_i64, 1, 2)
    assert_names(msg, "take_i64", None)
    assert "2" in msg
    msg = raises(TypeError, m.mixed, 1, np.zeros(1), 1.0, 1, 5)
    assert_names(msg, "mixed", None)
    assert_names(raises(TypeError, m.nothing, 1), "nothing", None)


def test_unknown_keyword(m):
    msg = raises(TypeError, m.take_i64, n=1, bogus=2)
    assert_names(msg, "take_i64", "bogus")
    assert_names(raises(TypeError, m.nothing, x=1), "nothing", "x")
    assert_names(raises(TypeError, m.mixed, 1, np.zeros(1), scal=1.0), "mixed", "scal")


def test_duplicate_keyword(m):
    msg = raises(TypeError, m.take_i64, 1, n=2)
    assert_names(msg, "take_i64", "n")
    msg = raises(TypeError, m.mixed, 1, np.zeros(1), 2.0, scale=3.0)
    assert_names(msg, "mixed", "scale")


def test_keywords_and_defaults(m):
    x = np.array([1.0, 2.0])
    assert m.mixed(1, x) == 1 * 2.0 + 3.0 + 1
    assert m.mixed(1, x, 3.0) == 1 * 3.0 + 3.0 + 1
    assert m.mixed(1, x, offset=10) == 2.0 + 3.0 + 10
    assert m.mixed(offset=0, scale=1.0, x=x, a=4) == 4.0 + 3.0
    assert m.take_i64(n=5) == 5
    assert m.nothing() == 7


def test_wrong_type_of_default_param(m):
    msg = raises(TypeError, m.mixed, 1, np.zeros(1), scale="big")
    assert_names(msg, "mixed", "scale")
    msg = raises(TypeError, m.mixed, 1, np.zeros(1), offset=1.5)
    assert_names(msg, "mixed", "offset")
    msg = raises(OverflowError, m.mixed, 1, np.zeros(1), offset=2**70)
    assert_names(msg, "mixed", "offset")


def test_signature_and_metadata(m):
    sig = inspect.signature(m.mixed)
    assert list(sig.parameters) == ["a", "x", "scale", "offset"]
    assert sig.parameters["scale"].default == 2.0 and sig.parameters["offset"].default == 1
    assert sig.parameters["a"].default is inspect.Parameter.empty
    assert "A function with defaults" in m.mixed.__doc__
    assert m.mixed.__name__ == m.mixed.__qualname__ == "mixed"
    assert m.mixed.__module__ == "params"
    assert list(inspect.signature(m.nothing).parameters) == []


# ---------------------------------------------------------------------------- arrays

ARRAY_FUNCS = {  # function -> (parameter, words that describe what it expects)
    "sum_f64": ("x", "f64[:]"), "sum_i32": ("x", "i32[:]"), "sum_u8": ("data", "u8[:]"),
    "sum_f32": ("x", "f32[:]"), "count_bool": ("mask", "bool[:]"), "sum2": ("m", "f64[:, :]"),
}


@pytest.mark.parametrize("func", sorted(ARRAY_FUNCS))
@pytest.mark.parametrize("value", [None, [1.0, 2.0], (1, 2), 3.0, "abc", object()],
                         ids=["None", "list", "tuple", "float", "str", "object"])
def test_array_param_not_a_buffer(m, func, value):
    param, what = ARRAY_FUNCS[func]
    msg = raises(TypeError, getattr(m, func), value)
    assert_names(msg, func, param)
    assert what in msg


WRONG_DTYPES = {
    "sum_f64": [np.zeros(3, np.float32), np.zeros(3, np.int64), np.zeros(3, ">f8"), np.zeros(3, np.complex128),
                array.array("i", [1]), bytearray(8)],
    "sum_i32": [np.zeros(3, np.int64), np.zeros(3, np.uint32), np.zeros(3, np.float32), array.array("q", [1])],
    "sum_u8": [np.zeros(3, np.int8), np.zeros(3, np.bool_), np.zeros(3, np.uint16), array.array("b", [1])],
    "sum_f32": [np.zeros(3, np.float64), np.zeros(3, np.int32)],
    "count_bool": [np.zeros(3, np.uint8), np.zeros(3, np.int8)],
    "sum2": [np.zeros((2, 2), np.float32), np.zeros((2, 2), np.int64)],
}


@pytest.mark.parametrize("func,value", [(f, v) for f, vs in WRONG_DTYPES.items() for v in vs],
                         ids=lambda v: v if isinstance(v, str) else getattr(getattr(v, "dtype", None), "str",
                                                                             type(v).__name__))
def test_array_wrong_dtype(m, func, value):
    param, what = ARRAY_FUNCS[func]
    msg = raises(ValueError, getattr(m, func), value)
    assert_names(msg, func, param)
    assert what in msg and "format" in msg


@pytest.mark.parametrize("func,value,got_ndim", [
    ("sum_f64", np.zeros((2, 2)), 2), ("sum_f64", np.float64(1.0), 0), ("sum_f64", np.zeros((1, 1, 1)), 3),
    ("sum2", np.zeros(4), 1), ("sum2", np.zeros((2, 2, 2)), 3), ("count_bool", np.zeros((2, 2), bool), 2),
    ("sum_u8", memoryview(bytes(6)).cast("B", (2, 3)), 2),
])
def test_array_wrong_rank(m, func, value, got_ndim):
    param, what = ARRAY_FUNCS[func]
    msg = raises(ValueError, getattr(m, func), value)
    assert_names(msg, func, param)
    assert what in msg and f"{got_ndim}-D" in msg


@pytest.mark.parametrize("func,param,make", [
    ("fill", "out", lambda: _readonly(np.zeros(3))),
    ("fill", "out", lambda: _readonly(np.zeros(6))[::2]),
    ("fill_u8", "buf", lambda: b"abc"),
    ("fill_u8", "buf", lambda: memoryview(bytearray(3)).toreadonly()),
    ("fill2", "out", lambda: _readonly(np.zeros((2, 2), np.int64))),
    ("put", "x", lambda: _readonly(np.zeros(3))),
])
def test_read_only_buffer_for_a_writer(m, func, param, make):
    args = {"fill": (1.0,), "fill_u8": (1,), "fill2": (1,), "put": (0, 1.0)}[func]
    msg = raises(ValueError, getattr(m, func), make(), *args)
    assert_names(msg, func, param)
    assert "writable" in msg and "read-only" in msg


def test_read_only_buffer_fine_for_a_reader(m):
    assert m.sum_f64(_readonly(np.arange(4.0))) == 6.0
    assert m.sum_u8(b"\x01\x02\x03") == 6
    assert m.sum2(_readonly(np.ones((2, 3)))) == 6.0


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@pytest.mark.parametrize("func,value,expected", [
    ("sum_f64", array.array("d", [1.0, 2.5]), 3.5),
    ("sum_f64", memoryview(array.array("d", [1.0, 2.0, 4.0]))[::2], 5.0),
    ("sum_f64", np.arange(10.0)[::-3], 18.0),
    ("sum_f64", np.zeros(0), 0.0),
    ("sum_f64", np.arange(12.0).reshape(3, 4)[:, 1], 15.0),
    ("sum_i32", array.array("i", [1, -2, 3]), 2),
    ("sum_i32", np.arange(6, dtype=np.int32)[1::2], 9),
    ("sum_u8", bytearray(b"\x01\x02\xff"), 258),
    ("sum_u8", b"\x01\x02", 3),
    ("sum_u8", memoryview(b"abcd")[1:3], 98 + 99),
    ("sum_u8", array.array("B", [1, 2]), 3),
    ("sum_u8", np.frombuffer(b"\x05\x06", np.uint8), 11),
    ("sum_f32", array.array("f", [0.5, 0.25]), 0.75),
    ("count_bool", np.array([True, False, True]), 2),
    ("sum2", np.arange(6.0).reshape(2, 3).T, 15.0),
    ("sum2", memoryview(array.array("d", [1.0, 2.0, 3.0, 4.0])).cast("B").cast("d", (2, 2)), 10.0),
])
def test_buffers_with_matching_format_are_accepted(m, func, value, expected):
    assert getattr(m, func)(value) == expected


def test_writes_reach_every_exporter(m):
    ba = bytearray(3)
    m.fill_u8(ba, 9)
    assert ba == bytearray(b"\t\t\t")
    ar = array.array("d", [0.0, 0.0])
    m.fill(ar, 1.5)
    assert list(ar) == [1.5, 1.5]
    base = np.zeros(6)
    m.fill(base[::-2], 2.0)
    assert base.tolist() == [0.0, 2.0, 0.0, 2.0, 0.0, 2.0]
    mv = memoryview(bytearray(4))
    m.fill_u8(mv[1:3], 7)
    assert mv.tobytes() == b"\x00\x07\x07\x00"


@pytest.mark.parametrize("func,args,index,size", [
    ("get", (np.zeros(3), 3), 3, 3), ("get", (np.zeros(3), -4), -4, 3), ("get", (np.zeros(0), 0), 0, 0),
    ("get", (np.zeros(10)[::3], 4), 4, 4),
    ("get2", (np.zeros((2, 3)), 2, 0), 2, 2), ("get2", (np.zeros((2, 3)), 0, 3), 3, 3),
    ("get2", (np.zeros((2, 3)), 1, -4), -4, 3),
    ("put", (np.zeros(2), 5, 1.0), 5, 2),
])
def test_out_of_bounds_index_in_body(m, func, args, index, size):
    msg = raises(IndexError, getattr(m, func), *args)
    assert f"index {index}" in msg and f"size {size}" in msg


def test_out_of_bounds_write_changes_nothing(m):
    x = np.zeros(3)
    with pytest.raises(IndexError):
        m.put(x, 3, 1.0)
    assert not x.any()


def test_second_array_wrong_after_first_accepted(m):
    msg = raises(ValueError, m.two_arrays, np.zeros(2), np.zeros(2))
    assert_names(msg, "two_arrays", "b")
    msg = raises(TypeError, m.two_arrays, np.zeros(2), [1, 2])
    assert_names(msg, "two_arrays", "b")
    with pytest.raises(ValueError, match="length mismatch"):
        m.two_arrays(np.zeros(2), np.zeros(3, np.int64))


# ---------------------------------------------------------------------------- buffer release

def _failing_calls_with(m, make_f64=None, make_u8=None):
    """Call every way that fails after (or while) the given buffer was acquired."""
    if make_u8 is not None:
        for call in (lambda: m.fill_u8(make_u8(), 300),          # scalar after the buffer out of range
                     lambda: m.fill_u8(make_u8(), "x"),
                     lambda: m.fill_u8(make_u8(), 1, 2),
                     lambda: m.sum_u8(make_u8(), bogus=1),
                     lambda: m.sum_f64(make_u8()),                # wrong format
                     lambda: m.sum2(make_u8())):                  # wrong rank
            with pytest.raises((TypeError, ValueError, OverflowError)):
                call()
    if make_f64 is not None:
        for call in (lambda: m.get(make_f64(), 100),              # IndexError inside the body
                     lambda: m.put(make_f64(), -100, 1.0),
                     lambda: m.two_arrays(make_f64(), np.zeros(1)),   # second buffer has the wrong dtype
                     lambda: m.two_arrays(make_f64(), [1]),
                     lambda: m.two_arrays(make_f64(), np.zeros(5, np.int64)),  # ValueError in the body
                     lambda: m.mixed(1, make_f64(), "s"),         # bad default-param after the buffer
                     lambda: m.fill(make_f64(), None),
                     lambda: m.sum_i32(make_f64()),
                     lambda: m.sum2(make_f64())):
            with pytest.raises((TypeError, ValueError, IndexError, OverflowError)):
                call()


def test_failing_calls_release_bytearray(m):
    ba = bytearray(b"abc")
    for _ in range(3):
        _failing_calls_with(m, make_u8=lambda: ba)
    ba.append(1)                     # a leaked buffer export would raise BufferError here
    ba.extend(b"xyz")
    del ba[:2]
    assert len(ba) == 5


def test_failing_calls_release_array_array(m):
    ad = array.array("d", [1.0, 2.0])
    for _ in range(3):
        _failing_calls_with(m, make_f64=lambda: ad)
    ad.append(3.0)                   # BufferError if an export leaked
    ab = array.array("B", [1, 2])
    _failing_calls_with(m, make_u8=lambda: ab)
    ab.append(3)


def test_successful_calls_release_buffers(m):
    ba = bytearray(b"\x01\x02")
    assert m.sum_u8(ba) == 3
    m.fill_u8(ba, 4)
    ba.append(5)
    ad = array.array("d", [1.0])
    assert m.sum_f64(ad) == 1.0 and m.two_arrays(ad, np.ones(1, np.int64)) == 1.0
    ad.append(2.0)


def test_failing_calls_do_not_leak_numpy_references(m):
    a = np.zeros(4)
    b = np.zeros(4, np.int64)
    before_a, before_b = sys.getrefcount(a), sys.getrefcount(b)
    for _ in range(50):
        _failing_calls_with(m, make_f64=lambda: a)
        with pytest.raises(ValueError):
            m.two_arrays(a, b[:2])
        with pytest.raises(TypeError):
            m.two_arrays(a, b, 1)
    assert sys.getrefcount(a) == before_a
    assert sys.getrefcount(b) == before_b
    a.resize((10,), refcheck=False)  # NumPy does not track exports, so also check the refcount above
    assert a.shape == (10,)


def test_failing_scalar_unboxing_does_not_leak(m):
    obj = Idx()
    before = sys.getrefcount(obj)
    for _ in range(100):
        m.take_i64(obj)
        with pytest.raises(TypeError):
            m.take_i64(n=obj, x=1)
    assert sys.getrefcount(obj) == before
