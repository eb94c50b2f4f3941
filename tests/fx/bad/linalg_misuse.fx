import numpy as np
from fastext import f64, i64


def products(a: f64[:, :], s: f64[:, :, :], x: f64[:], n: i64[:, :]) -> f64:
    y = a @ 2.0
    z = np.dot(s, a)
    t = np.trace(x)
    n @= a
    x @= x
    return np.outer(a, x)[0, 0]
