"""Kernels the debug-build tests compile with and without `-g` (tests/test_debuginfo.py)."""
from fastext import f64, i64


def dot(x: f64[:], y: f64[:]) -> f64:
    """Dot product; the gdb and perf tests look for the loop body's line."""
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]  # LOOP BODY
    return s


def clipped_sum(x: f64[:], lo: f64, hi: f64) -> f64:
    t = 0.0
    for v in x:
        if v < lo:
            t += lo
        elif v > hi:
            t += hi
        else:
            t += v
    return t


def twice_at(x: i64[:], k: i64) -> i64:
    return x[k] * 2
