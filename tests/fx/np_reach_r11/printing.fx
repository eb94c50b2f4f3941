"""Printing arrays, dtypes and scalars, masks, ufunc reductions, dicts and lists of arrays (round 11)."""
import numpy as np
from fastext import f64, i64, f32


def show(a: f64[:]) -> None:
    print(a)
    print(np.round(a, 3))
    print(a.tolist())
    print(f"{a.sum():.4f} {a.max()}")


def show2(a: f64[:, :]) -> None:
    print(a)
    print(a.shape, a.ndim, a.size)


def eps_info() -> float:
    return np.finfo(np.float64).eps + float(np.iinfo(np.int64).max > 0)


def f32_sum(a: f32[:]) -> f32[:]:
    return (a * np.float32(1.5)).astype(np.float32)


def newaxis(a: f64[:], b: f64[:]) -> f64[:, :]:
    return a[:, np.newaxis] - b[np.newaxis, :] + a[..., None] * 0.0


def masks(a: f64[:]) -> i64:
    return int(np.sum((a > 0.2) & (a < 0.7) | (a > 0.95)))


def reduce_ufunc(a: f64[:, :]) -> f64[:]:
    return np.maximum.reduce(a, axis=0) + np.logical_and.reduce(a > 0.1, axis=0)


def along(a: f64[:, :]) -> f64[:]:
    return np.apply_along_axis(np.sum, 1, a)


def list_of_arrays(n: int) -> f64[:, :]:
    rows = []
    for i in range(n):
        rows.append(np.arange(3) * float(i))
    return np.array(rows)


def dict_of_arrays(a: f64[:]) -> float:
    d = {"x": a, "y": a * 2.0}
    total = 0.0
    for k, v in d.items():
        total += v.sum()
    return total


def enum_nd(a: f64[:, :]) -> float:
    s = 0.0
    for (i, j), v in np.ndenumerate(a):
        s += v * (i + 2 * j)
    return s


def int_ops(a: i64[:]) -> i64[:]:
    return (a * 3 + 1) // 2 % 7 - np.abs(a - 5) ** 2


def vstack_loop(n: int) -> f64[:, :]:
    out = np.zeros((0, 2))
    for i in range(n):
        out = np.vstack([out, np.array([[i, i * 0.5]])])
    return out


def cumulative(a: f64[:, :]) -> f64[:, :]:
    return np.cumsum(a, axis=1) - np.cumprod(a, axis=0)


def scalar_np(x: float) -> float:
    return float(np.sqrt(x) + np.exp(-x) + np.log1p(x) + np.float64(2.0))


def where3(a: f64[:]) -> f64[:]:
    return np.where(a > 0.5, a, -a)


def fill_diag(n: int) -> f64[:, :]:
    a = np.zeros((n, n))
    np.fill_diagonal(a, 3.0)
    return a + np.diag(np.arange(n, dtype=np.float64))


def roll_avg(a: f64[:, :]) -> f64[:, :]:
    return 0.25 * (np.roll(a, 1, axis=0) + np.roll(a, -1, axis=0) + np.roll(a, 1, axis=1) + np.roll(a, -1, axis=1))
