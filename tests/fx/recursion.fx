"""Self-recursive functions (unrolled one level by lower/recursion.py) and some that are not."""
import math

from fastext import f64, i64


def fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_checked(n: i64) -> i64:
    """Can raise, so its calls are not pure: unrolled, but the calls do not merge."""
    if n < 0:
        raise ValueError("fib_checked() of a negative number")
    if n < 2:
        return n
    return fib_checked(n - 1) + fib_checked(n - 2)


def ackermann(m: i64, n: i64) -> i64:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def tri_sum(x: f64, depth: i64) -> f64:
    """math, int() of a float and an IfExp in the recursion."""
    if depth <= 0:
        return x
    k = int(x * 0.5)
    return tri_sum(math.sqrt(abs(x)) + k, depth - 1) + (1.0 if k % 2 == 0 else -1.0)


def _is_even(n: i64) -> bool:
    return True if n == 0 else _is_odd(n - 1)


def _is_odd(n: i64) -> bool:
    return False if n == 0 else _is_even(n - 1)


def parity(n: i64) -> bool:
    """Mutual recursion: not unrolled (only direct self-calls are)."""
    return _is_even(n)


def countdown(n: i64) -> None:
    if n < 0:
        raise OverflowError("countdown() below zero")
    if n > 0:
        countdown(n - 2)


def loop_sum(n: i64) -> i64:
    """A loop in the body: not unrolled."""
    s = 0
    for i in range(n):
        s += i
    return s if n <= 1 else s + loop_sum(n // 2)
