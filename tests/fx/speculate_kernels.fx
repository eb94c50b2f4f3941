# Loops that lower/speculate.py runs speculatively (pure body calling functions that may
# raise) next to loops it must leave alone.
from fastext import f64, i64


def _a(i: i64, j: i64) -> f64:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v: f64[:], out: f64[:]) -> None:
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _a(i, j) * v[j]
        out[i] = s


def _inv(x: f64, k: i64) -> f64:
    if k == 13:
        raise ValueError("thirteen")
    return 1.0 / x


def inv_sum(v: f64[:], w: f64[:], lo: i64, hi: i64) -> f64:
    """1/v[j] * w[j - lo] summed: ZeroDivisionError, IndexError and ValueError in any order."""
    s = 0.0
    t = 1.0
    for j in range(lo, hi):
        s += _inv(v[j], j) * w[j - lo]
        t = t * 0.5 + s
    return s + t


def partial_sum(v: f64[:], n: i64) -> f64:
    """The sum so far when a division fails (the loop's locals seen by an except clause)."""
    s = 0.0
    j = -1
    try:
        for j in range(n):
            s += _inv(v[j], 0)
    except ZeroDivisionError:
        return s * 1000.0 + j
    return s


def _looping(x: f64) -> f64:
    r = x
    while r > 1.0:
        r = r / 2.0
    return r


def not_speculated_loop_callee(v: f64[:]) -> f64:
    s = 0.0
    for j in range(len(v)):
        s += _looping(v[j])
    return s


def not_speculated_store(v: f64[:], out: f64[:]) -> None:
    for j in range(len(v)):
        out[j] = _inv(v[j], j)
