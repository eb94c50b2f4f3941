"""np.squeeze, np.cross, np.kron, np.triu_indices & co., np.partition, np.argpartition,
np.lexsort: compiled and compared with the same file run by CPython and NumPy
(tests/test_np_shape2.py)."""
import numpy as np
from fastext import f64, f32, i64, i32, boolean


def squeeze0(a: f64[:, :]) -> f64[:]:
    return np.squeeze(a, axis=0)


def squeeze_method(a: f64[:, :, :]) -> f64[:]:
    return a.squeeze(axis=(0, 2))


def squeeze_last(a: i32[:, :]) -> i32[:]:
    return np.squeeze(a, -1)


def squeeze_view(a: f64[:, :]) -> f64[:, :]:
    v = np.squeeze(a[:, None, :], 1)
    v[0, 0] = 7.0           # a view: writes reach a
    return a


def squeeze_expr(a: f64[:, :]) -> f64[:]:
    return np.squeeze(a * 2.0 + 1.0, axis=1)


def cross3(a: f64[:], b: f64[:]) -> f64[:]:
    return np.cross(a, b)


def cross_rows(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.cross(a, b)


def cross_mixed(a: i64[:], b: f64[:, :]) -> f64[:, :]:
    return np.cross(a, b)


def cross_int(a: i32[:], b: i32[:]) -> i32[:]:
    return np.cross(a, b)


def kron1(a: f64[:], b: f64[:]) -> f64[:]:
    return np.kron(a, b)


def kron2(a: f64[:, :], b: i64[:, :]) -> f64[:, :]:
    return np.kron(a, b)


def kron_mixed(a: i64[:], b: i64[:, :]) -> i64[:, :]:
    return np.kron(a, b)


def kron_strided(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.kron(a.T, b[::2])


def triu_idx(n: i64, k: i64) -> tuple[i64[:], i64[:]]:
    return np.triu_indices(n, k)


def tril_idx(n: i64, k: i64, m: i64) -> tuple[i64[:], i64[:]]:
    return np.tril_indices(n, k, m)


def upper_items(a: f64[:, :]) -> f64[:]:
    return a[np.triu_indices(a.shape[0], 1)]


def lower_items_from(a: f64[:, :]) -> f64[:]:
    return a[np.tril_indices_from(a, -1)]


def triu_from(a: f64[:, :]) -> tuple[i64[:], i64[:]]:
    return np.triu_indices_from(a)


def diag_idx(n: i64) -> tuple[i64[:], i64[:]]:
    return np.diag_indices(n)


def set_diagonal(a: f64[:, :]) -> f64[:, :]:
    a[np.diag_indices(a.shape[0])] = -1.0
    return a


def diag3(n: i64) -> tuple[i64[:], i64[:], i64[:]]:
    return np.diag_indices(n, 3)


def partition_kth(a: f64[:], k: i64) -> f64:
    return np.partition(a, k)[k]


def partition_rows(a: f64[:, :], k: i64) -> f64[:]:
    return np.partition(a, k)[:, k]


def partition_flat(a: i64[:, :], k: i64) -> i64:
    return np.partition(a, k, axis=None)[k]


def top_k(scores: f64[:], k: i64) -> f64[:]:
    idx = np.argpartition(-scores, k)[:k]
    return np.sort(scores[idx])


def argpartition_kth(a: f64[:], k: i64) -> f64:
    return a[a.argpartition(k)[k]]


def lexsort2(b: i64[:], a: f64[:]) -> i64[:]:
    return np.lexsort((b, a))


def lexsort3(c: i32[:], b: i64[:], a: i64[:]) -> i64[:]:
    return np.lexsort((c, b, a))


def lexsort1(a: f64[:]) -> i64[:]:
    return np.lexsort((a,))


def partition_full(a: f64[:, :], k: i64) -> f64[:, :]:
    return np.partition(a, k)


def argpartition_full(a: f64[:, :], k: i64) -> i64[:, :]:
    return np.argpartition(a, k, axis=-1)


def partition_int(a: i32[:], k: i64) -> i32[:]:
    return np.partition(a, k)


def argpartition_flat(a: f32[:, :], k: i64) -> i64[:]:
    return np.argpartition(a, k, axis=None)


def squeeze_checked(a: f64[:, :]) -> f64[:]:
    return np.squeeze(a, axis=0)


def cross_checked(a: f64[:], b: f64[:]) -> f64[:]:
    return np.cross(a, b)


def lexsort_checked(b: i64[:], a: i64[:]) -> i64[:]:
    return np.lexsort((b, a))


def partition_empty(a: f64[:], k: i64) -> tuple[f64[:], i64[:]]:
    return np.partition(a, k), np.argpartition(a, k)


def squeeze_transposed(a: f64[:, :]) -> f64[:, :]:
    v = np.squeeze(a.T[:, :, None], axis=2)
    v[1, 0] = -3.0          # a view of a's transpose: writes reach a
    return a
