"""Helpers in the style of scikit-learn (second set): closed-form ridge, Mahalanobis distances,
Gaussian log-densities, SVD-based explained variance, k-means steps, stable sigmoids; the
parameters annotated np.ndarray / NDArray, their ranks read from the body."""
import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray


def ridge_closed(X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    n_features = X.shape[1]
    A = X.T @ X + alpha * np.eye(n_features)
    return np.linalg.solve(A, X.T @ y)


def mahalanobis(x: NDArray[np.float64], mu: NDArray[np.float64], cov: NDArray[np.float64]) -> float:
    d = x - mu
    return float(np.sqrt(d @ np.linalg.inv(cov) @ d))


def gaussian_logpdf(X: np.ndarray, mean: np.ndarray, var: np.ndarray) -> np.ndarray:
    n_samples, n_features = X.shape
    return -0.5 * (n_features * np.log(2 * np.pi) + np.log(var).sum() + ((X - mean) ** 2 / var).sum(axis=1))


def logdet_spd(A: npt.NDArray[np.float64]) -> float:
    L = np.linalg.cholesky(A)
    return 2.0 * float(np.sum(np.log(np.diag(L))))


def normalize_l2(X: np.ndarray) -> np.ndarray:
    norms = np.sqrt((X ** 2).sum(axis=1))
    norms[norms == 0] = 1.0
    return X / norms[:, np.newaxis]


def pairwise_cos(X: np.ndarray) -> np.ndarray:
    Xn = X / np.linalg.norm(X, axis=1, keepdims=True)
    return Xn @ Xn.T


def weighted_mode_count(y: NDArray[np.int64], w: NDArray[np.float64], k: int) -> int:
    scores = np.zeros(k)
    np.add.at(scores, y, w)
    return int(np.argmax(scores))


def explained_variance(X: np.ndarray) -> np.ndarray:
    Xc = X - X.mean(axis=0)
    s = np.linalg.svd(Xc, compute_uv=False)
    ev = s ** 2 / (X.shape[0] - 1)
    return ev / ev.sum()


def trace_ratio(A: np.ndarray, B: np.ndarray) -> float:
    return float(np.trace(A) / np.trace(B))


def kmeans_step(X: np.ndarray, C: np.ndarray) -> np.ndarray:
    d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    labels = d.argmin(axis=1)
    newC = np.empty_like(C)
    for k in range(C.shape[0]):
        members = X[labels == k]
        newC[k] = members.mean(axis=0) if len(members) > 0 else C[k]
    return newC


def sigmoid_stable(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    ex = np.exp(x[~pos])
    out[~pos] = ex / (1.0 + ex)
    return out


def huber(r: np.ndarray, delta: float) -> float:
    a = np.abs(r)
    return float(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta)).sum())


def accuracy(y_true: NDArray[np.int64], y_pred: NDArray[np.int64]) -> float:
    return float(np.mean(y_true == y_pred))


def polyfeatures(x: np.ndarray, degree: int) -> np.ndarray:
    return np.vstack([x ** d for d in range(degree + 1)]).T


def batch_iter_sums(X: np.ndarray, batch: int) -> np.ndarray:
    n = X.shape[0]
    out = []
    for start in range(0, n, batch):
        out.append(X[start:start + batch].sum())
    return np.array(out)


def powers_list(x: np.ndarray, degree: int) -> np.ndarray:
    cols = []
    for d in range(degree + 1):
        p = x ** d
        cols.append(p)
    return np.column_stack(cols)
