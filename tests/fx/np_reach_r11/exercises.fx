"""Kernels in the style of NumPy exercise collections and Stack Overflow answers (round 11)."""
import numpy as np
from fastext import f64, i64


def onehot(labels: i64[:], k: int) -> f64[:, :]:
    return np.eye(k)[labels]


def count_at(idx: i64[:], k: int) -> i64[:]:
    counts = np.zeros(k, dtype=np.int64)
    np.add.at(counts, idx, 1)
    return counts


def weighted_bins(idx: i64[:], w: f64[:], k: int) -> f64[:]:
    return np.bincount(idx, weights=w, minlength=k)


def uniq_counts(a: i64[:]) -> tuple:
    vals, counts = np.unique(a, return_counts=True)
    return vals, counts


def most_frequent(a: i64[:]) -> int:
    vals, counts = np.unique(a, return_counts=True)
    return int(vals[np.argmax(counts)])


def bucket(x: f64[:], edges: f64[:]) -> i64[:]:
    return np.searchsorted(edges, x, side="right")


def digit(x: f64[:], bins: f64[:]) -> i64[:]:
    return np.digitize(x, bins)


def sort_two_keys(a: i64[:], b: i64[:]) -> i64[:]:
    return np.lexsort((b, a))


def positive_mean(a: f64[:]) -> float:
    return a[a > 0.5].mean()


def where_idx(a: f64[:]) -> i64[:]:
    return np.where(a > 0.5)[0]


def upper_pairs(d: f64[:, :]) -> f64[:]:
    iu = np.triu_indices(d.shape[0], 1)
    return d[iu]


def lower_part(a: f64[:, :]) -> f64[:, :]:
    return np.tril(a, -1) + np.triu(a, 1).T


def grid_ij(n: int) -> f64[:, :]:
    x = np.linspace(0.0, 1.0, n)
    y = np.linspace(-1.0, 1.0, n + 1)
    X, Y = np.meshgrid(x, y, indexing="ij")
    return X * Y


def padded_edge(a: f64[:, :]) -> f64[:, :]:
    return np.pad(a, 1, mode="edge")


def padded_const(a: f64[:]) -> f64[:]:
    return np.pad(a, (2, 3), mode="constant", constant_values=-1.0)


def top_k(a: f64[:], k: int) -> i64[:]:
    return np.argsort(-a)[:k]


def rev_sorted(a: f64[:]) -> f64[:]:
    return np.sort(a)[::-1]


def row_argmax_vals(a: f64[:, :]) -> f64[:]:
    idx = np.argmax(a, axis=1)
    return np.take_along_axis(a, idx[:, None], axis=1)[:, 0]


def iqr(a: f64[:]) -> float:
    q1, q3 = np.percentile(a, [25, 75])
    return q3 - q1


def stack_cols(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.column_stack((a, b, a * b))


def stack_axis1(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.stack([a, b], axis=1)


def pair_sums(a: f64[:]) -> f64[:]:
    return a.reshape(-1, 2).sum(axis=1)


def nan_clean(a: f64[:]) -> f64[:]:
    b = a.copy()
    b[b > 0.8] = np.nan
    m = np.nanmean(b)
    b[np.isnan(b)] = m
    return b


def row_dots(a: f64[:, :], b: f64[:, :]) -> f64[:]:
    return np.einsum("ij,ij->i", a, b)


def row_norms(a: f64[:, :]) -> f64[:]:
    return np.linalg.norm(a, axis=1)


def fancy_cols(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a[:, idx]


def zero_some(a: f64[:], idx: i64[:]) -> f64[:]:
    b = a.copy()
    b[idx] = 0.0
    return b


def list_index(a: f64[:]) -> f64[:]:
    return a[[0, 2, 4]]


def rising(a: f64[:]) -> i64[:]:
    return np.flatnonzero(np.diff(a) > 0)


def hist01(a: f64[:]) -> i64[:]:
    h, _ = np.histogram(a, bins=10, range=(0.0, 1.0))
    return h


def argmax2d(a: f64[:, :]) -> tuple:
    return np.unravel_index(np.argmax(a), a.shape)


def moving_avg(a: f64[:], w: int) -> f64[:]:
    c = np.cumsum(a)
    c[w:] = c[w:] - c[:-w]
    return c[w - 1:] / w


def split_sums(a: f64[:]) -> f64[:]:
    parts = np.array_split(a, 3)
    return np.array([p.sum() for p in parts])


def tiled(a: f64[:]) -> f64[:, :]:
    return np.tile(a, (2, 1)) + np.repeat(a, 2).reshape(-1, 2).T[:, : len(a)]


def nonzero_pairs(a: f64[:, :]) -> i64[:, :]:
    return np.argwhere(a > 0.7)


def std_cols(a: f64[:, :]) -> f64[:]:
    return a.std(axis=0, ddof=1) + np.ptp(a, axis=0)


def sum_axes(a: f64[:, :, :]) -> f64[:]:
    return a.sum(axis=(0, 1))


def interp_poly(x: f64[:], y: f64[:]) -> f64[:]:
    c = np.polyfit(x, y, 2)
    xs = np.linspace(x.min(), x.max(), 7)
    return np.polyval(c, xs) + np.interp(xs, x, y)


def any_cols(a: f64[:, :]) -> i64[:]:
    return np.count_nonzero(a > 0.5, axis=1) + np.any(a > 0.9, axis=1)


def cross_rows(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.cross(a, b)


def angles(x: f64[:], y: f64[:]) -> f64[:]:
    return np.arctan2(y, x) + np.hypot(x, y) * np.sign(x - 0.5)


def from_lists(n: int) -> f64[:, :]:
    rows = [[float(i * j) for j in range(3)] for i in range(n)]
    return np.array(rows)


def rounded(a: f64[:]) -> f64[:]:
    return np.round(a * 100.0, 2) + np.floor_divide(a * 10.0, 3.0) + np.mod(a * 10.0, 3.0)


def trap(y: f64[:], x: f64[:]) -> float:
    return float(np.trapezoid(y, x))


def clip_inplace(a: f64[:]) -> f64[:]:
    b = a.copy()
    np.clip(b, 0.2, 0.8, out=b)
    return b


def kron_outer(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.outer(a, b) + np.kron(a, b).reshape(len(a), len(b))
