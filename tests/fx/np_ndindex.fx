"""np.ndindex / np.ndenumerate loops and tuple indices (tests/test_np_fit_windows.py)."""
import numpy as np
from fastext import f64, i64


def ndindex_sum(a: f64[:, :]) -> f64:
    s = 0.0
    for idx in np.ndindex(a.shape):
        s += a[idx] * (idx[0] + 1)
    return s


def ndindex_ints(n: i64, m: i64) -> i64:
    t = 0
    for i, j in np.ndindex(n, m):
        t += i * 10 + j
    return t


def ndenum(a: f64[:, :, :]) -> f64:
    s = 0.0
    for (i, j, k), v in np.ndenumerate(a):
        s += v * (i - j + 2 * k)
    return s


def ndindex_store(a: f64[:, :]) -> f64[:, :]:
    b = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        b[idx] = a[idx] * 2.0
        b[idx] += 1.0
    return b


def comp(a: f64[:, :]) -> list[f64]:
    return [a[i] * 2 for i in np.ndindex(a.shape)]
