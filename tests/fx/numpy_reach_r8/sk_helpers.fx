"""Helpers in the style of scikit-learn's utilities (annotated with numpy.typing)."""
import numpy as np
import numpy.typing as npt


def sq_dists(X: npt.NDArray[np.float64], Y: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    xx = (X * X).sum(axis=1)[:, np.newaxis]
    yy = (Y * Y).sum(axis=1)[np.newaxis, :]
    d = -2.0 * (X @ Y.T)
    d += xx
    d += yy
    np.maximum(d, 0.0, out=d)
    return d


def manhattan(X: npt.NDArray[np.float64], Y: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    return np.abs(X[:, None, :] - Y[None, :, :]).sum(axis=-1)


def row_norms(X: npt.NDArray[np.float64], squared: bool = False) -> npt.NDArray[np.float64]:
    norms = np.einsum("ij,ij->i", X, X)
    if not squared:
        np.sqrt(norms, norms)
    return norms


def softmax_rows(X: np.ndarray) -> np.ndarray:
    Z = X - X.max(axis=1, keepdims=True)
    E = np.exp(Z)
    E /= E.sum(axis=1)[:, np.newaxis]
    return E


def log_loss(y_true: npt.NDArray[np.float64], y_prob: npt.NDArray[np.float64], eps: float = 1e-15) -> float:
    p = np.clip(y_prob, eps, 1 - eps)
    return float(-np.mean(y_true * np.log(p) + (1 - y_true) * np.log(1 - p)))


def minmax_scale(X: np.ndarray) -> np.ndarray:
    lo = X.min(axis=0)
    span = X.max(axis=0) - lo
    span[span == 0.0] = 1.0
    return (X - lo) / span


def one_hot(labels: npt.NDArray[np.int64], n_classes: int) -> npt.NDArray[np.float64]:
    out = np.zeros((labels.shape[0], n_classes))
    out[np.arange(labels.shape[0]), labels] = 1.0
    return out


def confusion(y_true: npt.NDArray[np.int64], y_pred: npt.NDArray[np.int64], k: int) -> npt.NDArray[np.int64]:
    cm = np.zeros((k, k), dtype=np.int64)
    np.add.at(cm, (y_true, y_pred), 1)
    return cm


def r2_score(y: npt.NDArray[np.float64], yhat: npt.NDArray[np.float64]) -> float:
    ss_res = ((y - yhat) ** 2).sum()
    ss_tot = ((y - y.mean()) ** 2).sum()
    return 1.0 - ss_res / ss_tot


def logistic_grad(w: np.ndarray, X: np.ndarray, y: np.ndarray, alpha: float) -> np.ndarray:
    n, d = X.shape
    z = X @ w
    p = 1.0 / (1.0 + np.exp(-z))
    return X.T @ (p - y) / n + alpha * w


def knn_mean(X: np.ndarray, T: np.ndarray, y: np.ndarray, k: int) -> np.ndarray:
    d = ((T[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)
    idx = np.argsort(d, axis=1)[:, :k]
    return y[idx].mean(axis=1)


def topk_scores(S: np.ndarray, k: int) -> np.ndarray:
    n, m = S.shape
    idx = np.argsort(-S, axis=1)[:, :k]
    return np.take_along_axis(S, idx, axis=1)


def center_kernel(K: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    n = K.shape[0]
    col = K.sum(axis=0) / n
    tot = col.sum() / n
    return K - col[:, None] - col[None, :] + tot


def safe_sparse_like(a: np.ndarray[tuple[int, int], np.dtype[np.float64]], b: np.ndarray[tuple[int, int], np.dtype[np.float64]]) -> np.ndarray:
    out = np.dot(a, b)
    return np.asarray(out, dtype=np.float64)
