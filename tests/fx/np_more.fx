"""NumPy functions added as compositions (frontend/npsource.py): each kernel is compiled and
compared with the same file run by NumPy (tests/test_np_more_functions.py)."""
import numpy as np
from fastext import f32, f64, i32, i64, u8


def trap_1d(y: f64[:]) -> f64:
    return np.trapezoid(y)


def trap_dx(y: f32[:], dx: f64) -> f32:
    return np.trapezoid(y, dx=dx)


def trap_x(y: f64[:], x: f64[:]) -> f64:
    return np.trapezoid(y, x)


def trap_axis0(y: f64[:, :], x: f64[:]) -> f64[:]:
    return np.trapezoid(y, x, axis=0)


def trap_2d(y: f64[:, :], x: f64[:, :]) -> f64[:]:
    return np.trapezoid(y, x=x)


def trap_int(y: i64[:, :]) -> f64[:]:
    return np.trapezoid(y, dx=0.5)


def grad(f: f64[:]) -> f64[:]:
    return np.gradient(f)


def grad_dx(f: i64[:], dx: f64) -> f64[:]:
    return np.gradient(f, dx)


def grad_f32(f: f32[:]) -> f32[:]:
    return np.gradient(f, 0.25)


def digitize(x: f64[:], bins: f64[:]) -> i64[:]:
    return np.digitize(x, bins)


def digitize_right(x: f64[:, :], bins: f64[:]) -> i64[:, :]:
    return np.digitize(x, bins, right=True)


def digitize_one(x: f64, bins: i64[:]) -> i64:
    return np.digitize(x, bins)


def ptp(a: f64[:, :]) -> f64:
    return np.ptp(a)


def ptp_axis(a: i32[:, :]) -> i32[:]:
    return np.ptp(a, axis=0)


def ptp_keep(a: u8[:, :]) -> u8[:, :]:
    return np.ptp(a, axis=1, keepdims=True)


def ediff1d(a: f64[:, :]) -> f64[:]:
    return np.ediff1d(a)


def ediff1d_ends(a: i64[:], end: i64[:]) -> i64[:]:
    return np.ediff1d(a, to_end=end, to_begin=-7)


def sinc(x: f64[:]) -> f64[:]:
    return np.sinc(x)


def sinc_f32(x: f32[:, :]) -> f32[:, :]:
    return np.sinc(x)


def sinc_one(x: f64) -> f64:
    return np.sinc(x)


def array_equal(a: f64[:], b: f64[:]) -> bool:
    return np.array_equal(a, b)


def array_equal_nan(a: f64[:, :], b: f64[:, :]) -> bool:
    return np.array_equal(a, b, equal_nan=True)


def array_equal_ranks(a: f64[:], b: f64[:, :]) -> bool:
    return np.array_equal(a, b)


def polyval(p: f64[:], x: f64[:]) -> f64[:]:
    return np.polyval(p, x)


def polyval_mixed(p: i64[:], x: f32[:, :]) -> f64[:, :]:
    return np.polyval(p, x)


def polyval_one(p: f64[:], x: f64) -> f64:
    return np.polyval(p, x)


def vander(x: f64[:]) -> f64[:, :]:
    return np.vander(x)


def vander_n(x: i32[:], n: i64) -> i64[:, :]:
    return np.vander(x, n, increasing=True)


def vander_f32(x: f32[:], n: i64) -> f64[:, :]:
    return np.vander(x, N=n)
