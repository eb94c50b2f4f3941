"""Stencils and time steps in the styles of the Numba/Pythran benchmark collections and the
SciPy lecture notes."""
import numpy as np
from numba import njit, prange
from fastext import f64, i64


def heat1d(u0: f64[:], nu: float, nt: int) -> f64[:]:
    u = u0.copy()
    for _ in range(nt):
        un = u.copy()
        u[1:-1] = un[1:-1] + nu * (un[2:] - 2 * un[1:-1] + un[:-2])
    return u


def convect2d(u0: f64[:, :], c: float, nt: int) -> f64[:, :]:
    u = u0.copy()
    for n in range(nt):
        un = u.copy()
        u[1:, 1:] = un[1:, 1:] - c * (un[1:, 1:] - un[:-1, 1:]) - c * (un[1:, 1:] - un[1:, :-1])
        u[0, :] = 1.0
        u[-1, :] = 1.0
        u[:, 0] = 1.0
        u[:, -1] = 1.0
    return u


@njit
def conv2d_valid(img, k):
    H, W = img.shape
    kh, kw = k.shape
    out = np.zeros((H - kh + 1, W - kw + 1))
    for i in range(H - kh + 1):
        for j in range(W - kw + 1):
            acc = 0.0
            for a in range(kh):
                for b in range(kw):
                    acc += img[i + a, j + b] * k[a, b]
            out[i, j] = acc
    return out


def conv2d_entry(img: f64[:, :], k: f64[:, :]) -> f64[:, :]:
    return conv2d_valid(img, k)


def roll_laplace(Z: f64[:, :]) -> f64[:, :]:
    return (np.roll(Z, 1, axis=0) + np.roll(Z, -1, axis=0) +
            np.roll(Z, 1, axis=1) + np.roll(Z, -1, axis=1) - 4 * Z)


def life_step(Z: i64[:, :]) -> i64[:, :]:
    N = (Z[0:-2, 0:-2] + Z[0:-2, 1:-1] + Z[0:-2, 2:] +
         Z[1:-1, 0:-2] + Z[1:-1, 2:] +
         Z[2:, 0:-2] + Z[2:, 1:-1] + Z[2:, 2:])
    birth = (N == 3) & (Z[1:-1, 1:-1] == 0)
    survive = ((N == 2) | (N == 3)) & (Z[1:-1, 1:-1] == 1)
    out = np.zeros_like(Z)
    out[1:-1, 1:-1][birth | survive] = 1
    return out


def edge_blur(a: f64[:, :]) -> f64[:, :]:
    p = np.pad(a, 1, mode="edge")
    return (p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:] + p[1:-1, 1:-1]) / 5.0


def cumtrapz(y: f64[:], x: f64[:]) -> f64[:]:
    return np.cumsum((y[1:] + y[:-1]) / 2.0 * np.diff(x))


def moving_average(x: f64[:], w: int) -> f64[:]:
    return np.convolve(x, np.ones(w) / w, mode="valid")


@njit(cache=True)
def ewma(x, alpha):
    out = np.empty_like(x)
    if x.shape[0] == 0:
        return out
    out[0] = x[0]
    for i in range(1, x.shape[0]):
        out[i] = alpha * x[i] + (1 - alpha) * out[i - 1]
    return out


def ewma_entry(x: f64[:], alpha: float) -> f64[:]:
    return ewma(x, alpha)


def window_max(x: f64[:], w: int) -> f64[:]:
    return np.lib.stride_tricks.sliding_window_view(x, w).max(axis=1)


@njit(parallel=True)
def row_sums_par(a):
    n = a.shape[0]
    out = np.zeros(n)
    for i in prange(n):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j]
        out[i] = s
    return out


def row_sums_entry(a: f64[:, :]) -> f64[:]:
    return row_sums_par(a)


@njit("float64[:](float64[:], int64)")
def upsample(x, f):
    out = np.empty(x.shape[0] * f)
    for i in range(x.shape[0]):
        for j in range(f):
            out[i * f + j] = x[i]
    return out


def wave1d(u: f64[:], up: f64[:], c2: float, steps: int) -> f64[:]:
    u = u.copy()
    up = up.copy()
    for _ in range(steps):
        un = np.empty_like(u)
        un[1:-1] = 2 * u[1:-1] - up[1:-1] + c2 * (u[2:] - 2 * u[1:-1] + u[:-2])
        un[0] = 0.0
        un[-1] = 0.0
        up, u = u, un
    return u
