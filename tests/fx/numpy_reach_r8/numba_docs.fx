"""Kernels in the style of Numba's documentation and example gallery: @njit / @jit kernels called
from annotated entry points, prange reductions, @vectorize and @guvectorize with Numba's type
objects as signatures, an eager @njit signature list."""
import math
import numpy as np
from numba import njit, jit, prange, vectorize, guvectorize, float64


@njit
def ident_np(x):
    return np.cos(x) ** 2 + np.sin(x) ** 2


@njit
def ident_loops(x):
    r = np.empty_like(x)
    n = len(x)
    for i in range(n):
        r[i] = np.cos(x[i]) ** 2 + np.sin(x[i]) ** 2
    return r


def ident_entry(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return ident_np(x), ident_loops(x)


@njit(parallel=True)
def prange_sum(A):
    s = 0.0
    for i in prange(A.shape[0]):
        s += A[i]
    return s


def prange_entry(A: np.ndarray) -> float:
    return prange_sum(A)


@jit(nopython=True)
def bubblesort(X):
    N = len(X)
    for end in range(N, 1, -1):
        for i in range(end - 1):
            cur = X[i]
            if cur > X[i + 1]:
                tmp = X[i]
                X[i] = X[i + 1]
                X[i + 1] = tmp


def sort_entry(X: np.ndarray) -> np.ndarray:
    Y = X.copy()
    bubblesort(Y)
    return Y


@njit
def linear_regression(Y, X, w, iterations, alphaN):
    for i in range(iterations):
        w -= alphaN * np.dot(X.T, np.dot(X, w) - Y)
    return w


def linreg_entry(Y: np.ndarray, X: np.ndarray, w0: np.ndarray, iterations: int, alphaN: float) -> np.ndarray:
    n, d = X.shape
    return linear_regression(Y, X, w0.copy(), iterations, alphaN)


@njit
def logistic_regression(Y, X, w, iterations):
    for i in range(iterations):
        w -= np.dot(((1.0 / (1.0 + np.exp(-Y * np.dot(X, w))) - 1.0) * Y), X)
    return w


def logreg_entry(Y: np.ndarray, X: np.ndarray, w0: np.ndarray, iterations: int) -> np.ndarray:
    n, d = X.shape
    return logistic_regression(Y, X, w0.copy(), iterations)


@njit
def cnd(d):
    A1 = 0.31938153
    A2 = -0.356563782
    A3 = 1.781477937
    A4 = -1.821255978
    A5 = 1.330274429
    RSQRT2PI = 0.39894228040143267794
    K = 1.0 / (1.0 + 0.2316419 * np.abs(d))
    ret_val = (RSQRT2PI * np.exp(-0.5 * d * d) *
               (K * (A1 + K * (A2 + K * (A3 + K * (A4 + K * A5))))))
    return np.where(d > 0, 1.0 - ret_val, ret_val)


@njit
def black_scholes(stockPrice, optionStrike, optionYears, Riskfree, Volatility):
    S = stockPrice
    X = optionStrike
    T = optionYears
    R = Riskfree
    V = Volatility
    sqrtT = np.sqrt(T)
    d1 = (np.log(S / X) + (R + 0.5 * V * V) * T) / (V * sqrtT)
    d2 = d1 - V * sqrtT
    cndd1 = cnd(d1)
    cndd2 = cnd(d2)
    expRT = np.exp(- R * T)
    callResult = (S * cndd1 - X * expRT * cndd2)
    putResult = (X * expRT * (1.0 - cndd2) - S * (1.0 - cndd1))
    return callResult, putResult


def bs_entry(S: np.ndarray, X: np.ndarray, T: np.ndarray, R: float, V: float) -> tuple[np.ndarray, np.ndarray]:
    return black_scholes(S, X, T, R, V)


@njit
def erf_loop(x):
    out = np.empty_like(x)
    for i in range(x.shape[0]):
        out[i] = 0.5 * (1.0 + math.erf(x[i] / math.sqrt(2.0)))
    return out


def erf_entry(x: np.ndarray) -> np.ndarray:
    return erf_loop(x)


@vectorize(["float64(float64, float64)"])
def rel_diff(x, y):
    return 2 * (x - y) / (x + y)


def rel_entry(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return rel_diff(a, b)


@guvectorize([(float64[:], float64, float64[:])], "(n),()->(n)")
def g_add(x, y, res):
    for i in range(x.shape[0]):
        res[i] = x[i] + y


@njit
def hypot_scalar(x, y):
    x = abs(x)
    y = abs(y)
    t = min(x, y)
    x = max(x, y)
    t = t / x
    return x * math.sqrt(1 + t * t)


def hypot_entry(x: float, y: float) -> float:
    return hypot_scalar(x, y)


@njit
def pairwise_numba(X):
    M = X.shape[0]
    N = X.shape[1]
    D = np.empty((M, M), dtype=np.float64)
    for i in range(M):
        for j in range(M):
            d = 0.0
            for k in range(N):
                tmp = X[i, k] - X[j, k]
                d += tmp * tmp
            D[i, j] = np.sqrt(d)
    return D


def pairwise_entry(X: np.ndarray) -> np.ndarray:
    n, d = X.shape
    return pairwise_numba(X)


@njit
def hist_loop(a, nbins):
    lo = a.min()
    hi = a.max()
    counts = np.zeros(nbins, dtype=np.int64)
    for v in a:
        k = int((v - lo) / (hi - lo) * nbins)
        if k == nbins:
            k -= 1
        counts[k] += 1
    return counts


def hist_entry(a: np.ndarray, nbins: int) -> np.ndarray:
    return hist_loop(a, nbins)


@njit(["float64[:](float64[:], float64[:])"])
def axpy_sig(x, y):
    return 2.0 * x + y


@njit
def int_casts(a):
    out = np.empty(a.shape[0], dtype=np.int32)
    for i in range(a.shape[0]):
        out[i] = np.int32(a[i] * 10)
    return out


def int_casts_entry(a: np.ndarray) -> np.ndarray:
    return int_casts(a)
