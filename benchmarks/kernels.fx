# Benchmark kernels: the same file runs compiled (fastext) and as plain Python.
# benchmarks/run.py times these against a hand-written C extension
# (c_ext/fastbench_c.c), Numba @njit versions of these very functions, NumPy and
# plain Python.  Keep the semantics in step with c_ext/fastbench_c.c.
from fastext import f64, i64


def add(a: i64, b: i64) -> i64:
    return a + b


def sum1(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s
