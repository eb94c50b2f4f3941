"""Generators from np.random.default_rng(seed): compiled, the same numbers as NumPy's PCG64
(tests/test_np_generator_exact.py)."""
from fastext import f32, f64, i64, u64, i32, u32, i16, u16, i8, u8, boolean, prange
import numpy as np


def doubles(s: i64, n: i64) -> f64[:]:
    rng = np.random.default_rng(s)
    out = np.empty(n + 2)
    out[0] = rng.random()
    out[1:n + 1] = rng.random(n)
    out[n + 1] = rng.random()
    return out


def doubles_u64(s: u64, n: i64) -> f64[:]:
    rng = np.random.default_rng(s)
    return rng.random(n)


def uniforms(s: i64, low: f64, high: f64, n: i64) -> f64[:]:
    rng = np.random.default_rng(s)
    out = rng.uniform(low, high, n)
    out[0] = rng.uniform(low, high)
    return out


def floats32(s: i64, n: i64) -> f32[:]:
    rng = np.random.default_rng(s)
    return rng.random(n, dtype=np.float32)


def ints64(s: i64, low: i64, high: i64, n: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n)


def ints64_closed(s: i64, low: i64, high: i64, n: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, endpoint=True)


def ints64_mixed(s: i64, high: i64, n: i64) -> i64[:]:
    # 32-bit draws share PCG64's kept half with the doubles between them
    rng = np.random.default_rng(s)
    out = np.empty(3 * n, dtype=np.int64)
    for i in range(n):
        out[3 * i] = rng.integers(0, high)
        out[3 * i + 1] = rng.integers(high)
        out[3 * i + 2] = i64(rng.random() * 1000.0)
    return out


def ints32(s: i64, low: i64, high: i64, n: i64) -> i32[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.int32)


def ints_u32(s: i64, low: i64, high: i64, n: i64) -> u32[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.uint32)


def ints16(s: i64, low: i64, high: i64, n: i64) -> i16[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.int16)


def ints_u16(s: i64, low: i64, high: i64, n: i64) -> u16[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.uint16)


def ints8(s: i64, low: i64, high: i64, n: i64) -> i8[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.int8)


def ints_u8(s: i64, low: i64, high: i64, n: i64) -> u8[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.uint8)


def bools(s: i64, n: i64) -> boolean[:]:
    rng = np.random.default_rng(s)
    return rng.integers(0, 2, n, dtype=np.bool_)


def small_scalars(s: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    out = np.empty(6, dtype=np.int64)
    out[0] = i64(rng.integers(0, 100, dtype=np.int8))
    out[1] = i64(rng.integers(0, 1000, dtype=np.int16))
    out[2] = i64(rng.integers(0, 2, dtype=np.bool_))
    out[3] = i64(rng.integers(0, 100, dtype=np.uint8))
    out[4] = i64(rng.integers(0, 7, dtype=np.int32))
    out[5] = rng.integers(0, 7)
    return out


def shuffled(s: i64, a: f64[:]) -> f64[:]:
    rng = np.random.default_rng(s)
    rng.shuffle(a)
    return a


def shuffled_rows(s: i64, a: i64[:, :]) -> i64[:, :]:
    rng = np.random.default_rng(s)
    rng.shuffle(a)
    return a


def permuted(s: i64, n: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.permutation(n)


def permuted_rows(s: i64, a: f64[:, :]) -> f64[:, :]:
    rng = np.random.default_rng(s)
    return rng.permutation(a)


def chosen(s: i64, n: i64, k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k)


def chosen_distinct(s: i64, n: i64, k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k, replace=False)


def chosen_weighted(s: i64, n: i64, p: f64[:], k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k, p=p)


def chosen_items(s: i64, a: f64[:], k: i64) -> f64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(a, k)


def chosen_unshuffled(s: i64, n: i64, k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k, replace=False, shuffle=False)


def chosen_distinct_weighted(s: i64, n: i64, p: f64[:], k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k, replace=False, p=p)


def chosen_scalar(s: i64, n: i64) -> i64:
    rng = np.random.default_rng(s)
    a = rng.choice(n)
    return a * 1000 + rng.choice(n)


def binomials_poissons(s: i64, n: i64) -> i64[:]:
    # NumPy's samplers on the Generator's stream: exact once the stream is
    rng = np.random.default_rng(s)
    out = np.empty(2 * n, dtype=np.int64)
    out[:n] = rng.binomial(20, 0.3, n)
    out[n:] = rng.poisson(4.5, n)
    return out


def per_iteration(seed: i64, n: i64) -> f64[:]:
    # a Generator per prange iteration: NumPy's numbers for each seed, at any thread count
    out = np.empty(n)
    for i in prange(n):
        rng = np.random.default_rng(seed + i)
        out[i] = rng.random() + rng.integers(0, 1000)
    return out


def ints_u64(s: i64, low: i64, high: i64, n: i64) -> u64[:]:
    rng = np.random.default_rng(s)
    return rng.integers(low, high, n, dtype=np.uint64)
