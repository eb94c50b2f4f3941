"""np.random in .fx code (tests/test_np_random.py): the module's stream, Generators, every
import spelling.  Compiled, the numbers come from fastext's own generator (docs/numpy-random.md);
interpreted, from NumPy's: the tests compare shapes, dtypes, ranges, errors and statistics."""
from fastext import boolean, f32, f64, i8, i32, i64, prange, u8, u64
import numpy as np
import numpy.random as npr
from numpy import random
from numpy.random import default_rng, randint


# ---------------------------------------------------------------- the module's stream

def seed(s: i64) -> None:
    np.random.seed(s)


def seed_os() -> None:
    np.random.seed()


def seed_none() -> None:
    np.random.seed(None)


def rand0() -> f64:
    return np.random.rand()


def rand1(n: i64) -> f64[:]:
    return np.random.rand(n)


def rand2(n: i64, m: i64) -> f64[:, :]:
    return np.random.rand(n, m)


def randn0() -> f64:
    return np.random.randn()


def randn3(a: i64, b: i64, c: i64) -> f64[:, :, :]:
    return npr.randn(a, b, c)


def random0() -> f64:
    return random.random()


def random_shape(n: i64, m: i64) -> f64[:, :]:
    return np.random.random((n, m))


def random_sample(n: i64) -> f64[:]:
    return np.random.random_sample(n)


def standard_normal(n: i64) -> f64[:]:
    return np.random.standard_normal(size=n)


def randint0(lo: i64, hi: i64) -> i64:
    return np.random.randint(lo, hi)


def randint1(hi: i64) -> i64:
    return randint(hi)


def randint_n(lo: i64, hi: i64, n: i64) -> i64[:]:
    return np.random.randint(lo, hi, size=n)


def randint_u8(lo: i64, hi: i64, n: i64) -> u8[:]:
    return np.random.randint(lo, hi, n, dtype=np.uint8)


def randint_i8(lo: i64, hi: i64) -> i8:
    return np.random.randint(lo, hi, dtype=np.int8)


def randint_bool(n: i64) -> boolean[:]:
    return np.random.randint(2, size=n, dtype=bool)


def uniform0(lo: f64, hi: f64) -> f64:
    return np.random.uniform(lo, hi)


def uniform_n(lo: f64, hi: f64, n: i64) -> f64[:]:
    return np.random.uniform(lo, hi, n)


def normal0(loc: f64, scale: f64) -> f64:
    return np.random.normal(loc, scale)


def normal_n(loc: f64, scale: f64, n: i64) -> f64[:]:
    return np.random.normal(loc, scale, size=n)


def draws_one_by_one(n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = np.random.random()
    return out


def seeded_rand(s: i64, n: i64) -> f64[:]:
    np.random.seed(s)
    return np.random.rand(n)


def mean_of_draws(n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += np.random.normal(0.0, 1.0)
    return s / n


# ---------------------------------------------------------------- Generators

def gen_random(seed: i64, n: i64) -> f64[:]:
    return default_rng(seed).random(n)


def gen_random0(seed: i64) -> f64:
    rng = default_rng(seed)
    return rng.random()


def gen_random_f32(seed: i64, n: i64) -> f32[:]:
    rng = np.random.default_rng(seed)
    return rng.random(n, dtype=np.float32)


def gen_random_f32_0(seed: i64) -> f64:
    rng = np.random.default_rng(seed)
    return rng.random(dtype=np.float32)


def gen_shape(seed: i64, n: i64, m: i64) -> f64[:, :]:
    rng = np.random.default_rng(seed)
    return rng.random((n, m))


def gen_normal(seed: i64, loc: f64, scale: f64, n: i64) -> f64[:]:
    rng = np.random.default_rng(seed)
    return rng.normal(loc, scale, n)


def gen_normal0(seed: i64, loc: f64, scale: f64) -> f64:
    rng = np.random.default_rng(seed)
    return rng.normal(loc, scale)


def gen_standard_normal(seed: i64, n: i64) -> f64[:]:
    rng = np.random.default_rng(seed)
    return rng.standard_normal(n)


def gen_standard_normal_f32(seed: i64, n: i64) -> f32[:]:
    rng = np.random.default_rng(seed)
    return rng.standard_normal(n, dtype=np.float32)


def gen_uniform(seed: i64, lo: f64, hi: f64, n: i64) -> f64[:]:
    rng = np.random.default_rng(seed)
    return rng.uniform(lo, hi, n)


def gen_uniform0(seed: i64, lo: f64, hi: f64) -> f64:
    rng = np.random.default_rng(seed)
    return rng.uniform(lo, hi)


def gen_integers(seed: i64, lo: i64, hi: i64, n: i64) -> i64[:]:
    rng = np.random.default_rng(seed)
    return rng.integers(lo, hi, n)


def gen_integers_closed(seed: i64, lo: i64, hi: i64, n: i64) -> i64[:]:
    rng = np.random.default_rng(seed)
    return rng.integers(lo, hi, size=n, endpoint=True)


def gen_integers0(seed: i64, hi: i64) -> i64:
    rng = np.random.default_rng(seed)
    return rng.integers(hi)


def gen_integers_i32(seed: i64, lo: i64, hi: i64, n: i64) -> i32[:]:
    rng = np.random.default_rng(seed)
    return rng.integers(lo, hi, n, dtype=np.int32)


def gen_integers_i8(seed: i64, lo: i64, hi: i64, n: i64) -> i8[:]:
    rng = np.random.default_rng(seed)
    return rng.integers(lo, hi, n, dtype=np.int8)


def gen_raw(seed: i64, n: i64) -> i64[:]:
    """Every 64-bit value possible: the generator's raw outputs, top bit flipped."""
    rng = np.random.default_rng(seed)
    return rng.integers(-9223372036854775808, 9223372036854775807, size=n, endpoint=True)


def gen_random_u64_seed(seed: u64, n: i64) -> f64[:]:
    return np.random.default_rng(seed).random(n)


def gen_os(n: i64) -> f64[:]:
    rng = np.random.default_rng()
    return rng.random(n)


def gen_interleaved(seed: i64, n: i64) -> f64[:]:
    """Two Generators with one seed give one sequence, each advancing its own state."""
    a = np.random.default_rng(seed)
    b = np.random.default_rng(seed)
    out = np.empty(2 * n)
    for i in range(n):
        out[i] = a.random()
    for i in range(n):
        out[n + i] = b.random()
    return out


def gen_alias(seed: i64, n: i64) -> f64[:]:
    """`b = a` is the same Generator (a reference, as in Python)."""
    a = np.random.default_rng(seed)
    b = a
    out = np.empty(2 * n)
    for i in range(n):
        out[2 * i] = a.random()
        out[2 * i + 1] = b.random()
    return out


def gen_unassigned(make: bool) -> f64:
    if make:
        rng = np.random.default_rng(1)
    return rng.random()


def gen_mean(seed: i64, n: i64) -> f64:
    rng = np.random.default_rng(seed)
    s = 0.0
    for i in range(n):
        s += rng.standard_normal()
    return s / n


# ---------------------------------------------------------------- threads

def prange_draws(n: i64) -> f64[:]:
    out = np.empty(n)
    for i in prange(n):
        out[i] = np.random.random()
    return out


def prange_generators(seed: i64, n: i64, m: i64) -> f64[:]:
    """One Generator per iteration: the same numbers at any thread count."""
    out = np.empty(n)
    for i in prange(n):
        rng = np.random.default_rng(seed + i)
        out[i] = rng.normal(0.0, 1.0, m).sum()
    return out


def prange_fills(n: i64, m: i64) -> f64:
    total = 0.0
    for i in prange(n):
        total += np.random.rand(m).sum()
    return total


# ---------------------------------------------------------------- Generators across functions

def _walk(rng: np.random.Generator, steps: i64) -> f64:
    x = 0.0
    for i in range(steps):
        x += rng.standard_normal()
    return x


def _fresh(seed: i64) -> np.random.Generator:
    return np.random.default_rng(seed)


def walks(seed: i64, n: i64, steps: i64) -> f64[:]:
    """One Generator passed to a helper n times: the walks continue one stream."""
    rng = _fresh(seed)
    out = np.empty(n)
    for i in range(n):
        out[i] = _walk(rng, steps)
    return out
