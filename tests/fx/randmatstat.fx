"""The Julia micro-benchmarks randmatstat and randmatmul (tests/test_np_matrix_power.py), as
written for NumPy, and a variant of randmatstat that takes its matrices as parameters."""
import numpy as np
from numpy import random as nprandom
from fastext import f64, i64


def randmatstat(t: i64) -> tuple[f64, f64]:
    n = 5
    v = np.zeros(t)
    w = np.zeros(t)
    for i in range(t):
        a = nprandom.randn(n, n)
        b = nprandom.randn(n, n)
        c = nprandom.randn(n, n)
        d = nprandom.randn(n, n)
        P = np.concatenate((a, b, c, d), axis=1)
        Q = np.concatenate((np.concatenate((a, b), axis=1), np.concatenate((c, d), axis=1)), axis=0)
        v[i] = np.trace(np.linalg.matrix_power(P.T @ P, 4))
        w[i] = np.trace(np.linalg.matrix_power(Q.T @ Q, 4))
    return (np.std(v) / np.mean(v), np.std(w) / np.mean(w))


def randmatstat_given(A: f64[:, :, :], B: f64[:, :, :], C: f64[:, :, :], D: f64[:, :, :]) -> tuple[f64, f64]:
    t = A.shape[0]
    v = np.zeros(t)
    w = np.zeros(t)
    for i in range(t):
        a = A[i]
        b = B[i]
        c = C[i]
        d = D[i]
        P = np.concatenate((a, b, c, d), axis=1)
        Q = np.concatenate((np.concatenate((a, b), axis=1), np.concatenate((c, d), axis=1)), axis=0)
        v[i] = np.trace(np.linalg.matrix_power(P.T @ P, 4))
        w[i] = np.trace(np.linalg.matrix_power(Q.T @ Q, 4))
    return (np.std(v) / np.mean(v), np.std(w) / np.mean(w))


def seed(s: i64) -> None:
    nprandom.seed(s)


def randmatmul(n: i64) -> f64[:, :]:
    A = nprandom.rand(n, n)
    B = nprandom.rand(n, n)
    return np.dot(A, B)
