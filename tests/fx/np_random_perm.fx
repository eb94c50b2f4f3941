"""shuffle, permutation and choice (tests/test_np_random_perm.py; docs/numpy-random.md)."""
from fastext import boolean, f32, f64, i8, i64, u8
import numpy as np
from numpy.random import default_rng


def seed(s: i64) -> None:
    np.random.seed(s)


# ---------------------------------------------------------------- shuffle

def shuffle1(a: i64[:]) -> None:
    np.random.shuffle(a)


def shuffle_f32(a: f32[:]) -> None:
    np.random.shuffle(a)


def shuffle_bool(a: boolean[:]) -> None:
    np.random.shuffle(a)


def shuffle2(a: f64[:, :]) -> None:
    np.random.shuffle(a)


def gen_shuffle1(s: i64, a: i64[:]) -> None:
    rng = np.random.default_rng(s)
    rng.shuffle(a)


def gen_shuffle2(s: i64, a: f64[:, :]) -> None:
    rng = default_rng(s)
    rng.shuffle(a, axis=0)


def shuffle_strided(s: i64, n: i64) -> i64[:]:
    a = np.arange(2 * n)
    rng = np.random.default_rng(s)
    rng.shuffle(a[::2])
    return a


def shuffle_local(s: i64, n: i64) -> f64:
    """shuffle a new array, then use it: the write is seen."""
    a = np.arange(n) * 1.0
    rng = np.random.default_rng(s)
    rng.shuffle(a)
    return a[0] + 2.0 * a[n - 1]


# ---------------------------------------------------------------- permutation

def perm_n(n: i64) -> i64[:]:
    return np.random.permutation(n)


def perm_a(a: f64[:]) -> f64[:]:
    return np.random.permutation(a)


def perm_u8(a: u8[:]) -> u8[:]:
    return np.random.permutation(a)


def perm_2d(a: i64[:, :]) -> i64[:, :]:
    return np.random.permutation(a)


def gen_perm_n(s: i64, n: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.permutation(n)


def gen_perm_a(s: i64, a: f64[:, :]) -> f64[:, :]:
    rng = np.random.default_rng(s)
    return rng.permutation(a)


# ---------------------------------------------------------------- choice

def choice_n0(n: i64) -> i64:
    return np.random.choice(n)


def choice_n(n: i64, k: i64) -> i64[:]:
    return np.random.choice(n, k)


def choice_shape(n: i64, k: i64, m: i64) -> i64[:, :]:
    return np.random.choice(n, (k, m))


def choice_a0(a: f64[:]) -> f64:
    return np.random.choice(a)


def choice_a(a: f64[:], k: i64) -> f64[:]:
    return np.random.choice(a, size=k)


def choice_i8(a: i8[:], k: i64) -> i8[:]:
    return np.random.choice(a, k)


def choice_distinct_n(n: i64, k: i64) -> i64[:]:
    return np.random.choice(n, k, replace=False)


def choice_distinct_a(a: f64[:], k: i64) -> f64[:]:
    return np.random.choice(a, k, False)


def choice_p(n: i64, k: i64, p: f64[:]) -> i64[:]:
    return np.random.choice(n, k, p=p)


def choice_p_distinct(n: i64, k: i64, p: f64[:]) -> i64[:]:
    return np.random.choice(n, k, replace=False, p=p)


def choice_p_a0(a: f64[:], p: f64[:]) -> f64:
    return np.random.choice(a, p=p)


def gen_choice_n0(s: i64, n: i64) -> i64:
    rng = np.random.default_rng(s)
    return rng.choice(n)


def gen_choice_n(s: i64, n: i64, k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k)


def gen_choice_a(s: i64, a: f64[:], k: i64) -> f64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(a, k)


def gen_choice_distinct(s: i64, n: i64, k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k, replace=False)


def gen_choice_distinct_a(s: i64, a: i64[:], k: i64) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(a, k, replace=False)


def gen_choice_p(s: i64, n: i64, k: i64, p: f64[:]) -> i64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(n, k, p=p)


def gen_choice_p_distinct(s: i64, a: f64[:], k: i64, p: f64[:]) -> f64[:]:
    rng = np.random.default_rng(s)
    return rng.choice(a, k, replace=False, p=p)


def gen_choice_loop(s: i64, n: i64, k: i64) -> i64:
    """scalar choices in a loop: the Generator stays in the frame."""
    rng = np.random.default_rng(s)
    t = 0
    for i in range(k):
        t += rng.choice(n)
    return t
