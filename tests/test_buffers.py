"""Every kind of buffer exporter at array, struct-array and `bytes` parameters.

PEP 3118 lets an exporter leave `strides` NULL (C-contiguous: ctypes arrays do) and, for a
1-D buffer, `shape` NULL (len / itemsize); the entry points used to read both pointers
blindly and crashed.  These tests pass each exporter kind — ctypes arrays, `array.array`,
`memoryview` casts and slices, NumPy views with odd strides, and the configurable test
exporter of `tests/exporter` (NULL shape/strides/format, suboffsets, 0-d) — and compare what
the compiled function read and wrote with the same computation on the items in Python.
A fuzz slice runs random layouts; `tests/stress/fuzz_buffers.py` runs many more.
"""
from __future__ import annotations

import array
import ctypes
import os
import random

import numpy as np
import pytest

import exporter
import abifuzz
import fxload

FX = os.path.join(fxload.FX_DIR, "buffers.fx")


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(FX)


@pytest.fixture(scope="module")
def ex():
    mod = exporter.load()
    if mod is None:
        pytest.skip("no C compiler for the test exporter")
    return mod


def ref_wsum(items) -> float | int:
    """The weighted sum the wsum* functions compute, on nested Python lists."""
    arr = np.array(items, dtype=object)
    total = 0
    if arr.ndim == 1:
        for i, v in enumerate(items):
            total += v * (i + 1)
    elif arr.ndim == 2:
        for i, row in enumerate(items):
            for j, v in enumerate(row):
                total += v * (i * 1000 + j + 1)
    else:
        for i, plane in enumerate(items):
            for j, row in enumerate(plane):
                for k, v in enumerate(row):
                    total += v * (i * 10000 + j * 100 + k + 1)
    return total


# ---------------------------------------------------------------------------- the cases

def test_ctypes_array_1d(m):
    """`(ctypes.c_double * 4)(1, 2, 3, 4)` leaves strides NULL: it used to segfault."""
    x = (ctypes.c_double * 4)(1, 2, 3, 4)
    assert m.wsum1(x) == 1 + 4 + 9 + 16
    assert m.total(x) == 20.0
    m.stamp1(x)
    assert list(x) == [1.0, 3.0, 5.0, 7.0]


def test_ctypes_array_2d(m):
    grid = ((ctypes.c_int32 * 3) * 2)((1, 2, 3), (4, 5, 6))
    assert m.wsum2(grid) == ref_wsum([[1, 2, 3], [4, 5, 6]])
    m.stamp2(grid)
    assert [list(r) for r in grid] == [[0, 1, 2], [100, 101, 102]]
    g = ((ctypes.c_double * 3) * 2)()
    m.fill2(g, 2.5)
    assert [list(r) for r in g] == [[2.5] * 3] * 2
    assert m.total2(g) == 15.0
    assert m.shape2(g) == (2, 3)


def test_ctypes_bytes_and_u8(m):
    b = (ctypes.c_uint8 * 3)(5, 6, 7)
    assert m.bsum(b) == 5 + 12 + 21
    assert m.wsum_u8(b) == 5 + 12 + 21
    m.stamp_u8(b)
    assert list(b) == [3, 10, 17]


def test_ctypes_struct_array(m):
    class CPt(ctypes.Structure):
        _fields_ = [("x", ctypes.c_double), ("y", ctypes.c_double)]

    ps = (CPt * 3)(CPt(1, 10), CPt(2, 20), CPt(3, 30))
    assert m.ptsum(ps) == 1 * 1 + 10 + 2 * 2 + 20 + 3 * 3 + 30
    m.scale_pts(ps, 2.0)
    assert [(p.x, p.y) for p in ps] == [(2, 11), (4, 21), (6, 31)]


def test_ctypes_empty_and_nested(m):
    assert m.wsum1((ctypes.c_double * 0)()) == 0.0
    assert m.shape2(((ctypes.c_double * 0) * 4)()) == (4, 0)
    assert m.wsum3(((((ctypes.c_int16 * 2) * 3) * 2)())) == 0


# ---------------------------------------------------------------------------- exporters

@pytest.mark.parametrize("dtype,fn,shape", [
    ("f64", "wsum1", (5,)), ("i32", "wsum1_i32", (4,)), ("i32", "wsum2", (3, 4)), ("f64", "wsum2_f64", (2, 5)),
    ("i16", "wsum3", (2, 3, 2)), ("u8", "wsum_u8", (7,)), ("u8", "bsum", (6,)), ("f64", "wsum1", (0,)),
    ("i32", "wsum2", (0, 3)), ("i32", "wsum2", (3, 0)),
])
def test_every_exporter_reads_the_same(m, ex, dtype, fn, shape):
    rng = random.Random(hash((dtype, fn, shape)) & 0xFFFF)
    n = int(np.prod(shape))
    values = abifuzz.random_values(rng, dtype, n)
    expected = ref_wsum(np.array(values, dtype=object).reshape(shape).tolist())
    for label, obj in abifuzz.exporters(values, dtype, shape, ex):
        assert getattr(m, fn)(obj) == expected, label
        if hasattr(obj, "exports"):
            assert obj.exports == 0, f"{label}: buffer not released"


def test_exporter_null_format_reads_bytes(m, ex):
    e = ex.Exporter(4, format=None, itemsize=1, shape=(4,), strides=None)
    e.write(0, bytes([1, 2, 3, 4]))
    assert m.bsum(e) == 1 + 4 + 9 + 16
    assert m.wsum_u8(e) == 30
    with pytest.raises(ValueError, match="format 'B'"):
        m.wsum1(e)
    assert e.exports == 0


def test_exporter_null_shape_1d(m, ex):
    e = ex.Exporter(24, format="d", itemsize=8, shape=None, strides=None, ndim=1)
    e.write(0, np.array([1.0, 2.0, 3.0]).tobytes())
    assert m.wsum1(e) == 1 + 4 + 9
    m.stamp1(e)
    assert np.frombuffer(e.data).tolist() == [1.0, 3.0, 5.0]
    assert e.exports == 0


def test_exporter_null_shape_2d_is_an_error(m, ex):
    e = ex.Exporter(48, format="d", itemsize=8, shape=None, strides=None, ndim=2)
    with pytest.raises(ValueError, match=r"wsum2_f64\(\) argument 'm': the buffer has 2 dimensions but no shape"):
        m.wsum2_f64(e)
    with pytest.raises(ValueError, match="no shape"):
        m.shape2(e)
    assert e.exports == 0


def test_exporter_zero_dim_buffer(m, ex):
    e = ex.Exporter(8, format="d", itemsize=8, shape=(), strides=(), ndim=0)
    with pytest.raises(ValueError, match="got a 0-D buffer"):
        m.wsum1(e)
    e = ex.Exporter(8, format="d", itemsize=8, shape=None, strides=None, ndim=0)
    with pytest.raises(ValueError, match="got a 0-D buffer"):
        m.wsum1(e)
    mv0 = memoryview(bytearray(8)).cast("d", shape=[])
    with pytest.raises(ValueError, match="got a 0-D buffer"):
        m.wsum1(mv0)
    assert e.exports == 0


def test_exporter_suboffsets_rejected(m, ex):
    e = ex.Exporter(32, format="d", itemsize=8, shape=(4,), strides=(8,), suboffsets=True)
    with pytest.raises(ValueError, match="indirect"):
        m.wsum1(e)
    e2 = ex.Exporter(32, format="T{d:x:d:y:}", itemsize=16, shape=(2,), strides=None, suboffsets=True)
    with pytest.raises(ValueError, match="indirect"):
        m.ptsum(e2)
    assert e.exports == 0 and e2.exports == 0


def test_exporter_struct_array_null_strides(m, ex):
    e = ex.Exporter(48, format="T{<d:x:<d:y:}", itemsize=16, shape=(3,), strides=None)
    e.write(0, np.array([1.0, 10, 2, 20, 3, 30]).tobytes())
    assert m.ptsum(e) == 1 + 10 + 4 + 20 + 9 + 30
    m.scale_pts(e, 3.0)
    assert np.frombuffer(e.data).tolist() == [3.0, 11, 6, 21, 9, 31]
    e1 = ex.Exporter(48, format="T{d:x:d:y:}", itemsize=16, shape=None, strides=None, ndim=1)
    assert m.ptsum(e1) == 0.0
    assert e.exports == 0 and e1.exports == 0


def test_exporter_readonly_write_rejected(m, ex):
    e = ex.Exporter(32, format="d", itemsize=8, shape=(4,), strides=None, readonly=True)
    with pytest.raises(ValueError, match="read-only"):
        m.stamp1(e)
    assert m.wsum1(e) == 0.0
    assert e.exports == 0


def test_memoryview_casts_and_slices(m):
    raw = bytearray(np.arange(12, dtype=np.float64).tobytes())
    mv = memoryview(raw).cast("d")
    assert m.wsum1(mv) == sum(v * (i + 1) for i, v in enumerate(range(12)))
    assert m.wsum1(mv[::3]) == sum(v * (i + 1) for i, v in enumerate(range(0, 12, 3)))
    assert m.wsum1(mv[::-2]) == sum(v * (i + 1) for i, v in enumerate(range(11, -1, -2)))
    assert m.wsum2_f64(memoryview(raw).cast("d", shape=[3, 4])) == ref_wsum(np.arange(12.0).reshape(3, 4).tolist())
    m.stamp1(mv[1::4])
    assert np.frombuffer(raw)[1::4].tolist() == [1.0, 3.0, 5.0]
    ints = memoryview(bytearray(np.arange(6, dtype=np.int32).tobytes())).cast("i", shape=[2, 3])
    assert m.wsum2(ints) == ref_wsum([[0, 1, 2], [3, 4, 5]])
    assert m.bsum(memoryview(b"\x01\x02\x03")[::-1]) == 3 + 4 + 3


def test_array_array(m):
    assert m.wsum1(array.array("d", [1.0, 2.0])) == 5.0
    assert m.wsum1_i32(array.array("i", [3, 4])) == 11
    a = array.array("d", [0.0] * 3)
    m.stamp1(a)
    assert a.tolist() == [1.0, 3.0, 5.0]
    assert m.bsum(array.array("B", [9])) == 9


@pytest.mark.parametrize("seed", range(4))
def test_odd_strides_numpy(m, seed):
    """Unaligned data and byte strides that are not a multiple of the item size (NumPy allows
    them on views of raw bytes): read exactly what NumPy reads."""
    rng = random.Random(seed)
    for _ in range(25):
        lay = abifuzz.random_layout(rng, 2, 8, odd=True)
        block = bytearray(lay.nbytes)
        v2 = lay.view(block, np.float64)     # unaligned when the start or a stride is odd
        for idx in np.ndindex(*v2.shape):
            v2[idx] = rng.randint(-50, 50) / 4
        expected = sum(float(v2[i, j]) * (i * 1000 + j + 1) for i in range(v2.shape[0]) for j in range(v2.shape[1]))
        assert m.wsum2_f64(v2) == pytest.approx(expected, rel=1e-12, abs=1e-12)


# ---------------------------------------------------------------------------- fuzz slice

def fuzz_layouts(m, ex, rng: random.Random, cases: int) -> int:
    """Random strided layouts read and written through the test exporter (explicit strides,
    or NULL strides for C-contiguous ones); compared with NumPy views of the same bytes.
    Returns the number of calls made (tests/stress/fuzz_buffers.py runs this long)."""
    calls = 0
    for _ in range(cases):
        ndim = rng.choice([1, 2])
        dtype, np_dtype, code = ("f64", np.float64, "d") if ndim == 1 else ("i32", np.int32, "i")
        itemsize = np.dtype(np_dtype).itemsize
        lay = abifuzz.random_layout(rng, ndim, itemsize)
        contiguous = rng.random() < 0.3
        if contiguous:
            strides = abifuzz.c_contiguous(lay.shape, itemsize)
            lay = abifuzz.Layout(lay.shape, strides, 0, max(itemsize * int(np.prod(lay.shape)), 1), itemsize)
        values = abifuzz.random_values(rng, dtype, max(lay.nbytes // itemsize + 1, 1))
        block = bytearray(np.array(values, dtype=np_dtype).tobytes()[:lay.nbytes].ljust(lay.nbytes, b"\0"))
        e = ex.Exporter(lay.nbytes, format=code, itemsize=itemsize, shape=lay.shape,
                        strides=None if contiguous else lay.strides, offset=lay.start,
                        length=int(np.prod(lay.shape)) * itemsize)
        e.write(0, bytes(block))
        reference = lay.view(bytearray(block), np_dtype)
        if ndim == 1:
            assert m.wsum1(e) == ref_wsum(reference.tolist())
            m.stamp1(e)
            expected = bytearray(block)
            lay.view(expected, np_dtype)[...] = [i * 2.0 + 1.0 for i in range(lay.shape[0])] if lay.shape[0] else []
            # zero strides: the last store wins, as in the compiled loop
            exp_view = lay.view(expected, np_dtype)
            for i in range(lay.shape[0]):
                exp_view[i] = i * 2.0 + 1.0
        else:
            assert m.wsum2(e) == ref_wsum(reference.tolist())
            assert m.shape2(np.zeros(lay.shape)) == lay.shape
            m.stamp2(e)
            expected = bytearray(block)
            exp_view = lay.view(expected, np_dtype)
            for i in range(lay.shape[0]):
                for j in range(lay.shape[1]):
                    exp_view[i, j] = i * 100 + j
        assert e.data == bytes(expected)
        assert e.exports == 0
        calls += 3
    return calls


def test_fuzz_layouts(m, ex):
    fuzz_layouts(m, ex, random.Random(1234), 150)
