"""`x ** constant` strength reduction (tests/test_pow_reduction.py): multiplies, a division or a
square root where the result is provably CPython's pow, else CPython's libm path."""
from fastext import f32, f64, fastmath, i64


def p2(x: f64) -> f64:
    return x ** 2


def p3(x: f64) -> f64:
    return x ** 3


def p4(x: f64) -> f64:
    return x ** 4


def pm1(x: f64) -> f64:
    return x ** -1


def pm2(x: f64) -> f64:
    return x ** -2


def phalf(x: f64) -> f64:
    return x ** 0.5


def pf2(x: f64) -> f64:
    return x ** 2.0


def general(x: f64, y: f64) -> f64:
    return x ** y


def s2(x: f32) -> f32:
    return x ** 2


def s3(x: f32) -> f32:
    return x ** 3


def s4(x: f32) -> f32:
    return x ** 4


def sm1(x: f32) -> f32:
    return x ** -1


def sm2(x: f32) -> f32:
    return x ** -2


def shalf(x: f32) -> f32:
    return x ** 0.5


def f32_general(x: f32, y: f32) -> f32:
    return x ** y


def int_pows(n: i64) -> tuple[i64, i64, i64, i64]:
    return n ** 0, n ** 2, n ** 3, n ** 4


def int_neg(n: i64) -> i64:
    return n ** -1


@fastmath
def fm2(x: f64) -> f64:
    return x ** 2


def rosenbrock(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x) - 1):
        s += 100.0 * (x[i + 1] - x[i] ** 2) ** 2 + (1.0 - x[i]) ** 2
    return s


def l2norm(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] ** 2
    return s ** 0.5
