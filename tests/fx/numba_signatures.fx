"""Numba kernels with explicit signatures and no annotations (tests/test_numba_source.py)."""
import numpy as np
import numba
from numba import njit


@njit("f8(f8[:])", cache=True)
def total(a):
    s = 0.0
    for x in a:
        s += x
    return s


@njit(["float64[:, :](float64[:, ::1], int64)"])
def scaled(a, k):
    return a * k


@numba.jit("void(f8[:], f8[:])", nopython=True)
def axpy(x, y):
    for i in range(len(x)):
        y[i] += 2.0 * x[i]


@njit("UniTuple(f8, 2)(f8[:])")
def minmax(a):
    return a.min(), a.max()


@njit("i8(i8, i8)")
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
