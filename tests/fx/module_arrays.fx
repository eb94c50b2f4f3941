"""Module-level NumPy arrays (frontend/module_arrays.py): read, written and returned by compiled code."""
import math
import numpy as np
from fastext import f64, i64

N = 3
W = np.array([1.0, 2.0, 1.0]) / 4
K = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.int32)
GRID = np.linspace(0.0, math.pi, 2 * N + 1)
TABLE = np.arange(12).reshape(3, 4)


def smooth(x: f64[:]) -> f64[:]:
    out = np.zeros_like(x)
    for i in range(1, len(x) - 1):
        s = 0.0
        for k in range(3):
            s += W[k] * x[i + k - 1]
        out[i] = s
    return out


def lap(u: f64[:, :]) -> f64:
    t = 0.0
    for i in range(3):
        for j in range(3):
            t += K[i, j] * u[i, j]
    return t


def grid_sum() -> f64:
    return np.sin(GRID).sum() + TABLE[1].sum()


def get_w() -> f64[:]:
    return W


def _inner() -> i64[:, :]:
    return TABLE[1:]


def get_table_tail() -> i64[:, :]:
    return _inner()


def bump(k: i64) -> f64:
    W[0] += 1.0
    return W[0]
