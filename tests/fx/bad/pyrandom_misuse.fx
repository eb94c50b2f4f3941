import random
import time
from random import randint
import numpy as np

from fastext import f64, i64


def unknown() -> f64:
    return random.foo()


def arity() -> i64:
    return randint(1, 2, 3)


def missing() -> i64:
    return random.randrange()


def two_d(a: f64[:, :]) -> None:
    random.shuffle(a)


def clock_args() -> f64:
    return time.perf_counter(1)


def clock_unknown() -> f64:
    return time.clock()


def inside() -> f64:
    import os
    return 1.0


def power_runtime(a: f64[:, :], k: i64) -> f64[:, :]:
    return np.linalg.matrix_power(a, k)


def power_float(a: f64[:, :]) -> f64[:, :]:
    return np.linalg.matrix_power(a, 2.0)


def power_vector(a: f64[:]) -> f64[:]:
    return np.linalg.matrix_power(a, 2)
