"""pandas-like rolling and expanding windows written with np.cumsum (the style of Stack Overflow
answers and bottleneck's reference implementations): means, sums, variances, min/max, z-scores,
counts of valid values, shifts and percentage changes."""
import numpy as np
from fastext import f64, i64


def rolling_mean(x: f64[:], w: int) -> f64[:]:
    c = np.cumsum(np.insert(x, 0, 0.0))
    out = np.full(len(x), np.nan)
    out[w - 1:] = (c[w:] - c[:-w]) / w
    return out


def rolling_sum_int(x: i64[:], w: int) -> i64[:]:
    c = np.cumsum(x)
    c[w:] = c[w:] - c[:-w]
    return c[w - 1:]


def rolling_var(x: f64[:], w: int) -> f64[:]:
    c1 = np.cumsum(np.concatenate((np.zeros(1), x)))
    c2 = np.cumsum(np.concatenate((np.zeros(1), x * x)))
    s1 = c1[w:] - c1[:-w]
    s2 = c2[w:] - c2[:-w]
    return (s2 - s1 * s1 / w) / (w - 1)


def rolling_std_loop(x: f64[:], w: int) -> f64[:]:
    n = len(x)
    out = np.full(n, np.nan)
    for i in range(w - 1, n):
        out[i] = np.std(x[i - w + 1:i + 1], ddof=1)
    return out


def expanding_mean(x: f64[:]) -> f64[:]:
    return np.cumsum(x) / np.arange(1, len(x) + 1)


def expanding_max(x: f64[:]) -> f64[:]:
    return np.maximum.accumulate(x)


def expanding_min_2d(x: f64[:, :]) -> f64[:, :]:
    return np.minimum.accumulate(x, axis=0)


def expanding_var(x: f64[:]) -> f64[:]:
    n = np.arange(1, len(x) + 1)
    s1 = np.cumsum(x)
    s2 = np.cumsum(x * x)
    with np.errstate(invalid="ignore", divide="ignore"):
        v = (s2 - s1 * s1 / n) / (n - 1)
    return v


def rolling_max_loop(x: f64[:], w: int) -> f64[:]:
    n = len(x) - w + 1
    out = np.empty(n)
    for i in range(n):
        out[i] = x[i:i + w].max()
    return out


def rolling_zscore(x: f64[:], w: int) -> f64[:]:
    m = rolling_mean(x, w)
    s = rolling_std_loop(x, w)
    return (x - m) / s


def nan_rolling_count(x: f64[:], w: int) -> i64[:]:
    valid = (~np.isnan(x)).astype(np.int64)
    c = np.cumsum(valid)
    out = c.copy()
    out[w:] = c[w:] - c[:-w]
    return out


def nan_rolling_mean(x: f64[:], w: int) -> f64[:]:
    v = np.where(np.isnan(x), 0.0, x)
    cnt = np.cumsum(~np.isnan(x))
    s = np.cumsum(v)
    s_w = s.copy()
    s_w[w:] = s[w:] - s[:-w]
    c_w = cnt.copy()
    c_w[w:] = cnt[w:] - cnt[:-w]
    with np.errstate(invalid="ignore"):
        return s_w / c_w


def shift_fill(x: f64[:], k: int) -> f64[:]:
    out = np.full_like(x, np.nan)
    if k >= 0:
        out[k:] = x[:len(x) - k]
    else:
        out[:k] = x[-k:]
    return out


def pct_change(x: f64[:]) -> f64[:]:
    out = np.empty_like(x)
    out[0] = np.nan
    out[1:] = x[1:] / x[:-1] - 1.0
    return out


def cummax_drawup(x: f64[:]) -> f64[:]:
    return x - np.minimum.accumulate(x)


def rolling_apply_median(x: f64[:], w: int) -> f64[:]:
    n = len(x) - w + 1
    out = np.empty(n)
    for i in range(n):
        out[i] = np.median(x[i:i + w])
    return out


def diff_n(x: f64[:], k: int) -> f64[:]:
    return np.diff(x, n=k)


def cumsum_reset(x: f64[:]) -> f64[:]:
    out = np.empty_like(x)
    acc = 0.0
    for i in range(len(x)):
        if x[i] < 0.0:
            acc = 0.0
        else:
            acc += x[i]
        out[i] = acc
    return out


def groupby_cumsum(keys: i64[:], vals: f64[:]) -> f64[:]:
    order = np.argsort(keys, kind="stable")
    out = np.empty_like(vals)
    running = {}
    for i in order:
        k = int(keys[i])
        running[k] = running.get(k, 0.0) + vals[i]
        out[i] = running[k]
    return out


def resample_sum(t: i64[:], v: f64[:], bucket: int) -> f64[:]:
    b = t // bucket
    nb = int(b.max()) + 1 if len(b) else 0
    return np.bincount(b, weights=v, minlength=nb)
