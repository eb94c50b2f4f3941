"""NumPy ufuncs made from .fx functions (tests/test_ufuncs.py)."""
import math

import numpy as np

from fastext import f32, f64, guvectorize, i64, vectorize


@vectorize(["i64(i64, i64)", "f32(f32, f32)", "f64(f64, f64)"])
def axpy1(x, y):
    """x * y + 1, one loop per declared signature."""
    return x * y + 1


@vectorize
def hypot2(x: f64, y: f64) -> f64:
    """A hypot-like function from its annotations."""
    return math.sqrt(x * x + y * y)


@vectorize(["i64(i64, i64)", "f64(f64, f64)"], identity=0)
def plus(a, b):
    return a + b


@vectorize
def inv(x: f64) -> f64:
    return 1.0 / x


@vectorize
def clip01(x: f32) -> f32:
    if x < 0:
        return f32(0)
    if x > 1:
        return f32(1)
    return x


@guvectorize(["void(f64[:], f64[:], f64[:])", "void(f32[:], f32[:], f32[:])"], "(n),(n)->()")
def dot(x, y, out):
    """Dot product over the last axis."""
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    out[0] = s


@guvectorize("(m,n),(n,p)->(m,p)")
def matmul(a: f64[:, :], b: f64[:, :], out: f64[:, :]) -> None:
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            out[i, j] = s


@guvectorize(["void(f64[:], f64, f64[:])"], "(n),()->(n)")
def shift(x, by, out):
    for i in range(len(x)):
        out[i] = x[i] + by


def sum_axpy1(a: f64[:]) -> f64:
    """Calls the vectorized function on scalars: a direct call inside .fx code."""
    s = 0.0
    for i in range(len(a)):
        s += axpy1(a[i], 2.0) + hypot2(a[i], 1.0)
    return s


def map_axpy1(a: f64[:], b: f64[:, :]) -> f64[:, :]:
    """On arrays: broadcasts like NumPy's ufuncs, fused with the rest of the expression."""
    return axpy1(b, a) * 2.0


def map_ints(a: i64[:]) -> i64[:]:
    return axpy1(a, 3)


def map_inv(a: f64[:]) -> f64[:]:
    return inv(a)


@vectorize
def digits(x: f64) -> i64:
    """Uses Python objects (a str value): the loop takes the GIL for each call."""
    if x < 0:
        raise ValueError(f"negative: {x}")
    return len(f"{x:.2f}")


def digits_of(a: f64[:]) -> i64[:]:
    return digits(a) + 1


def rowdots(a: f64[:, :], b: f64[:]) -> f64[:]:
    """A @guvectorize function called from .fx code: an ordinary function over its core arrays."""
    out = np.zeros(a.shape[0])
    one = np.zeros(1)
    for i in range(a.shape[0]):
        dot(a[i], b, one)
        out[i] = one[0]
    return out


@vectorize
def is_big(x: f64, flag: bool) -> bool:
    return x > 10.0 or flag


@vectorize(["c128(c128, f64)", "c64(c64, f32)"])
def scale(z, k):
    return z * k
