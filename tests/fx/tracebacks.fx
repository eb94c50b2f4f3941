"""Errors raised at known lines, for tests/test_tracebacks.py (line numbers matter: keep them)."""
import math

from fastext import f64, i64, prange, struct


@struct
class V:
    x: f64
    y: f64

    def inverse_x(self) -> f64:
        return 1.0 / self.x


def _check(n: i64) -> i64:
    if n < 0:
        raise ValueError("negative")
    return n


def outer(n: i64) -> i64:
    m = _check(n)
    return m + 1


def index(x: f64[:], i: i64) -> f64:
    return x[i]


def divide(a: i64, b: i64) -> i64:
    return a // b


def asserting(n: i64) -> i64:
    assert n > 0, "n must be positive"
    return n


def callback(f: object, n: i64) -> i64:
    return int(f(n))


def method(v: V) -> f64:
    return v.inverse_x()


def down(n: i64) -> i64:
    return down(n + 1) + 1


def parallel(x: f64[:]) -> None:
    for i in prange(len(x)):
        x[i] = math.sqrt(_check(i - 50))


def reraised(n: i64) -> i64:
    try:
        return outer(n)
    except ValueError:
        raise RuntimeError("wrapped")


def deep(n: i64) -> i64:
    if n == 0:
        raise OverflowError("bottom")
    return deep(n - 1) + 1
