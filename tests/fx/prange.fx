"""prange loops: reductions, array writes, 2-D loops, steps, errors (tests/test_prange.py).

Rows of a 2-D array are the parallel axis where the body has an inner loop: such a loop
is split into chunks however short it is, so small test inputs run in threads.  A flat
body (no inner loop or call) runs in threads only from MIN_FLAT_ITERATIONS iterations a
thread on, and the flat tests use arrays that long.
"""
import numpy as np

from fastext import c128, f64, i64, i32, u8, prange


def sum_rows_f(a: f64[:, :]) -> f64:
    s = 0.0
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s


def sum_rows_i(a: i64[:, :]) -> i64:
    s = 0
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j] * (i + 1)
    return s


def sub_rows_i(a: i64[:, :], start: i64) -> i64:
    s = start
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            s -= a[i, j]
    return s


def prod_rows_i(a: i64[:, :]) -> i64:
    p = 1
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            p *= a[i, j]
    return p


def prod_rows_f(a: f64[:, :]) -> f64:
    p: f64 = 1.0
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            p *= a[i, j]
    return p


def minmax_rows_i(a: i32[:, :]) -> tuple[i32, i32]:
    lo: i32 = 2147483647
    hi: i32 = -2147483648
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            lo = min(lo, a[i, j])
            hi = max(a[i, j], hi)
    return lo, hi


def minmax_rows_f(a: f64[:, :], init: f64) -> tuple[f64, f64]:
    lo = init
    hi = init
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            lo = min(lo, a[i, j])
            hi = max(hi, a[i, j])
    return lo, hi


def max_u8_rows(a: u8[:, :]) -> u8:
    m: u8 = 0
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            m = max(m, a[i, j])
    return m


def several(a: i64[:, :]) -> tuple[i64, i64, i64, f64]:
    """Several reductions and a private temporary in one loop."""
    total = 0
    count = 0
    biggest = -(2 ** 62)
    mean_sq = 0.0
    for i in prange(a.shape[0]):
        row = 0
        for j in range(a.shape[1]):
            row += a[i, j]
        total += row
        if row > 0:
            count += 1
        biggest = max(biggest, row)
        mean_sq += float(row) * float(row)
    return total, count, biggest, mean_sq


def scale_rows(a: f64[:, :], out: f64[:, :], k: f64) -> None:
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = a[i, j] * k + i


def stepped(start: i64, stop: i64, step: i64, out: i64[:]) -> i64:
    """Writes the visited values in order; returns the loop variable after the loop."""
    n = len(out)
    i = -7
    for i in prange(start, stop, step):
        k = (i - start) // step
        if 0 <= k < n:
            for r in range(1):
                out[k] = i
    return i


def stepped_sum(start: i64, stop: i64, step: i64) -> i64:
    s = 0
    for i in prange(start, stop, step):
        for r in range(1):
            s += i * 3 - 1
    else:
        s += 1000000
    return s


def count_flat(n: i64) -> i64:
    """A flat body: threads only for long ranges."""
    s = 0
    for i in prange(n):
        s += i ^ (i >> 3)
    return s


def flat_sum(a: f64[:]) -> f64:
    s: f64 = 0.0
    for i in prange(len(a)):
        s += a[i]
    return s


def flat_square(a: f64[:], out: f64[:]) -> None:
    for i in prange(len(a)):
        t = a[i]
        out[i] = t * t


def fail_at(n: i64, bad1: i64, bad2: i64) -> i64:
    """Raises at the first of bad1/bad2 in iteration order, whatever chunk each is in."""
    s = 0
    for i in prange(n):
        for r in range(1):
            if i == bad1:
                raise ValueError("first bad index")
            if i == bad2:
                raise KeyError("second bad index")
        s += 1
    return s


def index_error(a: f64[:, :], col: i64) -> f64:
    s = 0.0
    for i in prange(a.shape[0]):
        for j in range(1):
            s += a[i, col + i]
    return s


def div_rows(a: i64[:, :], d: i64[:]) -> i64:
    s = 0
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j] // d[i]
    return s


def caught(n: i64, bad: i64) -> i64:
    """An error inside the body caught around the loop."""
    s = 0
    try:
        for i in prange(n):
            for r in range(1):
                if i == bad:
                    raise ValueError("bad")
    except ValueError:
        s = -1
    return s


def caught_inside(n: i64, bad: i64) -> i64:
    s = 0
    for i in prange(n):
        for r in range(1):
            try:
                if i % bad == 0:
                    raise ValueError("bad")
                s += 1
            except ValueError:
                s += 100
    return s


def nested(a: f64[:, :]) -> f64:
    """An inner prange runs serially."""
    s = 0.0
    for i in prange(a.shape[0]):
        for j in prange(a.shape[1]):
            s += a[i, j] * j
    return s


def two_loops(a: f64[:], out: f64[:]) -> f64:
    """The same temporary name in two prange loops, and a reduction in the second."""
    for i in prange(len(a)):
        for r in range(1):
            t = a[i] + 1.0
            out[i] = t
    s = 0.0
    for i in prange(len(a)):
        for r in range(1):
            t = out[i] * 2.0
            s += t
    return s


def _helper(x: f64) -> f64:
    return x * x + 1.0


def calls_in_body(a: f64[:], out: f64[:]) -> None:
    for i in prange(len(a)):
        out[i] = _helper(a[i])


def calls_parallel(a: f64[:], out: f64[:]) -> None:
    """Calls a function with a prange loop (releases the GIL too)."""
    calls_in_body(a, out)



def csum_rows(a: f64[:, :], z: c128) -> c128:
    """A complex reduction, on a parameter."""
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            z += complex(a[i, j], 1.0)
    return z


def nested_calls(a: f64[:, :], out: f64[:]) -> None:
    """A prange body calling a function with a prange loop: the inner loop runs serially."""
    for k in prange(len(out)):
        out[k] = sum_rows_f(a)


def alloc_rows(a: f64[:, :]) -> tuple[f64, f64[:, :]]:
    """Arrays allocated in the body (the threads share the call's arena) and a returned one."""
    out = np.empty((a.shape[0], a.shape[1]))
    total = 0.0
    for i in prange(a.shape[0]):
        row = a[i].copy()
        scratch = np.zeros(a.shape[1])
        for j in range(a.shape[1]):
            scratch[j] = row[j] * 2.0
            out[i, j] = scratch[j]
        total += scratch.sum()
    return total, out



def with_callback(cb: object, a: f64[:, :]) -> f64:
    """Objects outside the loop (the GIL stays held for the call), a prange loop inside."""
    total = 0.0
    for i in prange(a.shape[0]):
        for j in range(a.shape[1]):
            total += a[i, j]
    return float(cb(total))
