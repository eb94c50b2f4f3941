"""Per-function and per-module options."""
import fastext
from fastext import f64, fastmath, i64, inline, nogil, unchecked

__fastext__ = {"boundscheck": True, "fastmath": False}


@fastmath
def fsum(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s


def axpy(a: f64, x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        y[i] = a * x[i] + y[i]


@unchecked
def peek(x: i64[:], i: i64) -> i64:
    return x[i] if i < len(x) else -1


def checked_peek(x: i64[:], i: i64) -> i64:
    return x[i]


@fastext.inline
def _sq(v: f64) -> f64:
    return v * v


def norm2(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += _sq(v)
    return s


@nogil
def small_sum(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s
