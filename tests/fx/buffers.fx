"""Array parameters read and written through every kind of buffer exporter (tests/test_buffers.py).

Each reader weights items by their position, so a wrong shape or stride changes the result."""
import numpy as np
from fastext import f64, f32, i32, i64, u8, i16, struct


@struct
class Pt:
    x: f64
    y: f64


def wsum1(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * (i + 1)
    return s


def wsum1_i32(x: i32[:]) -> i64:
    s = 0
    for i in range(len(x)):
        s += x[i] * (i + 1)
    return s


def wsum2(m: i32[:, :]) -> i64:
    s = 0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (i * 1000 + j + 1)
    return s


def wsum2_f64(m: f64[:, :]) -> f64:
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * (i * 1000 + j + 1)
    return s


def wsum3(t: i16[:, :, :]) -> i64:
    s = 0
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            for k in range(t.shape[2]):
                s += t[i, j, k] * (i * 10000 + j * 100 + k + 1)
    return s


def wsum_u8(b: u8[:]) -> i64:
    s = 0
    for i in range(len(b)):
        s += b[i] * (i + 1)
    return s


def bsum(b: bytes) -> i64:
    s = 0
    for i in range(len(b)):
        s += b[i] * (i + 1)
    return s


def shape2(m: f64[:, :]) -> tuple[i64, i64]:
    return m.shape[0], m.shape[1]


def total(x: f64[:]) -> f64:
    return (x * 2.0).sum()


def total2(m: f64[:, :]) -> f64:
    return np.sum(m * 1.0)


def ptsum(ps: Pt[:]) -> f64:
    s = 0.0
    for i in range(len(ps)):
        s += ps[i].x * (i + 1) + ps[i].y
    return s


def stamp1(x: f64[:]) -> None:
    for i in range(len(x)):
        x[i] = i * 2.0 + 1.0


def stamp2(m: i32[:, :]) -> None:
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = i * 100 + j


def stamp_u8(b: u8[:]) -> None:
    for i in range(len(b)):
        b[i] = (i * 7 + 3) % 256


def fill2(m: f64[:, :], v: f64) -> None:
    m[:, :] = v


def scale_pts(ps: Pt[:], k: f64) -> None:
    for i in range(len(ps)):
        ps[i] = Pt(ps[i].x * k, ps[i].y + 1.0)


def copy1(dst: f64[:], src: f64[:]) -> None:
    dst[:] = src


def both(x: f32[:], y: f32[:]) -> f64:
    s = 0.0
    for i in range(min(len(x), len(y))):
        s += x[i] * y[i] * (i + 1)
    return s
