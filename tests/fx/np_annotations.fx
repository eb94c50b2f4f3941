"""NumPy's and typing's annotations as code annotated for mypy writes them: np.ndarray,
npt.NDArray[np.float64], NDArray, np.ndarray[Any, np.dtype[...]], List/Dict/Tuple (tests/test_np_annotations.py)."""
from typing import List, Tuple, Dict, Any
import numpy as np
import numpy.typing as npt
from numpy.typing import NDArray


def scale(a: npt.NDArray[np.float64], s: float) -> npt.NDArray[np.float64]:
    return a * s


def total(a: np.ndarray) -> float:
    return float(a.sum())


def matvec(m: NDArray[np.float64], v: NDArray[np.float64]) -> NDArray[np.float64]:
    n, k = m.shape
    out = np.zeros(n)
    for i in range(n):
        for j in range(k):
            out[i] += m[i, j] * v[j]
    return out


def row_sums(m: np.ndarray) -> np.ndarray:
    out = np.empty(m.shape[0])
    for i, row in enumerate(m):
        out[i] = row.sum()
    return out


def col_means(m: np.ndarray) -> np.ndarray:
    return m.mean(axis=1)


def counts(a: NDArray[np.int64]) -> Dict[int, int]:
    d: Dict[int, int] = {}
    for x in a:
        d[int(x)] = d.get(int(x), 0) + 1
    return d


def split_pos(a: npt.NDArray[np.float64]) -> Tuple[np.ndarray, np.ndarray]:
    return a[a > 0], a[a <= 0]


def pairs(xs: List[float]) -> List[Tuple[float, float]]:
    out: List[Tuple[float, float]] = []
    for i in range(len(xs) - 1):
        out.append((xs[i], xs[i + 1]))
    return out


def cube_sum(a: np.ndarray[Any, np.dtype[np.float64]]) -> float:
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k]
    return s


def local(a: np.ndarray) -> np.ndarray:
    b: np.ndarray = np.zeros_like(a)
    b[:] = a[::-1]
    return b


def image_blur(img: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    h, w = img.shape
    out = img.copy()
    for y in range(1, h - 1):
        for x in range(1, w - 1):
            out[y, x] = (img[y - 1, x] + img[y + 1, x] + img[y, x - 1] + img[y, x + 1]) / 4
    return out


def nested_index(a: np.ndarray) -> float:
    return a[0][1] + a[1][0]


def shaped(a: np.ndarray[tuple[int, int], np.dtype[np.float64]]) -> float:
    return float(a.sum())


def grid_rows(g: np.ndarray) -> List[float]:
    out = []
    for row in g:
        out.append(float(row.max()))
    return out


def zipped_rows(a: np.ndarray, b: np.ndarray) -> float:
    s = 0.0
    for r, q in zip(a, b):
        s += float(np.dot(r, q))
    return s


def _helper(a: np.ndarray) -> np.ndarray:
    return a[:, 0] * 2.0


def uses_helper(a: NDArray[np.float64]) -> NDArray[np.float64]:
    return _helper(a) + a[:, 1]


class LinearModel:
    def __init__(self, w: npt.NDArray[np.float64], b: float):
        self.w = w
        self.b = b

    def predict(self, X: np.ndarray) -> np.ndarray:
        return X @ self.w + self.b

    def loss(self, X: np.ndarray, y: np.ndarray) -> float:
        r = self.predict(X) - y
        return float(np.mean(r * r))


def fit_eval(X: np.ndarray, y: np.ndarray) -> float:
    n, d = X.shape
    m = LinearModel(np.zeros(d), 0.0)
    for _ in range(50):
        r = m.predict(X) - y
        m.w = m.w - 0.1 * (X.T @ r) / n
        m.b = m.b - 0.1 * r.mean()
    return m.loss(X, y)


def _center(X: np.ndarray) -> np.ndarray:
    return X - X.mean(axis=0)


def _norm(v: np.ndarray) -> float:
    return float(np.sqrt(np.sum(v * v)))


def centred_norms(X: np.ndarray) -> float:
    n, d = X.shape
    Z = _center(X)
    return _norm(Z[0]) + _norm(Z.ravel())
