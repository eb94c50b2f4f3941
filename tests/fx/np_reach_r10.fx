"""Round-10 NumPy reach (tests/test_np_reach_r10.py): functions people call that were refused."""
import math

import numpy as np
from fastext import c128, f64, i64


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


# ----------------------------------------------------------------------------- np.vectorize

def _f(x: float) -> float:
    return x * x + 1.0 if x > 0.5 else -x


def _sign(x: float) -> int:
    return 1 if x > 0.5 else -1


def vectorized(x: f64[:]) -> f64[:]:
    vf = np.vectorize(_f)
    return vf(x)


def vec_lambda2(x: f64[:, :], y: f64[:], s: float) -> f64[:, :]:
    g = np.vectorize(lambda a, b: a * s + b if a > b else b - a)
    return g(x, y)


def vec_now(x: f64[:, :], c: float) -> f64[:, :]:
    return np.vectorize(lambda a, b: max(a, b))(x, c)


def vec_int(x: f64[:]) -> i64[:]:
    return np.vectorize(_sign)(x)


def vec_bool(x: i64[:, :], y: i64[:, :]) -> bool:
    return bool(np.all(np.vectorize(lambda a, b: a <= b or a % 2 == 0)(x, y)))


def vec_math(x: f64[:]) -> f64[:]:
    erf = np.vectorize(math.erf)
    return erf(x) + np.vectorize(_f)(x[::-1])


def vec_raises(x: f64[:]) -> f64[:]:
    return np.vectorize(lambda v: math.sqrt(v))(x)


# ----------------------------------------------------------------------------- np.piecewise

def _half(v: f64[:]) -> f64[:]:
    return v / 2.0


def piecewise(x: f64[:]) -> f64[:]:
    return np.piecewise(x, [x < 0.5, x >= 0.5], [lambda v: v * 2.0, lambda v: 1.0 - v])


def pw_else(x: f64[:], k: float) -> f64[:]:
    return np.piecewise(x, [x < 0.2, x > 0.8], [-1.0, lambda v: v * k, _half])


def pw_overlap(x: f64[:, :]) -> f64[:, :]:
    return np.piecewise(x, (x < 0.7, x > 0.3), (lambda v: v + 10.0, 5))


def pw_int(x: i64[:]) -> i64[:]:
    return np.piecewise(x, [x % 2 == 0], [lambda v: v // 2, lambda v: 3 * v + 1])


def pw_scalar_fn(x: f64[:]) -> f64[:]:
    return np.piecewise(x, [x < 0.5], [lambda v: 7.0])


# ----------------------------------------------------------------------------- np.fft 2-D

def fft2_abs(a: f64[:, :]) -> f64[:, :]:
    return np.abs(np.fft.fft2(a))


def fft2_c(a: c128[:, :]) -> c128[:, :]:
    return np.fft.fft2(a)


def ifft2_c(a: c128[:, :]) -> c128[:, :]:
    return np.fft.ifft2(a, norm="ortho")


def rfft2_r(a: f64[:, :]) -> c128[:, :]:
    return np.fft.rfft2(a)


def irfft2_c(a: c128[:, :]) -> f64[:, :]:
    return np.fft.irfft2(a)


def roundtrip(a: f64[:, :]) -> f64[:, :]:
    return np.fft.irfft2(np.fft.rfft2(a))


def fftn_2(a: i64[:, :]) -> c128[:, :]:
    return np.fft.fftn(a) + np.fft.ifftn(a, norm="forward")


def fftn_1(a: f64[:]) -> c128[:]:
    return np.fft.fftn(a)


# ----------------------------------------------------------------------------- np.linalg.eig, eigvals

def eig_wv(a: f64[:, :]) -> tuple[c128[:], c128[:, :]]:
    w, v = np.linalg.eig(a)
    return w, v


def eig_check(a: f64[:, :]) -> float:
    w, v = np.linalg.eig(a)
    return float(np.max(np.abs(a @ v - v * w)))


def eigvals_c(a: f64[:, :]) -> c128[:]:
    return np.linalg.eigvals(a)


def eig_real(a: f64[:, :]) -> f64[:]:
    s = a + a.T
    w, v = np.linalg.eig(s)
    return np.sort(w.real)


def eig_int(a: i64[:, :]) -> c128[:]:
    return np.linalg.eigvals(a)
