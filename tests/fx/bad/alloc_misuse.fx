import numpy as np
from fastext import f64, i32


def scaled(x: f64[:], m: f64[:, :], n: int) -> f64[:]:
    out = np.zeros(n, dtype=np.float16)
    rows = np.empty((n, 2.5))
    x[1:] = m
    ints = np.zeros(n, i32)
    ints[:] = x
    return x[::2]
