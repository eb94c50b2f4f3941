"""Unbounded and deep recursion: RecursionError instead of a stack overflow (tests/test_recursion_limit.py)."""
from fastext import f64, i64, prange


def down(n: i64) -> i64:
    return down(n + 1) + 1


def ping(n: i64) -> i64:
    return pong(n + 1) + 1


def pong(n: i64) -> i64:
    return ping(n + 1) * 2 - 1


def depth(n: i64) -> i64:
    if n == 0:
        return 0
    return depth(n - 1) + 1


def safe_down(n: i64) -> i64:
    try:
        return down(n)
    except RecursionError:
        return -1


def caught_as_runtime_error(n: i64) -> i64:
    try:
        return ping(n)
    except RuntimeError:
        return -2


def stamp_down(a: f64[:], i: i64) -> f64:
    a[i % len(a)] += 1.0
    return stamp_down(a, i + 1) * 0.5


def obj_down(o: object, n: i64) -> i64:
    return obj_down(o, n + 1) + 1


def fin_down(count: i64[:], n: i64) -> i64:
    try:
        return fin_down(count, n + 1) + 1
    finally:
        count[0] += 1


def catch_at_depth(n: i64) -> i64:
    # every level catches: the innermost call past the limit raises, its caller returns n
    try:
        return catch_at_depth(n + 1)
    except RecursionError:
        return n


def parallel_down(out: i64[:]) -> None:
    for i in prange(len(out)):
        out[i] = down(i)


def parallel_depth(out: i64[:], n: i64) -> None:
    for i in prange(len(out)):
        out[i] = depth(n + i)


def many_calls(n: i64) -> i64:
    s = 0
    for i in range(n):
        s += depth(i % 7)
    return s


def ackermann(m: i64, n: i64) -> i64:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
