"""NumPy's legacy stream in .fx code (tests/test_np_random_exact.py): seeded by
`np.random.seed(s)`, every function draws the numbers NumPy's RandomState draws — compiled
and interpreted runs of this file give equal values."""
from fastext import boolean, f64, i8, i16, i32, i64, u8, u16, u32, u64
import numpy as np


def seed(s: i64) -> None:
    np.random.seed(s)


def uniforms(s: i64, n: i64) -> f64[:]:
    np.random.seed(s)
    out = np.empty(n + 4)
    out[:n] = np.random.random(n)
    out[n] = np.random.rand()
    out[n + 1] = np.random.random_sample()
    out[n + 2:] = np.random.rand(2)
    return out


def shapes(s: i64, n: i64, m: i64) -> f64:
    # arrays fill in C order: the sum of a weighted index tells the order apart
    np.random.seed(s)
    a = np.random.rand(n, m)
    b = np.random.random((m, n))
    c = np.random.randn(n, m)
    t = 0.0
    for i in range(n):
        for j in range(m):
            t += (i * m + j + 1) * (a[i, j] + c[i, j]) + (j * n + i + 1) * b[j, i]
    return t


def normals(s: i64, n: i64) -> f64[:]:
    # odd counts leave a kept number for the next call, as NumPy's polar method
    np.random.seed(s)
    out = np.empty(3 * n + 4)
    out[:n] = np.random.standard_normal(n)
    out[n] = np.random.randn()
    out[n + 1:2 * n + 1] = np.random.normal(1.5, 2.0, n)
    out[2 * n + 1] = np.random.normal(-1.0, 0.5)
    out[2 * n + 2:3 * n + 2] = np.random.randn(n)
    out[3 * n + 2] = np.random.standard_normal()
    out[3 * n + 3] = np.random.normal()
    return out


def seed_drops_kept_normal(s: i64) -> f64[:]:
    out = np.empty(2)
    np.random.seed(s)
    np.random.randn()
    np.random.seed(s)
    out[0] = np.random.randn()
    out[1] = np.random.randn()
    return out


def others(s: i64, n: i64) -> f64[:]:
    np.random.seed(s)
    out = np.empty(2 * n + 2)
    out[:n] = np.random.uniform(-3.0, 5.0, n)
    out[n] = np.random.uniform()
    out[n + 1:2 * n + 1] = np.random.exponential(2.5, n)
    out[2 * n + 1] = np.random.exponential()
    return out


def ints64(s: i64, low: i64, high: i64, n: i64) -> i64[:]:
    np.random.seed(s)
    out = np.empty(n + 1, dtype=np.int64)
    out[:n] = np.random.randint(low, high, n)
    out[n] = np.random.randint(low, high)
    return out


def ints_upto(s: i64, high: i64, n: i64) -> i64[:]:
    np.random.seed(s)
    return np.random.randint(high, size=n)


def ints_u64(s: i64, low: i64, high: i64, n: i64) -> u64[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.uint64)


def ints32(s: i64, low: i64, high: i64, n: i64) -> i32[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.int32)


def ints_u32(s: i64, low: i64, high: i64, n: i64) -> u32[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.uint32)


def ints16(s: i64, low: i64, high: i64, n: i64) -> i16[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.int16)


def ints_u16(s: i64, low: i64, high: i64, n: i64) -> u16[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.uint16)


def ints8(s: i64, low: i64, high: i64, n: i64) -> i8[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.int8)


def ints_u8(s: i64, low: i64, high: i64, n: i64) -> u8[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.uint8)


def bools(s: i64, n: i64) -> boolean[:]:
    np.random.seed(s)
    return np.random.randint(0, 2, n, dtype=np.bool_)


def small_scalars(s: i64) -> i64[:]:
    # one item is a fill of one: a fresh buffer each time
    np.random.seed(s)
    out = np.empty(4, dtype=np.int64)
    out[0] = np.random.randint(0, 100, dtype=np.int8)
    out[1] = np.random.randint(0, 1000, dtype=np.int16)
    out[2] = np.random.randint(0, 2, dtype=np.bool_)
    out[3] = np.random.randint(-5, 5, dtype=np.int32)
    return out


def shuffled(s: i64, a: f64[:]) -> f64[:]:
    np.random.seed(s)
    np.random.shuffle(a)
    return a


def shuffled_rows(s: i64, a: i64[:, :]) -> i64[:, :]:
    np.random.seed(s)
    np.random.shuffle(a)
    return a


def permuted(s: i64, n: i64) -> i64[:]:
    np.random.seed(s)
    return np.random.permutation(n)


def permuted_rows(s: i64, a: f64[:, :]) -> f64[:, :]:
    np.random.seed(s)
    return np.random.permutation(a)


def chosen(s: i64, n: i64, k: i64) -> i64[:]:
    np.random.seed(s)
    out = np.empty(2 * k + 1, dtype=np.int64)
    out[:k] = np.random.choice(n, k)
    out[k:2 * k] = np.random.choice(n, k, replace=False)
    out[2 * k] = np.random.choice(n)
    return out


def chosen_items(s: i64, a: f64[:], k: i64) -> f64[:]:
    np.random.seed(s)
    out = np.empty(2 * k + 1)
    out[:k] = np.random.choice(a, k)
    out[k:2 * k] = np.random.choice(a, size=k, replace=False)
    out[2 * k] = np.random.choice(a)
    return out


def chosen_weighted(s: i64, n: i64, p: f64[:], k: i64) -> i64[:]:
    np.random.seed(s)
    out = np.empty(2 * k + 2, dtype=np.int64)
    out[:k] = np.random.choice(n, k, p=p)
    out[k:2 * k] = np.random.choice(n, k, replace=False, p=p)
    out[2 * k] = np.random.choice(n, p=p)
    out[2 * k + 1] = np.random.choice(n, replace=False, p=p)
    return out


def chosen_shape(s: i64, n: i64) -> i64[:, :]:
    np.random.seed(s)
    return np.random.choice(n, (2, 3), replace=False)


def draws_loop(s: i64, n: i64) -> f64:
    np.random.seed(s)
    t = 0.0
    for i in range(n):
        t += np.random.random() * (i + 1) + np.random.normal(0.0, 1.0)
    return t


def rand_now(n: i64) -> f64[:]:
    return np.random.rand(n)


def seeded_by_words(a: i64[:], n: i64) -> f64[:]:
    np.random.seed(a)
    return np.random.rand(n)


def seeded_by_bytes(a: u8[:], n: i64) -> f64[:]:
    np.random.seed(a)
    return np.random.randn(n)


def ints64_fill(s: i64, low: i64, high: i64, n: i64) -> i64[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n)


def ints_u8_fill(s: i64, low: i64, high: i64, n: i64) -> u8[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.uint8)


def ints32_fill(s: i64, low: i64, high: i64, n: i64) -> i32[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.int32)


def ints8_fill(s: i64, low: i64, high: i64, n: i64) -> i8[:]:
    np.random.seed(s)
    return np.random.randint(low, high, n, dtype=np.int8)


def poissons(s: i64, lam: f64, n: i64) -> i64[:]:
    # small lam multiplies uniforms, lam >= 10 runs PTRS (log-gamma in its slow path)
    np.random.seed(s)
    out = np.empty(n + 1, dtype=np.int64)
    out[:n] = np.random.poisson(lam, n)
    out[n] = np.random.poisson(lam)
    return out


def poisson_default(s: i64) -> i64:
    np.random.seed(s)
    return np.random.poisson() + np.random.poisson(size=3).sum()


def gen_poissons(s: i64, lam: f64, n: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.poisson(lam, n)


def gen_poisson(s: i64, lam: f64) -> i64:
    rng = np.random.default_rng(s)
    return rng.poisson(lam)


def binomials(s: i64, n: i64, p: f64, k: i64) -> i64[:]:
    # n·p <= 30 inverts, above runs BTPE; p > 1/2 draws n minus (n, 1 - p)
    np.random.seed(s)
    out = np.empty(k + 2, dtype=np.int64)
    out[:k] = np.random.binomial(n, p, k)
    out[k] = np.random.binomial(n, p)
    out[k + 1] = np.random.randint(0, 1000)
    return out


def gen_binomials(s: i64, n: i64, p: f64, k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.binomial(n, p, k)
