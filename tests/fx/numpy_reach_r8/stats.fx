"""Statistics helpers in the style of SciPy's and of Stack Overflow answers."""
import numpy as np
from fastext import f64, i64


def zscore(a: f64[:, :], ddof: int = 0) -> f64[:, :]:
    return (a - a.mean(axis=0)) / a.std(axis=0, ddof=ddof)


def pearson(x: f64[:], y: f64[:]) -> float:
    xm = x - x.mean()
    ym = y - y.mean()
    return np.sum(xm * ym) / np.sqrt(np.sum(xm ** 2) * np.sum(ym ** 2))


def rank_ordinal(x: f64[:]) -> i64[:]:
    order = np.argsort(x, kind="stable")
    ranks = np.empty_like(order)
    ranks[order] = np.arange(1, len(x) + 1)
    return ranks


def entropy_labels(labels: i64[:]) -> float:
    counts = np.bincount(labels)
    p = counts[counts > 0] / len(labels)
    return float(-np.sum(p * np.log(p)))


def weighted_stats(x: f64[:], w: f64[:]) -> tuple[float, float]:
    m = np.average(x, weights=w)
    v = np.average((x - m) ** 2, weights=w)
    return m, v


def ecdf(x: f64[:]) -> tuple[f64[:], f64[:]]:
    xs = np.sort(x)
    ys = np.arange(1, len(xs) + 1) / len(xs)
    return xs, ys


def gini(x: f64[:]) -> float:
    xs = np.sort(x)
    n = xs.shape[0]
    idx = np.arange(1, n + 1)
    return np.sum((2 * idx - n - 1) * xs) / (n * np.sum(xs))


def mad(x: f64[:]) -> float:
    return np.median(np.abs(x - np.median(x)))


def nan_stats(x: f64[:, :]) -> tuple[f64[:], f64[:], f64[:]]:
    return np.nanmean(x, axis=0), np.nanstd(x, axis=0), np.nanvar(x, axis=1)


def cov_manual(X: f64[:, :]) -> f64[:, :]:
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / (X.shape[0] - 1)


def kde(x: f64[:], data: f64[:], h: float) -> f64[:]:
    n = data.shape[0]
    u = (x[:, None] - data[None, :]) / h
    return np.exp(-0.5 * u ** 2).sum(axis=1) / (n * h * np.sqrt(2 * np.pi))


def cronbach_alpha(items: f64[:, :]) -> float:
    k = items.shape[1]
    item_var = items.var(axis=0, ddof=1).sum()
    total_var = items.sum(axis=1).var(ddof=1)
    return k / (k - 1.0) * (1.0 - item_var / total_var)


def iqr_outliers(x: f64[:]) -> f64[:]:
    q1, q3 = np.percentile(x, [25, 75])
    lo = q1 - 1.5 * (q3 - q1)
    hi = q3 + 1.5 * (q3 - q1)
    return x[(x < lo) | (x > hi)]


def autocorr(x: f64[:], lag: int) -> float:
    xm = x - x.mean()
    return np.dot(xm[:-lag], xm[lag:]) / np.dot(xm, xm)


def nan_argmax(x: f64[:]) -> int:
    return int(np.nanargmax(x))


def correlate_full(a: f64[:], v: f64[:]) -> f64[:]:
    return np.correlate(a, v, mode="full")


def correlate_valid(a: f64[:], v: f64[:]) -> f64[:]:
    return np.correlate(a, v)


def nan_arg_axis(x: f64[:, :]) -> tuple[i64[:], i64[:]]:
    return np.nanargmax(x, axis=1), np.nanargmin(x, axis=0)


def azimint_hist(data: f64[:], radius: f64[:], npt: int) -> f64[:]:
    histu = np.histogram(radius, npt)[0]
    histw = np.histogram(radius, npt, weights=data)[0]
    return histw / histu


def whist_range(a: f64[:], w: f64[:]) -> tuple[f64[:], f64[:]]:
    return np.histogram(a, 5, range=(0.2, 0.8), weights=w)


def whist_edges(a: f64[:], w: f64[:], e: f64[:]) -> tuple[f64[:], f64[:]]:
    return np.histogram(a, bins=e, weights=w)


def whist_2d(img: f64[:, :], w: f64[:, :]) -> f64[:]:
    return np.histogram(img, 4, weights=w)[0]
