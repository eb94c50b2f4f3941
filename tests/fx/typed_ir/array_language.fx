"""Golden typed IR of the array language (tests/test_typed_ir.py)."""
import numpy as np
from fastext import f32, f64, i32


def fused(x: f64[:], y: f64[:], a: float) -> f64[:]:
    return np.sqrt(a * x * x + y ** 2) - np.exp(-x)


def broadcast(x: f64[:], y: f64[:]) -> f64[:, :]:
    return x[:, None] - y[None, :]


def nep50(x: f32[:], n: i32[:]) -> f32[:]:
    return x * 2.0 + 1


def inplace(u: f64[:, :]) -> None:
    u[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    u *= 0.5


def reductions(x: f64[:, :], y: f64[:, :]) -> tuple[f64, f64[:], f64[:, :]]:
    return np.sum((x - y) ** 2), x.mean(axis=0), x.T


def rebound(x: f64[:]) -> f64[:]:
    x = x - x.mean()
    return x
