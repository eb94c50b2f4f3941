"""Python's clocks in .fx code (tests/test_pytime.py)."""
import time
from time import perf_counter_ns as pcns
from fastext import f64, i64


def now() -> f64:
    return time.time()


def now_ns() -> i64:
    return time.time_ns()


def perf() -> f64:
    return time.perf_counter()


def perf_ns() -> i64:
    return pcns()


def mono() -> f64:
    return time.monotonic()


def mono_ns() -> i64:
    return time.monotonic_ns()


def timed_loop(n: i64) -> tuple[f64, f64, i64]:
    """A benchmark timing itself: the clock before and after a loop, and its result."""
    t0 = time.perf_counter()
    s = 0
    for i in range(n):
        s += i * i % 7
    t1 = time.perf_counter()
    return (t0, t1, s)


def monotone(n: i64) -> bool:
    last = time.monotonic_ns()
    for i in range(n):
        t = time.monotonic_ns()
        if t < last:
            return False
        last = t
    return True
