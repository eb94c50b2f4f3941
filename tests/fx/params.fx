"""One function per parameter kind, for the bad-input tests (tests/test_bad_input.py)."""
from __future__ import annotations

from fastext import f32, f64, i8, i32, i64, u8, u64


def take_i64(n: i64) -> i64:
    return n


def take_i8(n: i8) -> i64:
    return n


def take_u8(n: u8) -> i64:
    return n


def take_i32(n: i32) -> i64:
    return n


def take_u64(n: u64) -> u64:
    return n


def take_f64(x: f64) -> f64:
    return x


def take_f32(x: f32) -> f64:
    return x


def take_bool(flag: bool) -> bool:
    return flag


def take_int(n: int) -> int:
    return n


def take_float(x: float) -> float:
    return x


def sum_f64(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def sum_i32(x: i32[:]) -> i64:
    s = 0
    for i in range(len(x)):
        s += x[i]
    return s


def sum_u8(data: u8[:]) -> i64:
    s = 0
    for i in range(len(data)):
        s += int(data[i])
    return s


def sum_f32(x: f32[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s


def count_bool(mask: bool[:]) -> i64:
    n = 0
    for i in range(len(mask)):
        if mask[i]:
            n += 1
    return n


def sum2(m: f64[:, :]) -> f64:
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j]
    return s


def fill(out: f64[:], v: f64) -> None:
    for i in range(len(out)):
        out[i] = v


def fill_u8(buf: u8[:], v: u8) -> None:
    for i in range(len(buf)):
        buf[i] = v


def fill2(out: i64[:, :], v: i64) -> None:
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = v


def get(x: f64[:], i: i64) -> f64:
    return x[i]


def get2(m: f64[:, :], i: i64, j: i64) -> f64:
    return m[i, j]


def put(x: f64[:], i: i64, v: f64) -> None:
    x[i] = v


def mixed(a: i64, x: f64[:], scale: f64 = 2.0, offset: i64 = 1) -> f64:
    """A function with defaults: mixed(a, x, scale=2.0, offset=1)."""
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return a * scale + s + offset


def two_arrays(a: f64[:], b: i64[:]) -> f64:
    if len(a) != len(b):
        raise ValueError("length mismatch")
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s


def nothing() -> i64:
    return 7
