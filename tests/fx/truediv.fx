"""`int / int` as Python divides: exactly, rounded once (tests/test_truediv.py)."""
from fastext import f64, i8, i32, i64, u64


def div(a: i64, b: i64) -> f64:
    return a / b


def div_u(a: u64, b: u64) -> f64:
    return a / b


def div_mixed(a: u64, b: i64) -> f64:
    return a / b


def div_narrow(a: i32, b: i8) -> f64:
    return a / b


def div_const(a: i64) -> f64:
    return a / 3


def const_div(b: i64) -> f64:
    return 12345678901234567891 / b


def ramp(out: f64[:], n: i64) -> None:
    for i in range(len(out)):
        out[i] = i / n


def caught(a: i64, b: i64) -> f64:
    try:
        return a / b
    except ZeroDivisionError:
        return -1.0
