"""Array expressions as NumPy users write them (tests/test_np_expressions.py)."""
import math

import numpy as np
from numpy import exp, sqrt
from fastext import c128, f32, f64, i32, i64, u8, boolean


def axpy(a: float, x: f64[:], y: f64[:]) -> f64[:]:
    return a * x + y


def fused(x: f64[:], y: f64[:]) -> f64[:]:
    return np.sqrt(x * x + y * y) / (1.0 + np.exp(-x)) - 0.5 * (x - y) ** 2


def outer_diff(x: f64[:], y: f64[:]) -> f64[:, :]:
    return x[:, None] - y[None, :]


def pairwise(x: f64[:, :]) -> f64[:, :]:
    d = x[:, None, :] - x[None, :, :]
    return np.sqrt((d * d).sum(axis=2))


def broadcast3(a: f64[:, :], row: f64[:], col: f64[:, :]) -> f64[:, :]:
    return a * row + col


def mixed_dtypes(x: i32[:], y: f32[:], z: u8[:]) -> f64[:]:
    return x * y + z


def compare_select(x: f64[:], lo: float, hi: float) -> f64[:]:
    inside = (x > lo) & (x < hi)
    return np.where(inside, x, np.where(x <= lo, lo, hi))


def clip_round(x: f64[:]) -> f64[:]:
    return np.round(np.clip(x, -1.0, 1.0), 2)


def inplace(x: f64[:], y: f64[:]) -> None:
    x += 2.0 * y
    x[1:] -= y[:-1]
    x *= 0.5


def inplace_rows(m: f64[:, :], s: f64[:]) -> None:
    for i in range(m.shape[0]):
        m[i] /= s[i]


def overlap_shift(x: f64[:]) -> None:
    x[1:] = x[:-1] + 1.0


def overlap_reverse(x: f64[:]) -> None:
    x[:] = x[::-1] * 2.0


def out_arg(x: f64[:], y: f64[:], out: f64[:]) -> None:
    np.multiply(x, y, out=out)
    np.add(out, 1.0, out=out)


def rebind(x: f64[:]) -> f64[:]:
    x = x - x.mean()
    x = x / (x.std() + 1e-12)
    return x


def transpose_expr(m: f64[:, :]) -> f64[:, :]:
    return m.T * 2.0 + m.T


def ints(a: i64[:], b: i64[:]) -> tuple[i64[:], i64[:], i64[:], boolean[:]]:
    return a // b, a % b, (a << 2) ^ (b >> 1), ~(a > b)


def complex_expr(z: c128[:], w: c128[:]) -> c128[:]:
    return z * w - z / (w + 1j) + np.conj(z)


def complex_parts(z: c128[:]) -> tuple[f64[:], f64[:], f64[:], f64[:]]:
    return z.real, z.imag, np.abs(z), np.angle(z)


def from_import(x: f64[:]) -> f64[:]:
    return sqrt(exp(-x * x))


def constants(x: f64[:]) -> f64[:]:
    return np.pi * x + math.e - np.inf * 0.0 * x


def in_loop(x: f64[:], n: int) -> f64[:]:
    y = x.copy()
    for _ in range(n):
        y = 0.5 * (y + x / y)
    return y


def bool_logic(a: boolean[:], b: boolean[:]) -> tuple[boolean[:], boolean[:], boolean[:]]:
    return a & b, a | ~b, np.logical_xor(a, b)


def power_shortcuts(x: f64[:]) -> tuple[f64[:], f64[:], f64[:]]:
    return x ** 2, x ** 0.5, x ** -1


def scalar_ops(v: float, w: float) -> tuple[float, float, float]:
    return np.exp(v), np.hypot(v, w), np.maximum(v, w)


def f32_stays(x: f32[:]) -> f32[:]:
    return np.sqrt(x) * 2.0 + 1
