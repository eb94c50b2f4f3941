"""Exercises in the style of the SciPy lecture notes and Stack Overflow answers (third set)."""
import numpy as np
from fastext import f64, i64, boolean


def fill_primes(n: int) -> i64[:]:
    is_prime = np.ones(n + 1, dtype=bool)
    is_prime[:2] = False
    N_max = int(np.sqrt(len(is_prime) - 1))
    for j in range(2, N_max + 1):
        is_prime[2 * j::j] = False
    return np.nonzero(is_prime)[0]


def random_walk_stats(steps: i64[:, :]) -> tuple[f64[:], f64[:]]:
    positions = np.cumsum(steps, axis=1)
    sq = positions ** 2
    mean_sq = np.mean(sq, axis=0)
    return mean_sq, np.sqrt(mean_sq)


def population_ratio(data: f64[:, :]) -> tuple[f64[:], i64[:]]:
    year, hares, lynxes, carrots = data.T
    means = data[:, 1:].mean(axis=0)
    best = np.argmax(data[:, 1:], axis=1)
    return means, best


def distance_table(mileposts: f64[:]) -> f64[:, :]:
    return np.abs(mileposts - mileposts[:, np.newaxis])


def diag_ones(n: int) -> f64[:, :]:
    a = np.diag(np.arange(1, n + 1).astype(float))
    a[1:, :-1] += np.eye(n - 1)
    return a


def tile_pattern(n: int) -> i64[:, :]:
    return np.tile(np.array([[4, 3], [2, 1]]), (n, n))


def fancy_sum(a: f64[:, :]) -> f64:
    return a[[0, 1, 2], [1, 2, 0]].sum() if a.shape[0] >= 3 and a.shape[1] >= 3 else 0.0


def sort_rows_by_col(a: f64[:, :], k: int) -> f64[:, :]:
    return a[a[:, k].argsort()]


def closest_value(a: f64[:], v: float) -> float:
    return a[np.abs(a - v).argmin()]


def normalize_minmax_inplace(a: f64[:]) -> f64[:]:
    b = a.copy()
    b -= b.min()
    b /= b.max()
    return b


def nth_largest(a: f64[:], n: int) -> float:
    return np.partition(a, -n)[-n]


def rolling_sum_stride(a: f64[:], w: int) -> f64[:]:
    c = np.cumsum(a)
    c[w:] = c[w:] - c[:-w]
    return c[w - 1:]


def swap_rows(a: f64[:, :], i: int, j: int) -> f64[:, :]:
    b = a.copy()
    b[[i, j]] = b[[j, i]]
    return b


def count_unique_per_row(a: i64[:, :]) -> i64[:]:
    s = np.sort(a, axis=1)
    return (s[:, 1:] != s[:, :-1]).sum(axis=1) + 1


def where_max_2d(a: f64[:, :]) -> tuple[i64, i64]:
    i, j = np.unravel_index(np.argmax(a), a.shape)
    return i, j


def bool_ops(a: f64[:], b: f64[:]) -> tuple[boolean[:], i64, bool]:
    m = np.logical_and(a > 0.3, np.logical_not(b > 0.6))
    return m, np.count_nonzero(m), bool(np.any(m))


def stack_features(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.column_stack((a, b, a * b))


def matrix_from_func(n: int, m: int) -> f64[:, :]:
    i = np.arange(n)[:, None]
    j = np.arange(m)[None, :]
    return np.exp(-((i - j) ** 2) / 4.0)


def wrap_angle(theta: f64[:]) -> f64[:]:
    return (theta + np.pi) % (2 * np.pi) - np.pi


def percent_change(x: f64[:]) -> f64[:]:
    return np.diff(x) / x[:-1] * 100.0


def digits_hist(x: i64[:]) -> i64[:]:
    return np.bincount(x % 10, minlength=10)


def sum_squares_loop(a: f64[:, :]) -> float:
    total = 0.0
    for row in a:
        for v in row:
            total += v * v
    return total


def outer_mask_fill(n: int) -> f64[:, :]:
    m = np.zeros((n, n))
    idx = np.arange(n)
    m[idx[:, None] > idx[None, :]] = 1.0
    return m


def argmax_rows_masked(a: f64[:, :], t: float) -> i64[:]:
    b = np.where(a > t, a, -np.inf)
    return b.argmax(axis=1)


def chunk_means(a: f64[:], k: int) -> f64[:]:
    n = a.shape[0] // k * k
    return a[:n].reshape(-1, k).mean(axis=1)


def as_int_round(a: f64[:]) -> i64[:]:
    return np.round(a * 10).astype(np.int64)


def centered_pad(a: f64[:, :]) -> f64[:, :]:
    return np.pad(a, ((1, 1), (2, 2)), mode="constant", constant_values=0.0)


def reflect_pad(a: f64[:], w: int) -> f64[:]:
    return np.pad(a, w, mode="reflect")


def symmetric_pad(a: f64[:], w: int) -> f64[:]:
    return np.pad(a, w, mode="symmetric")


def wrap_pad(a: f64[:], w: int) -> f64[:]:
    return np.pad(a, w, mode="wrap")


def reflect_2d(a: f64[:, :]) -> f64[:, :]:
    return np.pad(a, ((1, 2), (3, 0)), mode="reflect")


def wrap_2d(a: i64[:, :]) -> i64[:, :]:
    return np.pad(a, 2, mode="wrap")


def sym_2d(a: f64[:, :]) -> f64[:, :]:
    return np.pad(a, ((0, 1), (2, 5)), "symmetric")
