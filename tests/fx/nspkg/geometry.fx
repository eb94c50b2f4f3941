"""Helpers imported by namespace.fx."""
from fastext import f64, i64

SCALE = 3


def scale(x: f64) -> f64:
    return x * SCALE


def _secret(n: i64) -> i64:
    return n + 1
