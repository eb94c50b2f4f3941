"""Corner cases of the dialect's semantics, checked against plain Python by test_differential."""
import math

from fastext import f32, f64, i8, i16, i32, i64, u8, u16, u32, u64

LIMIT: i64 = 3
HALF = 0.5
NEG = -7


def _side(x: f64[:], i: i64) -> i64:
    x[0] += 1.0
    return i


def chain_once(x: f64[:], a: i64, b: i64) -> bool:
    """The middle operand of a chained comparison is evaluated once."""
    return a < _side(x, b) <= a + 10


def short_circuit(x: f64[:], a: i64) -> bool:
    """`and` / `or` do not evaluate the right side when the left decides."""
    return (a > 0 and _side(x, a) > 1) or (a < -5 or _side(x, a) == 0)


def aug_index_once(x: f64[:], k: i64) -> None:
    """`x[f()] += v` evaluates the index once."""
    x[_side(x, k)] += 10.0


def mixed_promotion(a: i32, b: u32, c: i8, d: u8) -> tuple[i64, i64, i64]:
    return a + b, c * d, a - d


def bool_arith(a: bool, b: bool) -> tuple[i64, i64, bool, bool]:
    return a + b, a - b, a & b, a | b


def float_int_mix(a: i64, b: f64) -> tuple[f64, f64, f64, bool]:
    return a + b, a * b, a / 4, a == b


def true_div_ints(a: i64, b: i64) -> f64:
    return a / b


def float_pow(x: f64, y: f64) -> f64:
    return x ** y


def int_float_pow(a: i64, y: f64) -> f64:
    return a ** y


def neg_abs(a: i64) -> tuple[i64, i64, i64]:
    return -a, abs(a), +a


def float_ops(x: f64) -> tuple[f64, f64, f64, f64]:
    return abs(x), -x, x * HALF, float(int(x))


def int_of_float(x: f64) -> i64:
    return int(x)


def minmax3(a: i64, b: i64, c: i64) -> tuple[i64, i64]:
    return min(a, b, c), max(a, b, c)


def minmax_float(a: f64, b: f64) -> tuple[f64, f64, f64, f64]:
    return min(a, b), max(a, b), min(b, a), max(b, a)


def minmax_mixed(a: i64, b: f64) -> tuple[f64, f64]:
    return min(a, b), max(a, b)


def ternary_mixed(c: bool, a: i64, b: f64) -> f64:
    return a if c else b


def while_else(n: i64, stop_at: i64) -> i64:
    i = 0
    while i < n:
        if i == stop_at:
            break
        i += 1
    else:
        return -i
    return i


def nested_loops(n: i64, m: i64) -> i64:
    """break/continue affect only the innermost loop."""
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        for j in range(m):
            if j > i:
                break
            total += i * j
    return total


def loop_var_after(n: i64) -> i64:
    """The loop variable keeps its last value after the loop (when it ran)."""
    i = -1
    for i in range(n):
        pass
    return i


def range_forms(a: i64, b: i64, c: i64) -> tuple[i64, i64, i64]:
    s1 = 0
    for i in range(a):
        s1 += i
    s2 = 0
    for i in range(a, b):
        s2 += i
    s3 = 0
    for i in range(a, b, c):
        s3 += 1
    return s1, s2, s3


def modify_range_bound(n: i64) -> i64:
    """range() bounds are evaluated once, as in Python."""
    count = 0
    for i in range(n):
        n -= 1
        count += 1
    return count


def aug_ops(a: i64, b: i64) -> tuple[i64, i64, i64, i64, i64]:
    x = a
    x += b
    y = a
    y -= b
    z = a
    z *= b
    w = a
    w //= b
    v = a
    v %= b
    return x, y, z, w, v


def narrow_wrap(a: i64) -> tuple[i8, i16, u16, u64]:
    return i8(a), i16(a), u16(a), u64(a)


def narrow_arith(a: i8, b: i8) -> i8:
    """i8 arithmetic wraps at 8 bits (documented)."""
    c = a + b
    return c


def u8_neg(a: u8) -> u8:
    return -a


def f32_round(x: f64) -> f32:
    return f32(x)


def f32_arith(a: f32, b: f32) -> f32:
    return a * b + a


def annotated_local(n: i64) -> f64:
    acc: f64 = 0
    for i in range(n):
        acc += i
    return acc / 2


def chained_assign(x: i64) -> tuple[i64, i64]:
    a = b = x * 2
    return a, b


def constants(x: f64) -> f64:
    return x * LIMIT + NEG + math.e + math.tau


def nan_compare(x: f64, y: f64) -> tuple[bool, bool, bool, bool]:
    return x < y, x == y, x != y, not (x >= y)


def is_close(a: f64, b: f64) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def early_return(x: i64) -> i64:
    for i in range(100):
        if i * i >= x:
            return i
    return -1


def no_return_value(x: f64[:]) -> None:
    if len(x) == 0:
        return
    x[0] = 42.0


def raise_kinds(k: i64) -> i64:
    if k == 1:
        raise ValueError("one")
    if k == 2:
        raise IndexError("two")
    if k == 3:
        raise ZeroDivisionError("three")
    if k == 4:
        raise TypeError("four")
    if k == 5:
        raise OverflowError("five")
    if k == 6:
        raise RuntimeError("six")
    if k == 7:
        raise KeyError("seven")
    if k == 8:
        raise NotImplementedError("eight")
    assert k != 9, "nine"
    assert k != 10
    return k


def fmod_and_copysign(x: f64, y: f64) -> tuple[f64, f64]:
    return math.fmod(x, y), math.copysign(x, y)


def trunc_floor(x: f64) -> tuple[i64, i64, i64]:
    return math.trunc(x), math.floor(x), math.ceil(x)
