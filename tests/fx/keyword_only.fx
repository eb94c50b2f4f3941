"""Keyword-only parameters (tests/test_keyword_only.py)."""
import numpy as np
from fastext import f64, i64


def newton(x0: float, *, tol: float = 1e-12, max_iter: int = 50) -> float:
    x = x0
    for _ in range(max_iter):
        fx = x * x - 2.0
        if abs(fx) < tol:
            break
        x -= fx / (2.0 * x)
    return x


def _scale(a: f64[:], *, factor: float = 2.0) -> f64[:]:
    return a * factor


def run(a: f64[:], k: float) -> tuple[float, float, f64[:]]:
    return newton(1.0), newton(3.0, tol=1e-3, max_iter=5), _scale(a, factor=k)
