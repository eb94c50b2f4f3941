"""Several errors in one module: all are reported, sorted by line."""
import os_fx_nowhere
from fastext import f64, i64


def b(x: f64) -> f64:
    y = undefined_thing * 2
    return x


def a(n: i64) -> i64:
    total = 0
    total = 0.5
    while n > 0:
        print(n, colour=1)
        n -= 1
    return total


def c(x: f64[:]) -> f64:
    for v in x[0]:
        pass
    return x[0]


def d(x: f64, y):
    return 1.0
