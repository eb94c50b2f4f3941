"""`a % b == 0` and `!= 0` tests (tests/test_divisibility.py): the truncated remainder decides them."""
from fastext import i32, i64


def divisible(a: i64, b: i64) -> bool:
    return a % b == 0


def not_divisible(a: i64, b: i64) -> bool:
    return a % b != 0


def divisible32(a: i32, b: i32) -> bool:
    return a % b == 0


def count_multiples(xs: list[i64], d: i64) -> i64:
    n = 0
    for x in xs:
        if x % d == 0:
            n += 1
        elif 0 != x % d:
            n += 100
    return n


def first_prime_factor(n: i64) -> i64:
    p = 2
    while p * p <= n:
        if n % p == 0:
            return p
        p += 1
    return n
