"""NumPy's statistics, histograms, convolution, interpolation and padding (np.median,
np.percentile, np.quantile, np.histogram, np.cov, np.corrcoef, np.convolve, np.interp, np.pad):
each kernel is compiled and compared with the same file run by CPython and NumPy
(tests/test_np_stats.py)."""
import numpy as np
from fastext import *


def medians(a: f64[:, :]) -> tuple[f64, f64[:], f64[:]]:
    return np.median(a), np.median(a, axis=0), np.median(a, axis=-1)


def median_1d(v: f64[:]) -> f64:
    return np.median(v)


def median_ints(a: i32[:, :], flags: boolean[:]) -> tuple[f64, f64[:], f64]:
    return np.median(a), np.median(a, axis=1), np.median(flags)


def median_f32(v: f32[:]) -> f32:
    return np.median(v)


def median_expr(a: f64[:, :], b: f64[:, :]) -> f64[:]:
    return np.median(a * 2.0 + b, axis=0)


def percentiles(a: f64[:, :], q: f64) -> tuple[f64, f64[:], f64[:]]:
    return np.percentile(a, q), np.percentile(a, q, axis=0), np.percentile(a, q, axis=1)


def quantiles(a: f64[:, :], q: f64) -> tuple[f64, f64[:], f64[:]]:
    return np.quantile(a, q), np.quantile(a, q, axis=0), np.quantile(a, q, axis=1)


def percentile_1d(v: f64[:], q: f64) -> f64:
    return np.percentile(v, q)


def quantile_ints(a: i64[:, :], q: f64) -> tuple[f64, f64[:]]:
    return np.quantile(a, q), np.quantile(a, q, axis=0)


def percentile_f32(v: f32[:], w: f32[:]) -> tuple[f32, f64]:
    return np.percentile(v, 30), np.percentile(v, w[0] * 0.0 + np.float64(30.0))


def percentile_array(v: f64[:], qs: f64[:]) -> tuple[f64[:], f64[:]]:
    return np.percentile(v, qs), np.quantile(v, qs / 100.0)


def histograms(a: f64[:]) -> tuple[i64[:], f64[:], i64[:], f64[:], i64[:], f64[:]]:
    counts, edges = np.histogram(a)
    inner, inner_edges = np.histogram(a, bins=7, range=(0.25, 0.75))
    wide = np.histogram(a, 3, (-1.0, 2.0))
    return counts, edges, inner, inner_edges, wide[0], wide[1]


def histogram_2d(a: f64[:, :], bins: i64) -> tuple[i64[:], f64[:]]:
    return np.histogram(a, bins)


def histogram_ints(a: i64[:], bins: i64) -> tuple[i64[:], f64[:]]:
    return np.histogram(a, bins=bins)


def histogram_f32(a: f32[:]) -> tuple[i64[:], f32[:], i64[:], f32[:]]:
    counts, edges = np.histogram(a, 6)
    inner, inner_edges = np.histogram(a, bins=5, range=(0.1, 0.7))
    return counts, edges, inner, inner_edges


def histogram_edges(a: f64[:], edges: f64[:], iedges: i64[:]) -> tuple[i64[:], f64[:], i64[:], i64[:]]:
    counts, same_edges = np.histogram(a, bins=edges)
    icounts, iedges_back = np.histogram(a * 10.0, iedges)
    return counts, same_edges, icounts, iedges_back


def covariances(m: f64[:, :], v: f64[:]) -> tuple[f64[:, :], f64]:
    return np.cov(m), np.cov(v)


def cov_ints(m: i32[:, :]) -> f64[:, :]:
    return np.cov(m)


def correlations(m: f64[:, :], v: f64[:]) -> tuple[f64[:, :], f64]:
    return np.corrcoef(m), np.corrcoef(v)


def convolutions(a: f64[:], v: f64[:]) -> tuple[f64[:], f64[:], f64[:]]:
    return np.convolve(a, v), np.convolve(a, v, mode='same'), np.convolve(a, v, 'valid')


def convolve_ints(a: i32[:], v: i64[:]) -> tuple[i64[:], i64[:], i64[:]]:
    return np.convolve(a, v), np.convolve(a, v, 'same'), np.convolve(a, v, mode='valid')


def convolve_mixed(a: i32[:], v: f32[:]) -> f64[:]:
    return np.convolve(a, v, 'same')


def interpolations(x: f64[:], xp: f64[:], fp: f64[:]) -> tuple[f64[:], f64, f64[:]]:
    return np.interp(x, xp, fp), np.interp(0.5, xp, fp), np.interp(x, xp, fp, left=-1.0, right=9.0)


def interp_ints(x: i64[:, :], xp: i64[:], fp: f32[:]) -> f64[:, :]:
    return np.interp(x, xp, fp)


def pads(v: i64[:], a: f64[:, :]) -> tuple[i64[:], i64[:], i64[:], f64[:, :], f64[:, :], f64[:, :]]:
    return (np.pad(v, 2), np.pad(v, (1, 3), constant_values=7), np.pad(v, (2, 1), mode='edge'),
            np.pad(a, ((1, 2), (0, 3)), constant_values=-1.5), np.pad(a, 1, mode='edge'),
            np.pad(a, ((2, 1), (1, 2)), 'edge'))


def pad_cast(v: i32[:], n: i64) -> tuple[i32[:], i32[:]]:
    return np.pad(v, n, constant_values=2.7), np.pad(v, ((n, 0),), mode='constant')


def stats_in_loop(a: f64[:, :]) -> f64[:]:
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        out[i] = np.median(a[i]) + np.percentile(a[i], 90.0)
    return out


def stats_in_prange(a: f64[:, :]) -> f64[:]:
    out = np.empty(a.shape[0])
    for i in prange(a.shape[0]):
        out[i] = np.median(a[i]) - np.quantile(a[i], 0.25)
    return out
