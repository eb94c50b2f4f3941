# Spectral norm (the Benchmarks Game) in the spellings a user writes it, `n` a parameter:
# each row's sum in Python's order, so results match plain Python bit for bit.
from math import sqrt

import numpy as np
from fastext import f64, i64


def _a(i: i64, j: i64) -> f64:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def _av_inline(u: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1) * u[j]
        out[i] = s


def _atv_inline(u: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += 1.0 / ((j + i) * (j + i + 1) // 2 + j + 1) * u[j]
        out[i] = s


def inline(n: i64) -> f64:
    """Arrays, the matrix entry written inline."""
    ua, va, tmp = np.ones(n), np.ones(n), np.ones(n)
    for _ in range(10):
        _av_inline(ua, tmp, n)
        _atv_inline(tmp, va, n)
        _av_inline(va, tmp, n)
        _atv_inline(tmp, ua, n)
    return _norm(ua, va, n)


def _av_helper(u: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _a(i, j) * u[j]
        out[i] = s


def _atv_helper(u: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _a(j, i) * u[j]
        out[i] = s


def helper(n: i64) -> f64:
    """Arrays, the matrix entry from a helper `_a(i, j)`."""
    ua, va, tmp = np.ones(n), np.ones(n), np.ones(n)
    for _ in range(10):
        _av_helper(ua, tmp, n)
        _atv_helper(tmp, va, n)
        _av_helper(va, tmp, n)
        _atv_helper(tmp, ua, n)
    return _norm(ua, va, n)


def _av_list(u: list[f64]) -> list[f64]:
    return [sum([_a(i, j) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def _atv_list(u: list[f64]) -> list[f64]:
    return [sum([_a(j, i) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def lists(n: i64) -> f64:
    """Lists and comprehensions, as benchmarks/programs/spectralnorm.fx."""
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = _atv_list(_av_list(u))
        u = _atv_list(_av_list(v))
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return sqrt(vbv / vv)


def _norm(u: f64[:], v: f64[:], n: i64) -> f64:
    vbv = vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return sqrt(vbv / vv)
