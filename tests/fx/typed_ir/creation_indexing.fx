"""Golden typed IR: creation, shape, sorting, indexing and random numbers (tests/test_typed_ir.py)."""
import numpy as np
from fastext import f64, i64


def grid(n: int) -> tuple[f64[:, :], f64[:, :]]:
    x = np.linspace(0.0, 1.0, n)
    xx, yy = np.meshgrid(x, x)
    return xx, yy.reshape(n, n).T


def stacked(a: f64[:], b: f64[:]) -> f64[:]:
    return np.sort(np.concatenate((a, b)))


def masked(a: f64[:], idx: i64[:]) -> f64[:]:
    a[a < 0.0] = 0.0
    return a[idx] + a[a > 0.5].sum()


def noise(n: int, seed: int) -> f64[:]:
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 1.0, n) + np.arange(n)
