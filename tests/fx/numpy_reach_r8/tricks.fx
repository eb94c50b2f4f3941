"""NumPy's index tricks and array edits as Stack Overflow answers use them: np.ix_, np.r_, np.c_,
np.delete, np.insert, np.tensordot."""
import numpy as np
from fastext import f64, i64, f32, boolean


def submatrix(m: f64[:, :], rows: i64[:], cols: i64[:]) -> f64[:, :]:
    return m[np.ix_(rows, cols)]


def submask(m: f64[:, :], rows: boolean[:], cols: i64[:]) -> f64[:, :]:
    return m[np.ix_(rows, cols)]


def tensordot_pair(a: f64[:, :, :], b: f64[:, :]) -> f64[:]:
    return np.tensordot(a, b, axes=([1, 2], [0, 1]))


def tensordot_int(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.tensordot(a, b, axes=1)


def r_concat(a: f64[:], b: f64[:]) -> f64[:]:
    return np.r_[a, 0.0, b]


def r_ints(a: i64[:], n: int) -> i64[:]:
    return np.r_[0, a, 2:n]


def r_f32(a: f32[:]) -> f32[:]:
    return np.r_[a, 1.5]


def r_lin(n: int) -> f64[:]:
    return np.r_[0.0:1.0:5j, 7.0]


def c_stack(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.c_[a, b]


def c_mixed(m: f64[:, :], b: f64[:]) -> f64[:, :]:
    return np.c_[np.ones(m.shape[0]), m, b]


def delete_items(a: f64[:], i: int) -> f64[:]:
    return np.delete(a, i)


def delete_list(a: f64[:]) -> f64[:]:
    return np.delete(a, [0, 2, 2])


def delete_row(m: f64[:, :], i: int) -> f64[:, :]:
    return np.delete(m, i, axis=0)


def delete_cols(m: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return np.delete(m, idx, axis=1)


def delete_flat(m: f64[:, :], i: int) -> f64[:]:
    return np.delete(m, i)


def insert_item(a: f64[:], i: int, v: float) -> f64[:]:
    return np.insert(a, i, v)


def insert_list(a: i64[:]) -> i64[:]:
    return np.insert(a, 1, [7, 8])


def insert_row(m: f64[:, :], i: int, row: f64[:]) -> f64[:, :]:
    return np.insert(m, i, row, axis=0)


def insert_col(m: f64[:, :], i: int) -> f64[:, :]:
    return np.insert(m, i, 0.0, axis=1)


def cumsum_ma(x: f64[:], w: int) -> f64[:]:
    c = np.cumsum(np.insert(x, 0, 0.0))
    return (c[w:] - c[:-w]) / w


def delete_mask(a: f64[:], m: boolean[:]) -> f64[:]:
    return np.delete(a, m)
