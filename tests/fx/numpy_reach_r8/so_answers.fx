"""Idioms from Stack Overflow answers."""
import numpy as np
from fastext import f64, i64, boolean


def first_above(a: f64[:], t: float) -> int:
    m = a > t
    return int(np.argmax(m)) if m.any() else -1


def running_max(a: f64[:]) -> f64[:]:
    return np.maximum.accumulate(a)


def mode_value(a: i64[:]) -> int:
    vals, counts = np.unique(a, return_counts=True)
    return int(vals[np.argmax(counts)])


def group_sums(groups: i64[:], w: f64[:], k: int) -> f64[:]:
    return np.bincount(groups, weights=w, minlength=k)


def l1_normalize(a: f64[:, :]) -> f64[:, :]:
    return a / np.abs(a).sum(axis=1, keepdims=True)


def cartesian(x: f64[:], y: f64[:]) -> f64[:, :]:
    return np.stack(np.meshgrid(x, y, indexing="ij"), -1).reshape(-1, 2)


def zero_crossings(x: f64[:]) -> i64[:]:
    return np.where(np.diff(np.signbit(x)))[0]


def block_mean(a: f64[:, :]) -> f64[:, :]:
    h, w = a.shape
    return a[:h // 2 * 2, :w // 2 * 2].reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))


def tile_repeat(a: f64[:], k: int) -> tuple[f64[:], f64[:]]:
    return np.tile(a, k), np.repeat(a, k)


def clip_where(a: f64[:], lo: float, hi: float) -> f64[:]:
    return np.where(a < lo, lo, np.where(a > hi, hi, a))


def angles(a: f64[:, :], b: f64[:, :]) -> f64[:]:
    cos = (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    return np.arccos(np.clip(cos, -1.0, 1.0))


def compound(r: f64[:], p0: float) -> f64[:]:
    return p0 * np.cumprod(1.0 + r)


def trapz_area(y: f64[:], x: f64[:]) -> float:
    return float(np.trapezoid(y, x))


def replace_nan(a: f64[:]) -> f64[:]:
    b = a.copy()
    b[np.isnan(b)] = np.nanmean(b)
    return b


def mask_rows(a: f64[:, :], t: float) -> f64[:, :]:
    return a[(a > t).all(axis=1)]


def count_in_range(a: f64[:], lo: float, hi: float) -> int:
    return int(((a >= lo) & (a < hi)).sum())


def diag_fill(n: int, v: float) -> f64[:, :]:
    m = np.zeros((n, n))
    np.fill_diagonal(m, v)
    m[np.triu_indices(n, 1)] = 1.0
    return m


def flip_sorted_desc(a: f64[:]) -> f64[:]:
    return np.sort(a)[::-1]


def argsort_desc_top(a: f64[:], k: int) -> i64[:]:
    return np.argsort(a)[::-1][:k]


def bool_index_count(a: i64[:, :]) -> i64[:]:
    return np.count_nonzero(a > 0, axis=0)


def float_scalars(a: f64[:]) -> tuple[float, int]:
    s = np.float64(0.0)
    for v in a:
        s += v
    return s, np.int64(len(a))


def errstate_div(a: f64[:], b: f64[:]) -> f64[:]:
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(b != 0, a / b, 0.0)
    return r


def unpack_pair(a: f64[:]) -> float:
    lo, hi = a
    return hi - lo
