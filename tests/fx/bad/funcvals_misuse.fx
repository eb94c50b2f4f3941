from typing import Callable
from fastext import f64, i64
import numpy as np


def square(x: f64) -> f64:
    return x * x


def cube(x: f64) -> f64:
    return x * x * x


def apply(f: Callable[[f64], f64], x: f64) -> f64:
    return f(x)


def scale_by(x: f64, k: f64) -> f64:
    return x * k


def fact(n):    # compiles since round 8: the branch `1` types the result (templates._result_parts)
    return 1 if n <= 1 else n * fact(n - 1)


def mixed(n):
    if n > 0:
        return np.zeros(3)
    return 1.0


def chosen(c: bool, x: f64) -> f64:
    if c:
        f = square
    else:
        f = cube
    return f(x)


def as_value(x: f64) -> f64:
    y = square + 1
    z = scale_by(square, 2.0)
    return apply(x, x)


def inferred(n: i64) -> f64:
    return fact(n) + mixed(n)


def ranges(n: i64) -> i64:
    rx = range(n)
    y = rx + 1
    return y


def counter(n: i64) -> i64:
    total, other = 0, 1
    def bump(k: i64) -> i64:
        nonlocal total
        return total + k
    return bump(n)
