"""Kernels of benchmarks/random_bench.py: np.random as NumPy code writes it.

The same functions run compiled by fastext and under numba.njit (which implements these
np.random calls natively, with NumPy's MT19937 and polar Box–Muller).  The `py_*` loops draw
from Python's `random` (CPython's Mersenne Twister and draws in fastext; Numba's own MT19937)
and run as plain Python too."""
from fastext import f64, i64
import numpy as np
import random


def uniform_fill(n: i64) -> f64[:]:
    return np.random.random(n)


def normal_fill(n: i64) -> f64[:]:
    return np.random.normal(0.0, 1.0, n)


def randint_fill(n: i64) -> i64[:]:
    return np.random.randint(0, 100, n)


def uniform_sum(n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += np.random.random()
    return s


def normal_sum(n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += np.random.normal(0.0, 1.0)
    return s


def generator_normal_fill(seed: i64, n: i64) -> f64[:]:
    rng = np.random.default_rng(seed)
    return rng.normal(0.0, 1.0, n)


def generator_uniform_fill(seed: i64, n: i64) -> f64[:]:
    rng = np.random.default_rng(seed)
    return rng.random(n)


def py_random_sum(n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += random.random()
    return s


def py_randint_sum(n: i64) -> i64:
    s = 0
    for i in range(n):
        s += random.randint(1, 6)
    return s


def py_gauss_sum(n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += random.gauss(0.0, 1.0)
    return s
