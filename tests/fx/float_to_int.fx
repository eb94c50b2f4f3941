"""float → int conversions at the edges of the i64 range (test_float_to_int)."""
from fastext import f32, f64, i32, i64, u64


def to_i64(x: f64) -> i64:
    return int(x)


def to_i32(x: f64) -> i32:
    return i32(x)


def to_u64(x: f64) -> u64:
    return u64(x)


def f32_to_i64(x: f32) -> i64:
    return int(x)


def bin_counts(x: f64[:], lo: f64, scale: f64, counts: i64[:]) -> i64:
    """The histogram kernel's shape: int() then a `0 <= k < len` test (one unsigned compare)."""
    nb = len(counts)
    missed = 0
    for v in x:
        k = int((v - lo) * scale)
        if 0 <= k < nb:
            counts[k] += 1
        else:
            missed += 1
    return missed
