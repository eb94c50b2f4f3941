"""Dtype and aliasing probes: float32 pipelines, integer division, bool sums, uint8 images,
in-place updates through views, repeated fancy indices, and arrays kept in lists and dicts
(buffers that escape into a container are never recycled)."""
import numpy as np
from fastext import f64, f32, i64, i32, u8, boolean


def f32_pipeline(x: f32[:]) -> f32[:]:
    y = x * 2.0 + 1.0
    y /= y.max()
    return np.sqrt(y)


def int_div(a: i64[:], b: i64[:]) -> tuple[f64[:], i64[:], i64[:]]:
    return a / b, a // b, a % b


def bool_sum(a: f64[:]) -> tuple[i64, f64, boolean[:]]:
    m = a > 0.5
    return m.sum(), m.mean(), ~m


def u8_image(img: u8[:, :]) -> u8[:, :]:
    out = img.astype(np.float64) * 0.5
    return np.clip(out, 0, 255).astype(np.uint8)


def where_mix(a: i64[:], b: f64[:]) -> f64[:]:
    return np.where(a > 2, a, b)


def i32_accum(a: i32[:]) -> tuple[i64, i32[:]]:
    return a.sum(), np.cumsum(a, dtype=np.int32)


def view_inplace(a: f64[:]) -> f64[:]:
    b = a.copy()
    v = b[::2]
    v *= 2.0
    b[1::2] += v[: b[1::2].shape[0]]
    return b


def dup_fancy(a: f64[:], idx: i64[:]) -> f64[:]:
    b = a.copy()
    b[idx] += 1.0
    return b


def overlap_shift(a: f64[:]) -> f64[:]:
    b = a.copy()
    b[1:] = b[:-1] + 1.0
    return b


def mean_int(a: i32[:, :]) -> tuple[f64, f64[:]]:
    return a.mean(), a.mean(axis=0)


def argsort_stable_ties(a: i64[:]) -> i64[:]:
    return np.argsort(a, kind="stable")


def complex_ops(z: f64[:]) -> tuple[f64[:], f64[:]]:
    w = np.exp(1j * z)
    return w.real, np.abs(w * w.conj())


def astype_round(a: f64[:]) -> i32[:]:
    return (a * 100).astype(np.int32)


def minmax_axis_nan(a: f64[:, :]) -> tuple[f64[:], f64[:]]:
    return np.nanmin(a, axis=0), np.max(a, axis=1)


def chained_cmp(a: f64[:], lo: float, hi: float) -> i64:
    return int(np.sum((lo < a) & (a <= hi)))


def list_of_arrays_sum(a: f64[:], n: int) -> f64[:]:
    parts = [a * k for k in range(n)]
    total = np.zeros_like(a)
    for p in parts:
        total += p
    return total


def dict_of_arrays(a: f64[:]) -> f64[:]:
    d = {}
    for k in range(3):
        d[k] = a + k
    return d[0] + d[1] * d[2]


def swap_names(a: f64[:], n: int) -> f64[:]:
    x = a.copy()
    y = a * 0.5
    for _ in range(n):
        x, y = y, x + y
    return x
