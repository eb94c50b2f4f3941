"""Versioned loops whose checked copy runs only on the way to an IndexError (kept scalar and
rolled: bounds.fails_only_into_error) and loops whose checked copy may be what runs."""
from fastext import f64, i64


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def pairs(a: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        for j in range(i + 1, n):
            out[i] += a[j] * a[i]


def backwards(a: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n - 1, -1, -1):
        out[i] = a[i] * 2.0


def lagged(a: f64[:], out: f64[:]) -> None:
    # `i - j` over `j in range(i)` is in [1, i]; its interval reaches below 0: the checked
    # copy is what runs, and must stay fast
    for i in range(len(a)):
        s = 0.0
        for j in range(i):
            s += a[i - j]
        out[i] = s


def previous(a: f64[:], out: f64[:], n: i64) -> None:
    # `a[i - 1]` is `a[-1]` at i = 0: a valid index that fails the hoisted check
    for i in range(n):
        out[i] = a[i - 1]


def every_other(a: f64[:], out: f64[:], n: i64) -> None:
    # the last `i` is below n - 1 when n is even: the check's n - 1 may be out of range
    for i in range(0, n, 2):
        out[i] = a[i]


def guarded(a: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        if i + 1 < len(a):
            out[i] = a[i + 1]


def eight(a: f64[:], b: f64[:], out: f64[:], n: i64) -> None:
    # eight provable indexings: the checked copy is outlined (lower/coldloops.py)
    for i in range(n):
        out[i] = a[i] * b[i] + a[i] * a[i] + b[i] * b[i] + a[i] - b[i] + out[i]


def eight_guarded(a: f64[:], b: f64[:], out: f64[:], n: i64) -> None:
    for i in range(n):
        if a[i] >= 0.0:
            out[i] = a[i] * b[i] + a[i] * a[i] + b[i] * b[i] + a[i] - b[i] + out[i]


def with_else(a: f64[:], out: f64[:], n: i64) -> None:
    # the `else` reads a[2] only when n > 5: with len(a) == 2 the check fails and nothing raises
    for i in range(n):
        out[i] = a[i]
    else:
        if n > 5:
            out[1] = a[2]
