"""The NumPy-style benchmark suite (issue 10): kernels written the way NumPy users write them.

One file, four runs: compiled by fastext, run as plain Python (the NumPy baseline and the
correctness oracle), through `numba.njit` applied to these very functions, and compiled by
Pythran from a copy that `run.py` writes with `#pythran export` lines derived from the
annotations.  Every exported function is pure: it reads its arguments and returns new
arrays, so one set of inputs serves every implementation and every round.

Functions whose name starts with `_` are helpers (not exported, not timed on their own).
Inputs, sizes and tolerances live in `cases.py`.
"""
import math

import numpy as np
from fastext import boolean, f32, f64, i64


# ------------------------------------------------------------------ distances and geometry

def pairwise_distances(x: f64[:, :]) -> f64[:, :]:
    """Euclidean distance matrix of n points in d dimensions, through a 3-D broadcast."""
    diff = x[:, None, :] - x[None, :, :]
    return np.sqrt((diff * diff).sum(axis=2))


def sq_euclidean(x: f64[:, :], y: f64[:, :]) -> f64[:, :]:
    """Squared distances |x_i|^2 + |y_j|^2 - 2 x_i . y_j, the matrix-product formulation."""
    xx = (x * x).sum(axis=1)
    yy = (y * y).sum(axis=1)
    return xx[:, None] + yy[None, :] - 2.0 * np.dot(x, y.T)


def arc_distance(theta1: f64[:], phi1: f64[:], theta2: f64[:], phi2: f64[:]) -> f64[:]:
    """Great-circle distance between point pairs (haversine formula), element-wise."""
    h = np.sin((theta2 - theta1) / 2) ** 2 + np.cos(theta1) * np.cos(theta2) * np.sin((phi2 - phi1) / 2) ** 2
    return 2 * np.arctan2(np.sqrt(h), np.sqrt(1 - h))


def haversine_matrix(lat: f64[:], lon: f64[:], radius: f64) -> f64[:, :]:
    """All-pairs great-circle distances (degrees in, `radius` units out)."""
    la = np.radians(lat)
    lo = np.radians(lon)
    dlat = la[:, None] - la[None, :]
    dlon = lo[:, None] - lo[None, :]
    a = np.sin(dlat * 0.5) ** 2 + np.cos(la)[:, None] * np.cos(la)[None, :] * np.sin(dlon * 0.5) ** 2
    return 2.0 * radius * np.arcsin(np.sqrt(a))


def nbody_accel(pos: f64[:, :], mass: f64[:], soft: f64) -> f64[:, :]:
    """Gravitational accelerations of n bodies (G = 1) with Plummer softening."""
    dx = pos[:, 0][None, :] - pos[:, 0][:, None]
    dy = pos[:, 1][None, :] - pos[:, 1][:, None]
    dz = pos[:, 2][None, :] - pos[:, 2][:, None]
    inv_r3 = (dx * dx + dy * dy + dz * dz + soft * soft) ** -1.5
    acc = np.empty_like(pos)
    acc[:, 0] = (dx * inv_r3 * mass[None, :]).sum(axis=1)
    acc[:, 1] = (dy * inv_r3 * mass[None, :]).sum(axis=1)
    acc[:, 2] = (dz * inv_r3 * mass[None, :]).sum(axis=1)
    return acc


def kmeans_assign(x: f64[:, :], centroids: f64[:, :]) -> i64[:]:
    """The assignment step of k-means: index of the nearest centroid of every point."""
    d2 = ((x[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return np.argmin(d2, axis=1)


def cosine_similarity(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    """Cosine similarity of every row of `a` with every row of `b`."""
    an = a / np.linalg.norm(a, axis=1, keepdims=True)
    bn = b / np.linalg.norm(b, axis=1, keepdims=True)
    return an @ bn.T


# ------------------------------------------------------------------ norms

def row_norms(x: f64[:, :]) -> f64[:]:
    """L2 norm of every row, written out as sqrt(sum(x**2))."""
    return np.sqrt(np.sum(x ** 2, axis=1))


def relative_error(a: f64[:, :], b: f64[:, :]) -> f64:
    """Frobenius norm of the difference, relative to the reference `b`."""
    return np.linalg.norm(a - b) / np.linalg.norm(b)


# ------------------------------------------------------------------ stencils and PDE steps

def laplacian(u: f64[:, :]) -> f64[:, :]:
    """5-point discrete Laplacian of the interior; the border stays zero."""
    out = np.zeros_like(u)
    out[1:-1, 1:-1] = u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:] - 4.0 * u[1:-1, 1:-1]
    return out


def jacobi(a: f64[:, :], iters: i64) -> f64[:, :]:
    """`iters` Jacobi sweeps for Laplace's equation, swapping two grids (fixed border)."""
    u = a.copy()
    v = a.copy()
    for _ in range(iters):
        v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
        u, v = v, u
    return u


def wave(u0: f64[:, :], u1: f64[:, :], c2: f64, steps: i64) -> f64[:, :]:
    """Leapfrog steps of the 2-D wave equation (c2 = (c dt / dx)^2), fixed border."""
    prev = u0.copy()
    cur = u1.copy()
    for _ in range(steps):
        nxt = 2.0 * cur - prev
        nxt[1:-1, 1:-1] += c2 * (cur[:-2, 1:-1] + cur[2:, 1:-1] + cur[1:-1, :-2] + cur[1:-1, 2:]
                                 - 4.0 * cur[1:-1, 1:-1])
        prev = cur
        cur = nxt
    return cur


def grayscott(u0: f64[:, :], v0: f64[:, :], du: f64, dv: f64, feed: f64, kill: f64, steps: i64) -> f64[:, :]:
    """Gray-Scott reaction-diffusion, updating the interiors in place through views."""
    U = u0.copy()
    V = v0.copy()
    u = U[1:-1, 1:-1]
    v = V[1:-1, 1:-1]
    for _ in range(steps):
        lu = U[:-2, 1:-1] + U[2:, 1:-1] + U[1:-1, :-2] + U[1:-1, 2:] - 4.0 * u
        lv = V[:-2, 1:-1] + V[2:, 1:-1] + V[1:-1, :-2] + V[1:-1, 2:] - 4.0 * v
        uvv = u * v * v
        u += du * lu - uvv + feed * (1.0 - u)
        v += dv * lv + uvv - (feed + kill) * v
    return V


def diffusion(u0: f64[:], mu: f64, steps: i64) -> f64[:]:
    """Explicit 1-D heat equation: the right side reads the slice it overwrites."""
    u = u0.copy()
    for _ in range(steps):
        u[1:-1] = u[1:-1] + mu * (u[2:] - 2.0 * u[1:-1] + u[:-2])
    return u


def _box3(a: f64[:, :]) -> f64[:, :]:
    """Sum over the 3x3 neighbourhood of every interior point."""
    return (a[:-2, :-2] + a[:-2, 1:-1] + a[:-2, 2:]
            + a[1:-1, :-2] + a[1:-1, 1:-1] + a[1:-1, 2:]
            + a[2:, :-2] + a[2:, 1:-1] + a[2:, 2:])


def harris(img: f64[:, :], k: f64) -> f64[:, :]:
    """Harris corner response det(M) - k trace(M)^2 with central differences and a 3x3 window."""
    ix = 0.5 * (img[1:-1, 2:] - img[1:-1, :-2])
    iy = 0.5 * (img[2:, 1:-1] - img[:-2, 1:-1])
    sxx = _box3(ix * ix)
    syy = _box3(iy * iy)
    sxy = _box3(ix * iy)
    det = sxx * syy - sxy * sxy
    tr = sxx + syy
    return det - k * tr * tr


def local_maxima(a: f64[:, :]) -> boolean[:, :]:
    """Interior points strictly greater than their 4 neighbours (a growcut-style mask)."""
    c = a[1:-1, 1:-1]
    return (c > a[:-2, 1:-1]) & (c > a[2:, 1:-1]) & (c > a[1:-1, :-2]) & (c > a[1:-1, 2:])


def count_peaks(a: f64[:, :], level: f64) -> i64:
    """Number of interior local maxima above `level`."""
    c = a[1:-1, 1:-1]
    peak = (c > level) & (c >= a[:-2, 1:-1]) & (c >= a[2:, 1:-1]) & (c >= a[1:-1, :-2]) & (c >= a[1:-1, 2:])
    return np.count_nonzero(peak)


# ------------------------------------------------------------------ statistics and machine learning

def log_likelihood(x: f64[:], mu: f64, sigma: f64) -> f64:
    """Log-likelihood of samples under a normal distribution N(mu, sigma^2)."""
    z = (x - mu) / sigma
    return np.sum(-0.5 * z * z - np.log(sigma * np.sqrt(2.0 * np.pi)))


def softmax(x: f64[:, :]) -> f64[:, :]:
    """Row-wise softmax, shifted by the row maximum for stability."""
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def logsumexp(x: f64[:, :]) -> f64[:]:
    """Row-wise log(sum(exp(x))) without overflow."""
    m = np.max(x, axis=1)
    return m + np.log(np.sum(np.exp(x - m[:, None]), axis=1))


def standardize(x: f64[:, :]) -> f64[:, :]:
    """Column-wise z-scores (x - mean) / std."""
    return (x - x.mean(axis=0)) / x.std(axis=0)


def covariance(x: f64[:, :]) -> f64[:, :]:
    """Sample covariance matrix of the columns (observations in rows)."""
    xc = x - x.mean(axis=0)
    return xc.T @ xc / (x.shape[0] - 1)


def moving_average(x: f64[:], w: i64) -> f64[:]:
    """Means of every window of `w` consecutive values, through a running sum."""
    c = np.cumsum(x)
    c[w:] = c[w:] - c[:-w]
    return c[w - 1:] / w


def histogram_counts(x: f64[:], lo: f64, hi: f64, bins: i64) -> i64[:]:
    """Counts of `x` in `bins` equal bins over [lo, hi) (values outside are clipped to the ends)."""
    idx = ((x - lo) * (bins / (hi - lo))).astype(np.int64)
    idx = np.clip(idx, 0, bins - 1)
    return np.bincount(idx, minlength=bins)


def _cnd(d: f64[:]) -> f64[:]:
    """Cumulative normal distribution, Abramowitz-Stegun 26.2.17 (error < 7.5e-8)."""
    k = 1.0 / (1.0 + 0.2316419 * np.abs(d))
    poly = k * (0.319381530 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))))
    tail = np.exp(-0.5 * d * d) / math.sqrt(2.0 * math.pi) * poly
    return np.where(d > 0, 1.0 - tail, tail)


def black_scholes(s: f64[:], k: f64[:], t: f64[:], r: f64, sigma: f64) -> f64[:]:
    """European call prices under Black-Scholes."""
    sq = sigma * np.sqrt(t)
    d1 = (np.log(s / k) + (r + 0.5 * sigma * sigma) * t) / sq
    d2 = d1 - sq
    return s * _cnd(d1) - k * np.exp(-r * t) * _cnd(d2)


def logistic_grad(X: f64[:, :], y: f64[:], w: f64[:]) -> f64[:]:
    """Gradient of the mean logistic loss with respect to the weights."""
    p = 1.0 / (1.0 + np.exp(-(X @ w)))
    return X.T @ (p - y) / X.shape[0]


def huber_loss(r: f64[:], delta: f64) -> f64:
    """Mean Huber loss of the residuals `r`."""
    a = np.abs(r)
    return np.mean(np.where(a <= delta, 0.5 * r * r, delta * (a - 0.5 * delta)))


def masked_mean(x: f64[:], threshold: f64) -> f64:
    """Mean of the values above `threshold` (boolean indexing)."""
    return x[x > threshold].mean()


# ------------------------------------------------------------------ optimisation test functions

def rosenbrock(x: f64[:]) -> f64:
    """The n-dimensional Rosenbrock function."""
    return np.sum(100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2)


def rosenbrock_grad(x: f64[:]) -> f64[:]:
    """Gradient of `rosenbrock`."""
    xm = x[1:-1]
    xl = x[:-2]
    xr = x[2:]
    g = np.zeros_like(x)
    g[1:-1] = 200.0 * (xm - xl ** 2) - 400.0 * (xr - xm ** 2) * xm - 2.0 * (1.0 - xm)
    g[0] = -400.0 * x[0] * (x[1] - x[0] ** 2) - 2.0 * (1.0 - x[0])
    g[-1] = 200.0 * (x[-1] - x[-2] ** 2)
    return g


# ------------------------------------------------------------------ polynomials, integrals, images

def polyval(coeffs: f64[:], x: f64[:]) -> f64[:]:
    """Horner's rule over an array, highest power first (as np.polyval)."""
    y = np.zeros_like(x)
    for c in coeffs:
        y = y * x + c
    return y


def gauss_integral(n: i64) -> f64:
    """Trapezoidal integral of exp(-x^2) over [-5, 5] on n points (close to sqrt(pi))."""
    x = np.linspace(-5.0, 5.0, n)
    y = np.exp(-x * x)
    return (x[1] - x[0]) * (np.sum(y) - 0.5 * (y[0] + y[-1]))


def block_mean(img: f64[:, :]) -> f64[:, :]:
    """2x2 block averages (downsampling by 2) through a 4-D reshape."""
    h, w = img.shape
    return img.reshape(h // 2, 2, w // 2, 2).mean(axis=3).mean(axis=1)


def normalize_f32(img: f32[:, :]) -> f32[:, :]:
    """Rescale a single-precision image to [0, 1]."""
    lo = img.min()
    hi = img.max()
    return (img - lo) / (hi - lo)


# ------------------------------------------------------------------ matrix products

def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    """Plain np.dot of two matrices (timed at n = 256 and n = 512)."""
    return np.dot(a, b)
