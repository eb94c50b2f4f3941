"""NumPy's transcendental ufuncs, compiled through NumPy's own inner loops (lower/nploops.py):
tests/test_np_exact.py compares the bits with NumPy's."""
import numpy as np
from fastext import boolean, f32, f64, fastmath, i64

def a_exp(x: f64[:]) -> f64[:]:
    return np.exp(x)

def f_exp(x: f32[:]) -> f32[:]:
    return np.exp(x)

def s_exp(x: f64) -> f64:
    return np.exp(x)

def a_exp2(x: f64[:]) -> f64[:]:
    return np.exp2(x)

def f_exp2(x: f32[:]) -> f32[:]:
    return np.exp2(x)

def s_exp2(x: f64) -> f64:
    return np.exp2(x)

def a_expm1(x: f64[:]) -> f64[:]:
    return np.expm1(x)

def f_expm1(x: f32[:]) -> f32[:]:
    return np.expm1(x)

def s_expm1(x: f64) -> f64:
    return np.expm1(x)

def a_log(x: f64[:]) -> f64[:]:
    return np.log(x)

def f_log(x: f32[:]) -> f32[:]:
    return np.log(x)

def s_log(x: f64) -> f64:
    return np.log(x)

def a_log2(x: f64[:]) -> f64[:]:
    return np.log2(x)

def f_log2(x: f32[:]) -> f32[:]:
    return np.log2(x)

def s_log2(x: f64) -> f64:
    return np.log2(x)

def a_log10(x: f64[:]) -> f64[:]:
    return np.log10(x)

def f_log10(x: f32[:]) -> f32[:]:
    return np.log10(x)

def s_log10(x: f64) -> f64:
    return np.log10(x)

def a_log1p(x: f64[:]) -> f64[:]:
    return np.log1p(x)

def f_log1p(x: f32[:]) -> f32[:]:
    return np.log1p(x)

def s_log1p(x: f64) -> f64:
    return np.log1p(x)

def a_sin(x: f64[:]) -> f64[:]:
    return np.sin(x)

def f_sin(x: f32[:]) -> f32[:]:
    return np.sin(x)

def s_sin(x: f64) -> f64:
    return np.sin(x)

def a_cos(x: f64[:]) -> f64[:]:
    return np.cos(x)

def f_cos(x: f32[:]) -> f32[:]:
    return np.cos(x)

def s_cos(x: f64) -> f64:
    return np.cos(x)

def a_tan(x: f64[:]) -> f64[:]:
    return np.tan(x)

def f_tan(x: f32[:]) -> f32[:]:
    return np.tan(x)

def s_tan(x: f64) -> f64:
    return np.tan(x)

def a_sinh(x: f64[:]) -> f64[:]:
    return np.sinh(x)

def f_sinh(x: f32[:]) -> f32[:]:
    return np.sinh(x)

def s_sinh(x: f64) -> f64:
    return np.sinh(x)

def a_cosh(x: f64[:]) -> f64[:]:
    return np.cosh(x)

def f_cosh(x: f32[:]) -> f32[:]:
    return np.cosh(x)

def s_cosh(x: f64) -> f64:
    return np.cosh(x)

def a_tanh(x: f64[:]) -> f64[:]:
    return np.tanh(x)

def f_tanh(x: f32[:]) -> f32[:]:
    return np.tanh(x)

def s_tanh(x: f64) -> f64:
    return np.tanh(x)

def a_arcsin(x: f64[:]) -> f64[:]:
    return np.arcsin(x)

def f_arcsin(x: f32[:]) -> f32[:]:
    return np.arcsin(x)

def s_arcsin(x: f64) -> f64:
    return np.arcsin(x)

def a_arccos(x: f64[:]) -> f64[:]:
    return np.arccos(x)

def f_arccos(x: f32[:]) -> f32[:]:
    return np.arccos(x)

def s_arccos(x: f64) -> f64:
    return np.arccos(x)

def a_arctan(x: f64[:]) -> f64[:]:
    return np.arctan(x)

def f_arctan(x: f32[:]) -> f32[:]:
    return np.arctan(x)

def s_arctan(x: f64) -> f64:
    return np.arctan(x)

def a_arcsinh(x: f64[:]) -> f64[:]:
    return np.arcsinh(x)

def f_arcsinh(x: f32[:]) -> f32[:]:
    return np.arcsinh(x)

def s_arcsinh(x: f64) -> f64:
    return np.arcsinh(x)

def a_arccosh(x: f64[:]) -> f64[:]:
    return np.arccosh(x)

def f_arccosh(x: f32[:]) -> f32[:]:
    return np.arccosh(x)

def s_arccosh(x: f64) -> f64:
    return np.arccosh(x)

def a_arctanh(x: f64[:]) -> f64[:]:
    return np.arctanh(x)

def f_arctanh(x: f32[:]) -> f32[:]:
    return np.arctanh(x)

def s_arctanh(x: f64) -> f64:
    return np.arctanh(x)

def a_cbrt(x: f64[:]) -> f64[:]:
    return np.cbrt(x)

def f_cbrt(x: f32[:]) -> f32[:]:
    return np.cbrt(x)

def s_cbrt(x: f64) -> f64:
    return np.cbrt(x)

def a_arctan2(x: f64[:], y: f64[:]) -> f64[:]:
    return np.arctan2(x, y)

def f_arctan2(x: f32[:], y: f32[:]) -> f32[:]:
    return np.arctan2(x, y)

def s_arctan2(x: f64, y: f64) -> f64:
    return np.arctan2(x, y)

def a_hypot(x: f64[:], y: f64[:]) -> f64[:]:
    return np.hypot(x, y)

def f_hypot(x: f32[:], y: f32[:]) -> f32[:]:
    return np.hypot(x, y)

def s_hypot(x: f64, y: f64) -> f64:
    return np.hypot(x, y)

def a_float_power(x: f64[:], y: f64[:]) -> f64[:]:
    return np.float_power(x, y)


def gauss(x: f64[:]) -> f64[:]:
    return np.exp(-x * x) * 2.0


def nested(x: f64[:], y: f64[:]) -> f64[:]:
    return np.arctan2(np.sin(x), np.log(y)) + np.exp(np.cos(x))


def matrix(x: f64[:, :]) -> f64[:, :]:
    return np.tanh(x) + np.log1p(np.abs(x))


def outer(x: f64[:], y: f64[:]) -> f64[:, :]:
    return np.arctan2(x[:, None], y)


def ints(n: i64[:]) -> f64[:]:
    return np.exp(n * 0.001) + np.log(n + 1)


def mixed(x: f32[:], y: f64[:]) -> f64[:]:
    return np.arctan2(x, y)


def into(x: f64[:], out: f64[:]):
    out[:] = np.sin(x) * np.exp(x)


def sum_exp(x: f64[:]) -> f64:
    return np.sum(np.exp(x))


def mean_log(x: f64[:, :]) -> f64[:]:
    return np.mean(np.log(np.abs(x) + 1.0), axis=0)


def in_loop(x: f64[:], out: f64[:]):
    for i in range(len(x)):
        out[i] = np.exp(x[i]) + np.cos(x[i])


def a_power(x: f64[:], y: f64[:]) -> f64[:]:
    return x ** y


def f_power(x: f32[:], y: f32[:]) -> f32[:]:
    return np.power(x, y)


def s_power(x: f64, y: f64) -> f64:
    return np.power(x, y)


def by_number(x: f64[:], c: f64) -> f64[:]:
    return np.power(x, 2.0) + x ** 3.3 + np.arctan2(x, c) + np.hypot(c * 2.0, x) + np.power(np.abs(x), c)


def in_place(x: f64[:]):
    x[:] = np.exp(x)


def into_reversed(x: f64[:], out: f64[:]):
    out[::-1] = np.log(x)


def into_strided(x: f64[:], out: f64[:]):
    out[::2] = np.arctan2(x, x[::-1])


def searched(edges: f64[:], x: f64[:]) -> i64[:]:
    return np.searchsorted(edges, np.exp(x))


def within(x: f64[:], y: f64[:]) -> boolean[:]:
    return np.isin(np.log(x), y)


def interpolated(x: f64[:], xp: f64[:], fp: f64[:]) -> f64[:]:
    return np.interp(np.sin(x), xp, fp)


@fastmath
def fast_exp(x: f64) -> f64:
    return np.exp(x)


def selected(x: f64[:]) -> f64[:]:
    return x[np.exp(x) > 2.0]


def masked_store(x: f64[:], y: f64[:]):
    x[np.log(np.abs(x)) < 0.5] = 0.0
    y[y > 0.0] = np.exp(y[y > 0.0])
