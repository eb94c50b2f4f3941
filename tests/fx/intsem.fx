"""Fixed-width integers next to Python's unbounded ints (tests/test_int_semantics.py)."""
from fastext import i8, i32, i64, u32, u64

MASK = 0xFFFFFFFFFFFFFFFF


def issue(x: int) -> u64:
    return (x & 0xFFFFFFFFFFFFFFFF) >> 11


def mask_left(x: i32) -> u64:
    return 0xFFFFFFFFFFFFFFFF & x


def mask_named(x: i64) -> u64:
    return (x & MASK) % 1000003


def high_bit(x: i64) -> u64:
    return x & 0x8000000000000000


def mix(x: int) -> u64:
    # a 64-bit hash step, written as Python code computes it: mask after the multiply
    h = (u64(x) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    return h ^ (h >> 29)


def shifted_mask(x: i8) -> u64:
    return (x >> 1) & 0xFFFFFFFFFFFFFFF0


def top() -> u64:
    return 2**64 - 1


def below_top(x: i64) -> bool:
    return x < 0xFFFFFFFFFFFFFFFF


def equal(x: i64, u: u64) -> bool:
    return x == u


def ordered(x: i64, u: u64, y: i32) -> bool:
    return x <= u < y


def less(u: u64, x: i64) -> bool:
    return u < x


def narrow(a: u32, b: i8) -> bool:
    return a > b
