"""Iteration: arrays, rows, enumerate, zip, ranges inside them."""
from fastext import boolean, f64, i32, i64


def total(x: f64[:]) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s


def weighted(x: f64[:], start: i64) -> f64:
    s = 0.0
    for i, v in enumerate(x, start):
        s += i * v
    return s


def dot(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for a, b in zip(x, y):
        s += a * b
    return s


def row_sums(m: f64[:, :], out: f64[:]) -> None:
    for i, row in enumerate(m):
        s = 0.0
        for v in row:
            s += v
        out[i] = s


def stepped(lo: i64, hi: i64, step: i64) -> i64:
    n = 0
    for k, i in enumerate(range(lo, hi, step)):
        n += (k + 1) * i
    return n


def triple(x: f64[:], y: f64[:], z: f64[:]) -> f64:
    s = 0.0
    for i, (a, b, c) in enumerate(zip(x, y, z)):
        if i % 2 == 1:
            continue
        s += a + b * c
    return s


def first_negative(x: f64[:]) -> i64:
    for i, v in enumerate(x):
        if v < 0:
            break
    else:
        return -1
    return i


def scale(x: f64[:], f: f64) -> None:
    for i, v in enumerate(x):
        x[i] = v * f


def methods(x: f64[:]) -> tuple[f64, f64, f64]:
    return x.sum(), x.min(), x.max()


def int_methods(m: i32[:, :]) -> tuple[i64, i32, i32]:
    return m.sum(), m.min(), m.max()


def count_true(b: boolean[:]) -> i64:
    return b.sum()


def reset(m: f64[:, :], v: f64) -> f64:
    m.fill(v)
    return m.sum()
