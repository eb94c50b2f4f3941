"""scikit-learn-style helpers annotated only with `np.ndarray` (ranks read from the body): matrix
products whose left operand is the design matrix, `X @ coef + b` returned as an array."""
import numpy as np


def predict(X: np.ndarray, coef: np.ndarray, b: float) -> np.ndarray:
    return X @ coef + b


def predict_named(X: np.ndarray, coef: np.ndarray) -> np.ndarray:
    y = X @ coef
    return y


def decision(X: np.ndarray, w: np.ndarray) -> np.ndarray:
    z = np.dot(X, w)
    return 1.0 / (1.0 + np.exp(-z))


def squared_loss_grad(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    p = X @ w
    return X.T @ (p - y) / y.shape[0]


def dot_method(X: np.ndarray, w: np.ndarray) -> np.ndarray:
    return -X.dot(w)


def vector_dot(x: np.ndarray, y: np.ndarray) -> float:
    return float(x @ y)


def layer(x: np.ndarray, W: np.ndarray) -> np.ndarray:
    n_out = W.shape[1]
    return np.tanh(x @ W) / n_out


def gram_diag(X: np.ndarray) -> np.ndarray:
    return np.diag(X @ X.T)
