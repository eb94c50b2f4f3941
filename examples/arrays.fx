"""Strided N-D array kernels: indexing, writes, shapes and dtypes.

Arrays arrive through the buffer protocol (NumPy arrays and their strided
views, array.array, bytearray, memoryview) without copies; `a[i, j]` honours
the strides, negative indices count from the end, and every index is bounds
checked (IndexError) unless bounds checks are turned off.
"""
from __future__ import annotations   # lets `bool[:]` stay an annotation under plain Python

from fastext import f32, f64, i32, i64, u8


def matmul(a: f64[:, :], b: f64[:, :], out: f64[:, :]) -> None:
    """out = a @ b for any strides; shapes are checked."""
    n, k = a.shape
    k2, m = b.shape
    if k != k2:
        raise ValueError("matmul: inner dimensions differ")
    if out.shape[0] != n or out.shape[1] != m:
        raise ValueError("matmul: out has the wrong shape")
    for i in range(n):
        for j in range(m):
            s = 0.0
            for p in range(k):
                s += a[i, p] * b[p, j]
            out[i, j] = s


def transpose(a: f64[:, :], out: f64[:, :]) -> None:
    rows = a.shape[0]
    cols = a.shape[1]
    if out.shape[0] != cols or out.shape[1] != rows:
        raise ValueError("transpose: out must have the transposed shape")
    for i in range(rows):
        for j in range(cols):
            out[j, i] = a[i, j]


def trace(a: f64[:, :]) -> f64:
    n = min(a.shape[0], a.shape[1])
    s = 0.0
    for i in range(n):
        s += a[i, i]
    return s


def row_sums(a: f64[:, :], out: f64[:]) -> None:
    assert len(out) == a.shape[0], "row_sums: out must have one slot per row"
    for i in range(a.shape[0]):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j]
        out[i] = s


def corner(a: f64[:, :]) -> f64:
    """The bottom-right element, through negative indices."""
    return a[-1, -1]


def at(a: f64[:, :], i: i64, j: i64) -> f64:
    return a[i, j]


def put(a: f64[:, :], i: i64, j: i64, v: f64) -> None:
    a[i, j] = v


def info(a: f64[:, :]) -> tuple[i64, i64, i64, i64, i64]:
    rows, cols = a.shape
    return rows, cols, a.size, a.ndim, len(a)


def info3(a: i32[:, :, :]) -> tuple[i64, i64, i64, i64, i64]:
    return a.shape[0], a.shape[1], a.shape[2], a.size, a.ndim


def sum3(a: i32[:, :, :]) -> i64:
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k]
    return s


def reverse(x: f64[:]) -> None:
    """In place, with negative indices."""
    n = len(x)
    for i in range(n // 2):
        t = x[i]
        x[i] = x[-1 - i]
        x[-1 - i] = t


def sum_i32(x: i32[:]) -> i64:
    s = 0
    for i in range(len(x)):
        s += x[i]
    return s


def sum_u8(x: u8[:]) -> i64:
    # `s` is an i64 (its first value is the int 0), so `s += x[i]` cannot wrap here.
    # The explicit int() keeps plain Python (FASTEXT_DISABLE=1) identical: there NumPy
    # would compute 0 + uint8 as a uint8 and wrap at 256.
    s = 0
    for i in range(len(x)):
        s += int(x[i])
    return s


def histogram_u8(x: u8[:], counts: i64[:]) -> None:
    assert len(counts) == 256, "counts must have 256 slots"
    for i in range(len(x)):
        counts[x[i]] += 1


def add_u8(x: u8[:], k: u8) -> None:
    """Fixed-width stores wrap: 250 + 10 stored in a u8 is 4."""
    for i in range(len(x)):
        x[i] += k


def sum_f32(x: f32[:]) -> f64:
    """Accumulates in f64 (float(...) keeps plain Python from summing in float32)."""
    s = 0.0
    for i in range(len(x)):
        s += float(x[i])
    return s


def scale_f32(x: f32[:], k: f32) -> None:
    for i in range(len(x)):
        x[i] *= k


def count_true(m: bool[:]) -> i64:
    n = 0
    for i in range(len(m)):
        if m[i]:
            n += 1
    return n


def mask_greater(x: f64[:], t: f64, out: bool[:]) -> i64:
    """Write a bool mask; return how many are set."""
    n = 0
    for i in range(len(x)):
        out[i] = x[i] > t
        if out[i]:
            n += 1
    return n


def any_nonzero(x: i64[:]) -> bool:
    for i in range(len(x)):
        if x[i] != 0:
            return True
    return False


def max_abs_2d(a: i32[:, :]) -> i64:
    best = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            v = abs(i64(a[i, j]))
            if v > best:
                best = v
    return best


def fill2(a: i64[:, :], v: i64) -> None:
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = v + i * 1000 + j


def stride_walk(x: f64[:], step: i64) -> f64:
    """Sum every `step`-th element from the end (negative range step)."""
    s = 0.0
    for i in range(len(x) - 1, -1, -step):
        s += x[i]
    return s


def axpy(a: f64, x: f64[:], y: f64[:]) -> None:
    """y += a * x"""
    if len(x) != len(y):
        raise ValueError("axpy: length mismatch")
    for i in range(len(x)):
        y[i] += a * x[i]


def _alias_write(x: f64[:], v: f64) -> None:
    y = x
    y[0] = v


def write_through_alias(x: f64[:], v: f64) -> None:
    """Writes through a local alias and a helper still require a writable buffer."""
    _alias_write(x, v)
