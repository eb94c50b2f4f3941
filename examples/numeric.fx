"""Scalar and 1-D numeric kernels: a tour of the first-cut `.fx` dialect.

Every exported function here runs both compiled (through the import hook) and
as plain Python (`FASTEXT_DISABLE=1`) with identical results; the test suite
checks that on generated inputs (tests/test_differential.py).
"""
import math
from math import sqrt, floor, ceil

from fastext import f32, f64, i32, i64, u8

# Module constants: folded at compile time, read-only in functions.
TOL = 1e-12
MAX_ITER = 10_000
TWO_PI = 2 * math.pi
SMALL: i32 = 7
FLAG = True


def dot(x: f64[:], y: f64[:]) -> f64:
    """Dot product of two equally long vectors."""
    if len(x) != len(y):
        raise ValueError("dot: arrays differ in length")
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def total(x: f64[:]) -> f64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s


def mean_var(x: f64[:]) -> tuple[f64, f64]:
    """Mean and (population) variance; ValueError on an empty array."""
    n = len(x)
    if n == 0:
        raise ValueError("mean_var of an empty array")
    m = _mean(x)
    acc = 0.0
    for i in range(n):
        d = x[i] - m
        acc += d * d
    return m, acc / n


def _mean(x: f64[:]) -> f64:
    return total(x) / len(x)


def argmax(x: f64[:]) -> tuple[f64, i64]:
    """The largest value and its first index (-1 for an empty array)."""
    best = -math.inf
    where = -1
    for i in range(len(x)):
        if x[i] > best or where < 0:
            best = x[i]
            where = i
    return best, where


def clip(x: f64, lo: f64 = 0.0, hi: f64 = 1.0) -> f64:
    """Default parameters; keyword arguments work at the Python call site."""
    return min(max(x, lo), hi)


def clip_int(x: i64, lo: i64, hi: i64) -> i64:
    return max(lo, min(x, hi))


def poly(x: f64, a: f64, b: f64, c: f64) -> f64:
    """a*x**2 + b*x + c, written with ** on purpose."""
    return a * x ** 2 + b * x + c


def horner(coef: f64[:], x: f64) -> f64:
    acc = 0.0
    for i in range(len(coef) - 1, -1, -1):   # negative step
        acc = acc * x + coef[i]
    return acc


def int_pow(base: i64, exp: i64) -> i64:
    if exp < 0:
        raise ValueError("negative exponent")
    return base ** exp


def floor_div_mod(a: i64, b: i64) -> tuple[i64, i64]:
    """Python's floor division and modulo (ZeroDivisionError when b == 0)."""
    return a // b, a % b


def float_div_mod(a: f64, b: f64) -> tuple[f64, f64, f64]:
    return a / b, a // b, a % b


def gcd(a: i64, b: i64) -> i64:
    a = abs(a)
    b = abs(b)
    while b != 0:
        a, b = b, a % b
    return a


def lcm(a: i64, b: i64) -> i64:
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd(a, b) * b)


def fib(n: i64) -> i64:
    """Plain recursion."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n: i64) -> i64:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def collatz_steps(n: i64) -> i64:
    assert n > 0, "collatz needs a positive start"
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
        if steps > MAX_ITER:
            raise RuntimeError("too many steps")
    return steps


def is_even(n: i64) -> bool:
    """Mutual recursion, defined before its partner."""
    if n == 0:
        return True
    return _is_odd(n - 1)


def _is_odd(n: i64) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def is_prime(n: i64) -> bool:
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def first_multiple(x: i64[:], k: i64) -> i64:
    """for/else: the index of the first multiple of k, or -1."""
    for i in range(len(x)):
        if x[i] % k == 0:
            break
    else:
        return -1
    return i


def count_in_range(x: f64[:], lo: f64, hi: f64) -> i64:
    """Chained comparisons and continue."""
    n = 0
    for i in range(len(x)):
        if math.isnan(x[i]):
            continue
        if lo <= x[i] < hi:
            n += 1
    return n


def sum_positive_until_negative(x: i64[:]) -> i64:
    s = 0
    i = 0
    while i < len(x):
        if x[i] < 0:
            break
        if x[i] == 0:
            i += 1
            continue
        s += x[i]
        i += 1
    return s


def logic(a: bool, b: bool, c: bool) -> bool:
    return (a and not b) or (c and a != b)


def truthy_and_or(a: i64, b: i64) -> i64:
    """`and`/`or` keep Python's value semantics."""
    return (a and b) or -1


def sign(x: f64) -> i64:
    return 1 if x > 0 else (-1 if x < 0 else 0)


def classify(x: i64) -> i64:
    if x < -100:
        return -2
    elif x < 0:
        return -1
    elif x == 0:
        return 0
    elif x <= 100:
        return 1
    else:
        return 2


def countdown_sum(start: i64, stop: i64, step: i64) -> i64:
    """range with a run-time (possibly negative) step."""
    s = 0
    for i in range(start, stop, step):
        s += i
    return s


def trig(x: f64) -> tuple[f64, f64, f64]:
    return math.sin(x), math.cos(x), math.atan2(x, 1.0)


def math_mix(x: f64, y: f64) -> f64:
    """x and y must be positive."""
    r = sqrt(x) + math.exp(-y) + math.log(x) + math.log2(y) + math.log10(x)
    r += math.fabs(x - y) + math.hypot(x, y) + math.pow(x, 0.5)
    return r


def rounding(x: f64) -> tuple[i64, i64, i64, i64]:
    return floor(x), ceil(x), int(x), round(x)


def checks(x: f64) -> tuple[bool, bool, bool]:
    return math.isnan(x), math.isinf(x), x == x


def safe_sqrt(x: f64) -> f64:
    if x < 0:
        raise ValueError("safe_sqrt of a negative number")
    return sqrt(x)


def wrap_angle(x: f64) -> f64:
    """Map an angle into [0, 2*pi)."""
    return x % TWO_PI


def narrow(x: i64) -> tuple[i32, u8, f32]:
    """Explicit conversions to narrow types wrap (and f32 rounds)."""
    return i32(x), u8(x), f32(x)


def small_plus(x: i32) -> i32:
    return x + SMALL


def bits(a: i64, b: i64) -> tuple[i64, i64, i64, i64]:
    return a & b, a | b, a ^ b, ~a


def shifts(a: i64, s: i64) -> tuple[i64, i64]:
    return a << s, a >> s


def flag_or(x: bool) -> bool:
    return x or FLAG


def fill_range(out: i64[:], start: i64, step: i64) -> None:
    """Writes through an output array; returns None."""
    v = start
    for i in range(len(out)):
        out[i] = v
        v += step


def scale(x: f64[:], factor: f64 = 2.0) -> None:
    for i in range(len(x)):
        x[i] *= factor


def last(x: f64[:]) -> f64:
    """Negative index; IndexError on an empty array."""
    return x[-1]


def get(x: i64[:], i: i64) -> i64:
    """Bounds-checked indexing, negative indices as in Python."""
    return x[i]


def cumsum(x: f64[:], out: f64[:]) -> None:
    assert len(out) == len(x), "cumsum: out must match x"
    s = 0.0
    for i in range(len(x)):
        s += x[i]
        out[i] = s


def float32_sum(x: f32[:]) -> f32:
    s = f32(0.0)
    for i in range(len(x)):
        s += x[i]
    return s


def tuple_swap(a: i64, b: i64) -> tuple[i64, i64]:
    t = (b, a)
    return t


def unpack_use(x: f64[:]) -> f64:
    m, v = mean_var(x)
    return m + v
