"""np.linalg.cholesky and np.linalg.qr through NumPy's own LAPACK (?potrf; ?geqrf and ?orgqr), or
the native code without it (tests/test_np_linalg_factor.py)."""
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


def qr(a: f64[:, :]) -> tuple[f64[:, :], f64[:, :]]:
    return np.linalg.qr(a)


def qr_complete(a: f64[:, :]) -> tuple[f64[:, :], f64[:, :]]:
    return np.linalg.qr(a, mode='complete')


def qr_r(a: f32[:, :]) -> f32[:, :]:
    return np.linalg.qr(a, 'r')


def qr_c128(a: c128[:, :]) -> tuple[c128[:, :], c128[:, :]]:
    q, r = np.linalg.qr(a)
    return q, r


def qr_c64(a: c64[:, :]) -> tuple[c64[:, :], c64[:, :]]:
    return np.linalg.qr(a, mode='complete')


def qr_int(a: i64[:, :]) -> f64[:, :]:
    q, r = np.linalg.qr(a)
    return q @ r


def least_squares(a: f64[:, :], b: f64[:]) -> f64[:]:
    q, r = np.linalg.qr(a)
    return np.linalg.solve(r, q.T @ b)


def eigh(a: f64[:, :]) -> tuple[f64[:], f64[:, :]]:
    return np.linalg.eigh(a)


def eigh_upper_f32(a: f32[:, :]) -> tuple[f32[:], f32[:, :]]:
    return np.linalg.eigh(a, UPLO='U')


def eigh_c128(a: c128[:, :]) -> tuple[f64[:], c128[:, :]]:
    w, v = np.linalg.eigh(a)
    return w, v


def eigh_c64(a: c64[:, :]) -> tuple[f32[:], c64[:, :]]:
    return np.linalg.eigh(a)


def eigvalsh(a: f64[:, :]) -> f64[:]:
    return np.linalg.eigvalsh(a)


def eigvalsh_upper(a: c128[:, :]) -> f64[:]:
    return np.linalg.eigvalsh(a, 'U')


def eigvalsh_int(a: i64[:, :]) -> f64[:]:
    return np.linalg.eigvalsh(a)


def svd(a: f64[:, :]) -> tuple[f64[:, :], f64[:], f64[:, :]]:
    return np.linalg.svd(a)


def svd_thin(a: f64[:, :]) -> tuple[f64[:, :], f64[:], f64[:, :]]:
    return np.linalg.svd(a, full_matrices=False)


def svd_values_f32(a: f32[:, :]) -> f32[:]:
    return np.linalg.svd(a, compute_uv=False)


def svd_c128(a: c128[:, :]) -> tuple[c128[:, :], f64[:], c128[:, :]]:
    u, s, vh = np.linalg.svd(a)
    return u, s, vh


def svd_c64_thin(a: c64[:, :]) -> tuple[c64[:, :], f32[:], c64[:, :]]:
    return np.linalg.svd(a, False)


def svd_int(a: i64[:, :]) -> f64[:]:
    return np.linalg.svd(a, compute_uv=False)


def pinv_by_svd(a: f64[:, :]) -> f64[:, :]:
    u, s, vh = np.linalg.svd(a, full_matrices=False)
    return (vh.T / s) @ u.T


def lstsq(a: f64[:, :], b: f64[:]) -> tuple[f64[:], f64[:], i64, f64[:]]:
    return np.linalg.lstsq(a, b)


def lstsq_rcond(a: f64[:, :], b: f64[:, :], rcond: f64) -> tuple[f64[:, :], f64[:], i64, f64[:]]:
    return np.linalg.lstsq(a, b, rcond=rcond)


def lstsq_c128(a: c128[:, :], b: c128[:]) -> tuple[c128[:], f64[:], i64, f64[:]]:
    x, res, rank, s = np.linalg.lstsq(a, b)
    return x, res, rank, s


def lstsq_f32(a: f32[:, :], b: f32[:]) -> tuple[f32[:], f32[:], i64, f32[:]]:
    return np.linalg.lstsq(a, b)


def line_fit(x: f64[:], y: f64[:]) -> f64[:]:
    a = np.vstack((x, np.ones(x.shape[0]))).T
    return np.linalg.lstsq(a, y, rcond=None)[0]


def pinv(a: f64[:, :]) -> f64[:, :]:
    return np.linalg.pinv(a)


def pinv_rcond_f32(a: f32[:, :], rcond: f64) -> f32[:, :]:
    return np.linalg.pinv(a, rcond)


def pinv_c128(a: c128[:, :]) -> c128[:, :]:
    return np.linalg.pinv(a)


def matrix_rank(a: f64[:, :]) -> i64:
    return np.linalg.matrix_rank(a)


def matrix_rank_f32(a: f32[:, :]) -> i64:
    return np.linalg.matrix_rank(a)


def matrix_rank_tol(a: f64[:, :], tol: f64) -> i64:
    return np.linalg.matrix_rank(a, tol)


def vector_rank(a: f64[:]) -> i64:
    return np.linalg.matrix_rank(a)
