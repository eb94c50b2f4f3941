"""More numpy.typing-annotated helpers: ranks only the body tells."""
import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray


def standard_scale(X: NDArray[np.float64]) -> NDArray[np.float64]:
    mu = X.mean(axis=0)
    sd = X.std(axis=0)
    sd[sd == 0] = 1.0
    return (X - mu) / sd


def mse(y: np.ndarray, yhat: np.ndarray) -> float:
    return float(np.mean((y - yhat) ** 2))


def cosine_to(X: np.ndarray, v: np.ndarray) -> np.ndarray:
    return (X @ v) / (np.linalg.norm(X, axis=1) * np.linalg.norm(v))


def gram(X: np.ndarray) -> np.ndarray:
    return np.dot(X, X.T)


def rbf_kernel(X: np.ndarray, gamma: float) -> np.ndarray:
    sq = np.sum(X ** 2, axis=1)
    d = sq[:, None] + sq[None, :] - 2 * X @ X.T
    return np.exp(-gamma * d)


def class_means(X: np.ndarray, y: NDArray[np.int64], k: int) -> np.ndarray:
    out = np.zeros((k, X.shape[1]))
    for c in range(k):
        out[c] = X[y == c].mean(axis=0)
    return out


def column_ranges(X: np.ndarray) -> np.ndarray:
    return np.ptp(X, axis=0)


def clip_rows(X: np.ndarray, maxnorm: float) -> np.ndarray:
    n = np.linalg.norm(X, axis=1, keepdims=True)
    return X * np.minimum(1.0, maxnorm / n)


def count_matches(a: NDArray[np.int64], b: NDArray[np.int64]) -> int:
    return int((a == b).sum())


def smooth_labels(Y: np.ndarray, eps: float) -> np.ndarray:
    k = Y.shape[1]
    return Y * (1 - eps) + eps / k
