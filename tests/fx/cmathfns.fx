"""cmath in compiled code: every supported function and constant (tests/test_cmath.py)."""
import cmath
from cmath import infj, nanj, phase, polar, rect

from fastext import c64, f64, i64


def sqrt(z: complex) -> complex:
    return cmath.sqrt(z)


def exp(z: complex) -> complex:
    return cmath.exp(z)


def log(z: complex) -> complex:
    return cmath.log(z)


def log_base(z: complex, base: complex) -> complex:
    return cmath.log(z, base)


def log10(z: complex) -> complex:
    return cmath.log10(z)


def sin(z: complex) -> complex:
    return cmath.sin(z)


def cos(z: complex) -> complex:
    return cmath.cos(z)


def tan(z: complex) -> complex:
    return cmath.tan(z)


def sinh(z: complex) -> complex:
    return cmath.sinh(z)


def cosh(z: complex) -> complex:
    return cmath.cosh(z)


def tanh(z: complex) -> complex:
    return cmath.tanh(z)


def asin(z: complex) -> complex:
    return cmath.asin(z)


def acos(z: complex) -> complex:
    return cmath.acos(z)


def atan(z: complex) -> complex:
    return cmath.atan(z)


def asinh(z: complex) -> complex:
    return cmath.asinh(z)


def acosh(z: complex) -> complex:
    return cmath.acosh(z)


def atanh(z: complex) -> complex:
    return cmath.atanh(z)


def phase_of(z: complex) -> f64:
    return phase(z)


def polar_of(z: complex) -> tuple[f64, f64]:
    return polar(z)


def rect_of(r: f64, phi: f64) -> complex:
    return rect(r, phi)


def tests(z: complex) -> tuple[bool, bool, bool]:
    return cmath.isnan(z), cmath.isinf(z), cmath.isfinite(z)


def of_real(x: f64, n: i64) -> complex:
    return cmath.sqrt(x) + cmath.log(n) + cmath.exp(x * 1j)


def of_c64(z: c64) -> complex:
    return cmath.sqrt(z)


def constants() -> tuple[f64, f64, f64, f64, f64]:
    return cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan


def complex_constants() -> tuple[complex, complex]:
    return infj, nanj + cmath.infj


def caught(z: complex) -> i64:
    try:
        cmath.log(z)
    except ValueError:
        return 1
    return 0


def close(a: complex, b: complex) -> bool:
    return cmath.isclose(a, b)


def close_tol(a: complex, b: complex, rel: f64, tol: f64) -> bool:
    return cmath.isclose(a, b, abs_tol=tol, rel_tol=rel)
