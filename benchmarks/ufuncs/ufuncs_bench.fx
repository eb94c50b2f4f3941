"""Ufuncs for benchmarks/ufuncs/run.py: the same source is handed to numba.vectorize."""
import math

from fastext import f64, guvectorize, vectorize


@vectorize(["f64(f64, f64)", "f32(f32, f32)"])
def axpy1(x, y):
    return x * y + 1.0


@vectorize(["f64(f64, f64)"])
def hypot_like(x, y):
    return math.sqrt(x * x + y * y)


@guvectorize(["void(f64[:], f64[:], f64[:])"], "(n),(n)->()")
def dot(x, y, out):
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    out[0] = s
