"""np.polyfit and sliding_window_view (tests/test_np_fit_windows.py)."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from fastext import f64, i64


def fit_line(x: f64[:], y: f64[:]) -> f64[:]:
    return np.polyfit(x, y, 2)


def fit_w(x: f64[:], y: f64[:], w: f64[:], d: i64) -> f64[:]:
    return np.polyfit(x, y, d, w=w)


def fit_2d(x: f64[:], y: f64[:, :]) -> f64[:, :]:
    return np.polyfit(x, y, 1)


def fit_int(x: i64[:], y: i64[:]) -> f64[:]:
    return np.polyfit(x, y, 1, rcond=1e-10)


def sliding(a: f64[:], w: i64) -> f64[:]:
    v = np.lib.stride_tricks.sliding_window_view(a, w)
    return v.mean(axis=1)


def sliding2(a: i64[:, :], w: i64) -> i64[:, :, :]:
    return sliding_window_view(a, w, axis=1)


def sliding0(a: f64[:, :], w: i64) -> f64[:, :]:
    return sliding_window_view(a, window_shape=w, axis=0).max(axis=2)
