# Row loops that lower/jam.py runs eight rows at a time (each row's sum in its own order),
# next to ones it must run row by row.
import numpy as np

from fastext import f64, i64


def _a(i: i64, j: i64) -> f64:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def av_inline(u: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1) * u[j]
        out[i] = s


def av_helper(u: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _a(i, j) * u[j]
        out[i] = s


def matvec(a: f64[:, :], x: f64[:], y: f64[:]) -> None:
    for i in range(a.shape[0]):
        acc = 0.0
        for j in range(a.shape[1]):
            acc += a[i, j] * x[j]
        y[i] = acc


def pair_gaps(x: f64[:], out: f64[:]) -> f64:
    """Pairwise sums with a row-private temporary, a second per-row scalar and a result after."""
    total = 0.0
    for i in range(len(x)):
        acc = 0.0
        scale = 1.0 / (i + 1)
        for j in range(len(x)):
            d = x[i] - x[j]
            acc += abs(d) * scale
        out[i] = acc
        total = total * 0.5 + acc
    return total


def shifted(u: f64[:], out: f64[:], n: i64, k: i64) -> i64:
    """1 / (i - j + k): a zero divisor raises ZeroDivisionError where Python does, with the
    rows before it stored; returns the loop variables Python leaves behind."""
    i = -1
    j = -1
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += u[j] / (i - j + k)
        out[i] = s
    return i * 1000 + j


def int_floor(u: f64[:], out: f64[:], n: i64, k: i64) -> None:
    """An integer `//` by a run-time divisor: ZeroDivisionError's integer message."""
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += u[j] * ((i + j) // (i - k))
        out[i] = s


def av_list(u: list[f64]) -> list[f64]:
    """benchmarks/programs/spectralnorm.fx's spelling: comprehensions over a list."""
    return [sum([_a(i, j) * u_j for j, u_j in enumerate(u)]) for i in range(len(u))]


def _rows_append(u: list[f64], out: list[f64]) -> None:
    for i in range(len(u)):
        s = 0.0
        for j in range(len(u)):
            s += u[j] / (i + j + 1)
        out.append(s)


def rows_into(u: list[f64], same: bool) -> list[f64]:
    """`out is u` grows the list the rows read (and the inner range): rows must run in order."""
    out = u if same else [1.5]
    _rows_append(u, out)
    return out


TABLE = np.ones(12)


def _weight(j: i64) -> f64:
    return TABLE[j]


def through_global(n: i64) -> f64:
    """A row store into the module array the rows read through a helper: rows run in order."""
    t = TABLE
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += _weight(j) / (i + j + 1)
        t[i] = s
    return t[n - 1]
