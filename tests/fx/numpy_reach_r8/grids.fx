"""Grids as the SciPy lecture notes build them: np.ogrid / np.mgrid (open and dense, integer and
complex steps), the vectorised Mandelbrot set over an ogrid."""
import numpy as np
from fastext import f64, i64


def disk_mask(n: int, m: int, r: float) -> i64:
    x, y = np.ogrid[0:n, 0:m]
    mask = (x - n / 2) ** 2 + (y - m / 2) ** 2 < r ** 2
    return int(mask.sum())


def mgrid_int(n: int, m: int) -> i64[:, :, :]:
    return np.mgrid[0:n, 0:m]


def mgrid_unpack(n: int, m: int) -> f64[:, :]:
    X, Y = np.mgrid[0:n, 0:m]
    return np.sqrt(X ** 2 + Y ** 2)


def mgrid_complex(n: int) -> f64[:, :, :]:
    return np.mgrid[-1:1:n * 1j, 0:2:3j]


def ogrid_one(n: int) -> f64[:]:
    return np.ogrid[0:1:n * 1j]


def mgrid_step(n: int) -> i64[:]:
    return np.mgrid[1:n:2]


def mgrid_float(a: float, b: float) -> f64[:, :, :]:
    return np.mgrid[a:b:0.5, 0:3]


def mandel_vec(h: int, w: int, maxit: int) -> i64[:, :]:
    y, x = np.ogrid[-1.4:1.4:h * 1j, -2:0.8:w * 1j]
    c = x + y * 1j
    z = c
    divtime = maxit + np.zeros(z.shape, dtype=int)
    for i in range(maxit):
        z = z ** 2 + c
        diverge = z * np.conj(z) > 2 ** 2
        div_now = diverge & (divtime == maxit)
        divtime[div_now] = i
        z[diverge] = 2
    return divtime
