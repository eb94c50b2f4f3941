"""Integer and scalar series (independent of vecmath: cross-module calls are not supported yet)."""
from fastext import i64


def fib(n: i64) -> i64:
    """The n-th Fibonacci number (fib(0) == 0), wrapping at 64 bits."""
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a


def harmonic(n: i64) -> float:
    """1 + 1/2 + ... + 1/n."""
    s = 0.0
    for k in range(1, n + 1):
        s += 1.0 / k
    return s


def is_prime(n: i64) -> bool:
    """Trial division."""
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def collatz_steps(n: i64, limit: i64 = 10000) -> i64:
    """Steps for n to reach 1 under the Collatz map (at most `limit`)."""
    if n < 1:
        raise ValueError("collatz_steps() needs n >= 1")
    steps = 0
    while n != 1 and steps < limit:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
