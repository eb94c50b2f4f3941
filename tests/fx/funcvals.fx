"""Functions as values, inferred parameters, `while 1:`, for/else, range values, `return a`."""
from typing import Callable
from collections.abc import Callable as AbcCallable
import numpy as np
from fastext import f64, i64

from funcvals_helpers import _mean_of


# ---- parameters inferred from the call sites, results from the returns
def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def _halve(x, k=2):
    return x / k


def _pick(n):
    if n > 3:
        return n * 0.5
    return n              # i64 here, f64 above: the result is f64


def spectral_row(n: i64, i: i64) -> f64:
    local_eval_A = eval_A          # a local alias: direct calls
    s = 0.0
    for j in range(n):
        s += local_eval_A(i, j)
    return s


def inferred(n: i64, x: f64) -> f64:
    return _halve(x) + _halve(n) + _halve(x, 4) + _pick(n) + eval_A(n, 1)


# ---- function arguments: one clone of the callee per function
def square(x: f64) -> f64:
    return x * x


def cube(x: f64) -> f64:
    return x * x * x


def apply(f, x: f64) -> f64:
    return f(x)


def twice(f: Callable[[f64], f64], x: f64) -> f64:
    return f(f(x))


def compose(f: AbcCallable[[f64], f64], g, x: f64) -> f64:
    return f(g(x))


def _sum_map(f, a):
    s = 0.0
    for v in a:
        s += f(v)
    return s


def with_functions(x: f64) -> f64:
    return apply(square, x) + apply(cube, x) + twice(square, x) + compose(cube, square, x)


def with_lambdas(x: f64, a: f64[:]) -> f64:
    double = lambda v: v * 2.0
    add = lambda i, j: i + j
    return apply(lambda v: v - 1.0, x) + double(x) + add(x, 3.0) + _sum_map(lambda v: v * v, a) + \
        twice(double, x)


def with_closures(x: f64, scale: f64, a: f64[:]) -> f64:
    offset = scale + 1.0

    def inner(v: f64) -> f64:
        return v * scale + offset

    shifted = lambda v: inner(v) - scale     # a closure over a closure
    return apply(inner, x) + twice(shifted, x) + _sum_map(lambda v: v * scale, a) + inner(1.0)


def late_binding(n: i64) -> f64:
    k = 1.0
    f = lambda v: v * k
    s = 0.0
    for i in range(n):
        k = i * 0.5                    # Python reads `k` when f is called
        s += f(2.0)
    return s


def run(n: i64, f=eval_A) -> f64:
    """Exported with its default: Python calls run(n)."""
    s = 0.0
    for i in range(n):
        s += f(i, i + 1)
    return s


def _slow_A(i: i64, j: i64) -> f64:
    return 2.0 / (i + j + 1)


def run_both(n: i64) -> f64:
    return run(n) + run(n, _slow_A) + run(n, f=lambda i, j: i * 1.0 - j)


def across_modules(x: f64) -> f64:
    return _mean_of(square, x, x + 1.0) + _mean_of(lambda v: v + x, 1.0, 2.0)


square_alias = square


def aliased(x: f64) -> f64:
    return square_alias(x) + apply(square_alias, x)


# ---- imports in a body
def local_imports(x: f64) -> f64:
    import math
    from math import sqrt as root
    return math.floor(x) + root(abs(x))


# ---- control flow
def first_square_above(n: i64) -> i64:
    i = 0
    while 1:
        if i * i > n:
            return i
        i += 1


def while_true_break(n: i64) -> i64:
    s = 0
    while True:
        s += 3
        if s > n:
            break
    return s


def for_else(n: i64, stop: i64) -> i64:
    s = 0
    for i in range(n):
        if i == stop:
            break
        s += i
    else:
        s = -s - 1
    return s


def range_values(n: i64, x: i64) -> i64:
    rxrange = range(2, n - 1)
    s = 0
    for r in rxrange:
        s += r
    back = range(n, -2, -3)
    t = 0
    for k, r in enumerate(back):
        t += r * k
    hits = 0
    if x in rxrange:
        hits += 1
    if x not in back:
        hits += 10
    return s + 7 * t + 1000 * len(rxrange) + 100000 * len(back) + 1000000 * hits


# ---- returning the arguments
def same(a: f64[:]) -> f64[:]:
    return a


def same_scaled(a: f64[:], k: f64) -> f64[:]:
    a *= k               # in place: the caller's array, returned as itself
    return a


def pair(a: f64[:], b: i64[:], swap: bool) -> tuple[i64[:], f64[:]]:
    if swap:
        return b, a[::-1]
    return b, a


def fresh(n: i64) -> f64[:]:
    return np.arange(n) * 1.0


def via_fresh(n: i64) -> f64[:]:
    return fresh(n)


def closure_over_array(a: f64[:], x: f64) -> f64:
    t = a * 2.0                        # read only by the lambda: captured, not fused away
    f = lambda v: (v + t).sum()
    return f(x) + _sum_map(lambda v: v * x, t)
