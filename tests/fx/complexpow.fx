"""complex ** with run-time exponents (tests/test_complex_pow.py): CPython's complex_pow."""
from fastext import c64, f64, i64


def pow_cc(a: complex, b: complex) -> complex:
    return a ** b


def pow_cf(a: complex, x: f64) -> complex:
    return a ** x


def pow_ci(a: complex, n: i64) -> complex:
    return a ** n


def pow_fc(x: f64, b: complex) -> complex:
    return x ** b


def pow_const(a: complex) -> tuple[complex, complex, complex]:
    return a ** 0.5, a ** 101, a ** (1 + 2j)


def pow_aug(a: complex, b: complex) -> complex:
    a **= b
    return a


def pow_c64(a: c64, b: c64) -> c64:
    return a ** b


def pow_caught(a: complex, b: complex) -> i64:
    try:
        c = a ** b
    except ZeroDivisionError:
        return 1
    except OverflowError:
        return 2
    return 0
