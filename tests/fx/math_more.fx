"""The `math` functions CPython computes itself (gamma, lgamma: its own Lanczos code) or around
the C library (degrees, ulp, remainder), and the C library ones added with them."""
import math


def g(x: float) -> float:
    return math.gamma(x)


def lg(x: float) -> float:
    return math.lgamma(x)


def others(x: float) -> tuple[float, float, float, float, float, float, float]:
    return math.asinh(x), math.cbrt(x), math.degrees(x), math.radians(x), math.ulp(x), math.nextafter(x, 0.0), math.remainder(x, 0.75)


def ac(x: float) -> float:
    return math.acosh(x)


def at(x: float) -> float:
    return math.atanh(x)


def e2(x: float) -> float:
    return math.exp2(x)


def fm(x: float, y: float) -> float:
    return math.fmod(x, y)


def rem(x: float, y: float) -> float:
    return math.remainder(x, y)
