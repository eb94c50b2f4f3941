# ARGS: 4
import numpy as np
from fastext import f64


def sort_inplace(a: f64[:]) -> f64[:]:
    a.sort()
    return a


def fresh(n: int) -> f64[:]:
    return np.linspace(0.0, 1.0, n)


def passthru(n: int) -> f64[:]:
    b = fresh(n)
    return b


def main(n: int) -> float:
    a = np.array([3.0, 1.0, 2.0])
    b = sort_inplace(a)
    print(b, passthru(n))
    return b[0]
