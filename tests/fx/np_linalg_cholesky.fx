"""np.linalg.cholesky through NumPy's own LAPACK (?potrf), or the native Cholesky without it
(tests/test_np_linalg_cholesky.py)."""
import numpy as np
from fastext import c64, c128, f32, f64, i64


def cholesky(a: f64[:, :]) -> f64[:, :]:
    return np.linalg.cholesky(a)


def cholesky_f32(a: f32[:, :]) -> f32[:, :]:
    return np.linalg.cholesky(a)


def cholesky_c128(a: c128[:, :]) -> c128[:, :]:
    return np.linalg.cholesky(a)


def cholesky_c64(a: c64[:, :]) -> c64[:, :]:
    return np.linalg.cholesky(a)


def cholesky_int(a: i64[:, :]) -> f64[:, :]:
    return np.linalg.cholesky(a)


def solve_spd(a: f64[:, :], b: f64[:]) -> f64[:]:
    low = np.linalg.cholesky(a)
    y = np.linalg.solve(low, b)
    return np.linalg.solve(low.T, y)
