"""Kernels cross-compiled for other platforms by tests/test_platforms.py: a loop, a prange
loop (threads, the CPU count, the spin-wait hint), a clock and a BLAS product (dlopen)."""
import time

import numpy as np

from fastext import f64, i64, prange


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def parallel_sum(x: f64[:]) -> f64:
    total = 0.0
    for i in prange(len(x)):
        total += x[i]
    return total


def elapsed(n: i64) -> f64:
    t0 = time.perf_counter()
    acc = 0
    for i in range(n):
        acc += i
    return time.perf_counter() - t0 + 0.0 * acc


def product(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return a @ b
