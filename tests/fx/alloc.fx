"""New arrays, copies and slice assignment (tests/test_alloc.py)."""
import numpy as np
from numpy import empty_like as np_empty_like

import fastext as fx
from fastext import (
    boolean, c64, c128, empty, f32, f64, full, full_like, i8, i16, i32, i64, ones, ones_like, u8, u16, u32, u64,
    zeros,
)


def ramp(n: int) -> f64[:]:
    a = np.empty(n)
    for i in range(n):
        a[i] = i * 0.5
    return a


def grid(r: int, c: int) -> i32[:, :]:
    a = zeros((r, c), dtype=i32)
    for i in range(r):
        for j in range(c):
            a[i, j] = i * 10 + j
    return a


def cube(d0: int, d1: int, d2: int) -> u16[:, :, :]:
    a = np.empty((d0, d1, d2), np.uint16)
    for i in range(d0):
        for j in range(d1):
            for k in range(d2):
                a[i, j, k] = i * 100 + j * 10 + k
    return a


def each_dtype(n: int) -> tuple[i8[:], i16[:], i32[:], i64[:], u8[:], u16[:], u32[:], u64[:], f32[:], f64[:],
                                c64[:], c128[:], boolean[:]]:
    return (np.ones(n, np.int8), zeros(n, i16), full(n, 7, dtype=i32), np.full(n, -3, dtype=np.int64),
            ones(n, u8), np.ones(n, np.uint16), full(n, 9, u32), np.zeros(n, "uint64"), full(n, 1.5, f32),
            np.ones(n), np.full(n, 1 + 2j, np.complex64), fx.ones(n, complex), np.ones(n, bool))


def each_dtype_2d(r: int, c: int) -> tuple[i8[:, :], u64[:, :], f32[:, :], c128[:, :], boolean[:, :]]:
    return (np.full((r, c), -1, np.int8), np.full((r, c), 5, u64), np.full((r, c), 0.25, dtype=np.float32),
            np.full((r, c), 1j), np.full((r, c), True))


def defaults(n: int) -> tuple[f64[:], i64[:], f64[:], boolean[:], c128[:]]:
    # NumPy's default dtypes: float64, and full's from the fill value's kind
    return np.zeros(n), np.full(n, 3), np.full(n, 2.0), np.full(n, False), np.full(n, 2j)


def like_each(a: f64[:, :]) -> tuple[f64[:, :], f64[:, :], i32[:, :], f64[:, :], u8[:, :]]:
    z = np.zeros_like(a)
    o = ones_like(a)
    e = np.empty_like(a, dtype=np.int32)
    e[:, :] = 5
    f = np.full_like(a, 2.5)
    g = full_like(a, 300, dtype=u8)
    return z, o, e, f, g


def copy_of(a: f64[:, :]) -> f64[:, :]:
    return a.copy()


def copy_plus(a: i64[:], k: int) -> i64[:]:
    b = np.copy(a)
    for i in range(len(b)):
        b[i] += k
    return b


def copy_is_independent(a: f64[:]) -> f64:
    b = a.copy()
    b[0] = -1.0
    return a[0]


def _make(n: int) -> f64[:]:
    return np.full(n, 1.0)


def _twice(n: int) -> f64[:]:
    a = _make(n)
    a[0] = 42.0
    return a


def two_levels(n: int) -> f64[:]:
    return _twice(n)


def pair(n: int) -> tuple[f64[:], i64[:]]:
    return ramp(n), np.zeros(n, i64)


def unpacked(n: int) -> f64:
    a, b = pair(n)
    return a.sum() + float(b.sum())


def pair_shared(n: int) -> tuple[f64[:], f64[:]]:
    a = ramp(n)
    return a, a[::-1]


def odd_items(n: int) -> f64[:]:
    a = ramp(2 * n)
    return a[1::2]


def last_row(r: int, c: int) -> i32[:]:
    return grid(r, c)[r - 1]


def column(r: int, c: int, j: int) -> i32[:]:
    g = grid(r, c)
    return g[:, j]


def churn(n: int, rounds: int) -> f64:
    total = 0.0
    for k in range(rounds):
        t = np.ones(n)
        total += t.sum()
    return total


def fail_after(n: int) -> f64[:]:
    a = np.zeros(n)
    b = np.ones((n, n))
    if n > 3:
        raise ValueError("too long")
    return a


def caught(n: int) -> f64[:]:
    try:
        a = np.ones(n)
        if n > 2:
            raise IndexError
    except IndexError:
        a = np.zeros(n)
    return a


def matrix(n: int, m: int) -> f64[:, :]:
    return np.zeros((n, m))


def shape_of(a: f64[:, :]) -> f64[:, :]:
    return np.ones(a.shape)


def shape_var(a: i8[:, :, :]) -> i8[:, :, :]:
    s = a.shape
    return np.zeros(s, dtype=i8)


def sized(n: int) -> u8[:]:
    return np.empty(n, u8)


# ----------------------------------------------------------------------------- slice assignment

def shift(a: f64[:], k: int) -> None:
    a[k:] = a[:len(a) - k]


def shift_back(a: f64[:], k: int) -> None:
    a[:len(a) - k] = a[k:]


def assign_views(a: f64[:], b: f64[:]) -> None:
    a[1:-1] = b[:-2]


def assign_slices(a: f64[:], b: f64[:], i: int, j: int, k: int, l: int) -> None:
    a[i:j] = b[k:l]


def fill_slice(a: f64[:, :], v: f64) -> None:
    a[1:, ::2] = v


def set_row(out: f64[:, :], i: int, row: f64[:]) -> None:
    out[i, :] = row


def set_rows(out: f64[:, :], row: f64[:]) -> None:
    out[:] = row


def set_block(out: f64[:, :], src: f64[:, :]) -> None:
    out[::2, 1:] = src


def convert_assign(out: f64[:], src: i32[:]) -> None:
    out[:] = src


def complex_assign(out: c128[:], src: f32[:]) -> None:
    out[::-1] = src


def wrap_fill(a: i8[:], v: int) -> None:
    a[::2] = v


def reverse_in_place(a: f64[:]) -> None:
    a[:] = a[::-1]


def transpose(m: f64[:, :]) -> f64[:, :]:
    out = np.empty((m.shape[1], m.shape[0]))
    for j in range(m.shape[1]):
        out[j, :] = m[:, j]
    return out


def transpose_in_place(m: f64[:, :]) -> None:
    m[:, :] = m[::-1, ::-1]


def smooth(x: f64[:]) -> f64[:]:
    out = np.zeros_like(x)
    out[1:-1] = x[1:-1]
    out[0] = x[0]
    return out


def view_of_new(n: int, i: int, j: int, k: int) -> f64[:]:
    a = ramp(n)
    return a[i:j:k]


def view_of_new_2d(r: int, c: int, i: int, k: int) -> tuple[i32[:, :], i32[:]]:
    g = grid(r, c)
    return g[i::k, ::-k], g[:, i]


def whole(a: f64[:, :], b: f64[:]) -> f64:
    a[...] = b
    c = a[...]
    return c[0, 0]


def negated(x: i16[:, :]) -> i16[:, :]:
    out = np_empty_like(x)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            out[i, j] = -x[i, j]
    return out
