"""np.polyfit (tests/test_np_polyfit.py)."""
import numpy as np
from fastext import f64, i64


def fit_line(x: f64[:], y: f64[:]) -> f64[:]:
    return np.polyfit(x, y, 2)


def fit_w(x: f64[:], y: f64[:], w: f64[:], d: i64) -> f64[:]:
    return np.polyfit(x, y, d, w=w)


def fit_2d(x: f64[:], y: f64[:, :]) -> f64[:, :]:
    return np.polyfit(x, y, 1)


def fit_int(x: i64[:], y: i64[:]) -> f64[:]:
    return np.polyfit(x, y, 1, rcond=1e-10)
