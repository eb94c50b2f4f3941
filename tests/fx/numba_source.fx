"""A kernel file written for Numba, compiled unchanged (frontend/numba.py)."""
import numpy as np
import numba
from numba import njit, prange
from fastext import f64


@njit(cache=True, fastmath=True)
def dot(a: f64[:], b: f64[:]) -> f64:
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


@numba.jit(nopython=True, parallel=True)
def rowsum(m: f64[:, :]) -> f64[:]:
    out = np.empty(m.shape[0])
    for i in numba.prange(m.shape[0]):
        out[i] = m[i].sum()
    return out


@njit
def scale(x: f64[:]) -> f64[:]:
    y = np.empty_like(x)
    for i in prange(len(x)):
        y[i] = 2.0 * x[i]
    return y


@njit
def minmax(a: f64[:]) -> tuple:
    """A bare `-> tuple` under @njit: the result its return gives, as without the decorator."""
    lo = a[0]
    hi = a[0]
    for v in a[1:]:
        lo = min(lo, v)
        hi = max(hi, v)
    return lo, hi


@njit(cache=True)
def mean_of(a: f64[:]):
    return a.sum() / len(a)
