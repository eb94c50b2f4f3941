"""Matrix products for benchmarks/matmul.py: each is one NumPy expression, so the compiled
module, NumPy and Numba run the same code."""
import numpy as np
from fastext import f32, f64, i64


def matmul(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return a @ b


def matmul_f32(a: f32[:, :], b: f32[:, :]) -> f32[:, :]:
    return a @ b


def matmul_at(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return a.T @ b


def matmul_i64(a: i64[:, :], b: i64[:, :]) -> i64[:, :]:
    return a @ b


def matvec(a: f64[:, :], x: f64[:]) -> f64[:]:
    return np.dot(a, x)


def vdot(x: f64[:], y: f64[:]) -> f64:
    return np.dot(x, y)
