"""Round-10 NumPy reach (tests/test_np_reach_r10.py): functions people call that were refused."""
import numpy as np
from fastext import f64, i64


def tri_mask(n: int) -> f64[:, :]:
    return np.tri(n) * np.triu(np.ones((n, n)), 1)


def tri_args(n: int, m: int, k: int) -> i64[:, :]:
    return np.tri(n, m, k, dtype=np.int64)


def tri_kw(n: int, k: int) -> f64[:, :]:
    return np.tri(n, k=k) + np.tri(n, M=n + 1, k=-k)[:, :n]


def spaces(a: float, b: float, n: int) -> f64[:]:
    return np.geomspace(a, b, n)


def spaces_open(a: float, b: float, n: int) -> f64[:]:
    return np.geomspace(a, b, num=n, endpoint=False)


def spaces_int(n: int) -> f64[:]:
    return np.logspace(0.0, 2.0, n) + np.geomspace(1, 1000, n)


def multi_idx(r: i64[:], c: i64[:]) -> i64[:]:
    return np.ravel_multi_index((r, c), (4, 5))


def multi_idx_shape(r: i64[:], c: i64[:, :], a: f64[:, :, :]) -> i64[:, :]:
    return np.ravel_multi_index((r, c, 1), a.shape)


def multi_idx_scalar(i: int, j: int) -> int:
    return np.ravel_multi_index((i, j), (3, 7))


def multi_idx_wrap(r: i64[:], c: i64[:]) -> i64[:]:
    return np.ravel_multi_index((r, c), (4, 5), mode="wrap") + np.ravel_multi_index([r, c], (4, 5), mode="clip")
