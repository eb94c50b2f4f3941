import cmath
from cmath import rect

from fastext import f64


def arity(z: complex) -> complex:
    return cmath.sqrt(z, z)


def no_base() -> complex:
    return cmath.log()


def real_only(z: complex) -> complex:
    return rect(z, 1.0)


def unknown(z: complex) -> bool:
    return cmath.isclose(z, z, 0.1)


def to_real(z: complex) -> f64:
    return cmath.exp(z)
