"""Advanced indexing (docs/numpy-indexing.md): compiled and interpreted must agree (tests/test_np_indexing.py)."""
import numpy as np
from fastext import boolean, c128, f32, f64, i8, i16, i32, i64, u8, u16, u64


# ------------------------------------------------------------------ boolean masks, reads

def mask_1d(a: f64[:], m: boolean[:]) -> f64[:]:
    return a[m]


def mask_2d(a: f64[:, :], m: boolean[:, :]) -> f64[:]:
    return a[m]


def mask_rows(a: f64[:, :], m: boolean[:]) -> f64[:, :]:
    return a[m]


def mask_expr(a: f64[:]) -> f64[:]:
    return a[a > 0]


def mask_band(a: f64[:, :], lo: f64, hi: f64) -> f64[:]:
    return a[(a > lo) & (a < hi)]


def mask_other(a: i32[:], b: f64[:]) -> i32[:]:
    return a[np.abs(b) > 1.0]


def mask_rows_slice(a: f64[:, :], m: boolean[:]) -> f64[:, :]:
    return a[m, 1:]


def mask_cols(a: f64[:, :], m: boolean[:]) -> f64[:, :]:
    return a[:, m]


def mask_row_of(a: f64[:, :], i: int, m: boolean[:]) -> f64[:]:
    return a[i, m]


def mask_of_view(a: f64[:], m: boolean[:]) -> f64[:]:
    return a[::-2][m]


def mask_bool_items(a: boolean[:], m: boolean[:]) -> boolean[:]:
    return a[m]


def mask_complex(a: c128[:]) -> c128[:]:
    return a[a.real > 0]


def mask_sum(a: f64[:]) -> f64:
    return a[a > 0].sum()


def mask_len(a: f64[:, :]) -> int:
    return len(a[a > 0.5])


# ------------------------------------------------------------------ integer arrays, reads

def take_1d(a: f64[:], idx: i64[:]) -> f64[:]:
    return a[idx]


def take_i32(a: i32[:], idx: i32[:]) -> i32[:]:
    return a[idx]


def take_u8(a: f32[:], idx: u8[:]) -> f32[:]:
    return a[idx]


def take_u64(a: f64[:], idx: u64[:]) -> f64[:]:
    return a[idx]


def take_2d_index(a: f64[:], idx: i16[:, :]) -> f64[:, :]:
    return a[idx]


def take_rows(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a[idx]


def take_rows_slice(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a[idx, 1:]


def take_cols(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a[:, idx]


def take_cols_slice(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a[::-1, idx]


def take_pairs(a: f64[:, :], i: i64[:], j: i64[:]) -> f64[:]:
    return a[i, j]


def take_pairs_broadcast(a: f64[:, :], i: i64[:, :], j: i64[:]) -> f64[:, :]:
    return a[i, j]


def take_row_scalar(a: f64[:, :], i: int, idx: i64[:]) -> f64[:]:
    return a[i, idx]


def take_col_scalar(a: f64[:, :], idx: i64[:], j: int) -> f64[:]:
    return a[idx, j]


def take_mask_and_index(a: f64[:, :], m: boolean[:], idx: i64[:]) -> f64[:]:
    return a[m, idx]


def take_index_expr(a: f64[:], idx: i64[:]) -> f64[:]:
    return a[(idx * 3) % len(a)]


def take_of_expr(a: f64[:], idx: i64[:]) -> f64[:]:
    return (a * 2.0)[idx]


def take_twice(a: f64[:], idx: i64[:], m: boolean[:]) -> f64[:]:
    return a[idx][m]


def take_nonzero_tuple(a: f64[:, :]) -> f64[:]:
    return a[np.nonzero(a > 0.5)]


def take_where_tuple(a: f64[:]) -> f64[:]:
    ix = np.where(a > 0.0)
    return a[ix]


def take_ellipsis(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a[..., idx]


def gather_loop(a: f64[:], idx: i64[:]) -> f64:
    s = 0.0
    v = a[idx]
    for k in range(len(v)):
        s += v[k]
    return s


# ------------------------------------------------------------------ boolean masks, stores

def clamp(a: f64[:]) -> None:
    a[a < 0] = 0.0


def set_mask(a: f64[:], m: boolean[:], v: f64) -> None:
    a[m] = v


def set_mask_int(a: i32[:], m: boolean[:], v: int) -> None:
    a[m] = v


def set_mask_2d(a: f64[:, :], m: boolean[:, :], v: f64) -> None:
    a[m] = v


def set_mask_values(a: f64[:], m: boolean[:], v: f64[:]) -> None:
    a[m] = v


def set_mask_from(a: f64[:], b: f64[:], m: boolean[:]) -> None:
    a[m] = b[m]


def set_mask_map(a: f64[:, :], b: f32[:, :]) -> None:
    a[b > 0] = b[b > 0] * 2 + a[b > 0]


def set_mask_rows(a: f64[:, :], m: boolean[:], v: f64) -> None:
    a[m] = v


def set_mask_rows_values(a: f64[:, :], m: boolean[:], row: f64[:]) -> None:
    a[m] = row


def set_mask_shifted(a: f64[:]) -> None:
    a[a[::-1] > 0] = a[::-1][a[::-1] > 0]


def set_mask_bool(a: boolean[:], m: boolean[:]) -> None:
    a[m] = True


def bump(a: f64[:]) -> None:
    a[a > 0] += 1


def scale_mask(a: i64[:], m: boolean[:]) -> None:
    a[m] *= 3


def halve_mask(a: i32[:, :]) -> None:
    a[a > 10] //= 2


def add_mask_values(a: f64[:], m: boolean[:], v: f64[:]) -> None:
    a[m] += v


def add_mask_rows(a: f64[:, :], m: boolean[:]) -> None:
    a[m] += 1.5


def bump_view(a: f64[:, :]) -> None:
    a[1:][a[1:] > 0] += 10


# ------------------------------------------------------------------ integer arrays, stores

def put_1d(a: f64[:], idx: i64[:], v: f64[:]) -> None:
    a[idx] = v


def put_scalar(a: f64[:], idx: i32[:], v: f64) -> None:
    a[idx] = v


def put_pairs(a: f64[:, :], i: i64[:], j: i64[:], v: f64) -> None:
    a[i, j] = v


def put_rows(a: f64[:, :], idx: i64[:], row: f64[:]) -> None:
    a[idx] = row


def put_cols(a: f64[:, :], idx: i64[:], v: f64[:, :]) -> None:
    a[:, idx] = v


def put_rows_slice(a: f64[:, :], idx: i64[:], v: f64) -> None:
    a[idx, 1:] = v


def put_self(a: i64[:]) -> None:
    a[a] = 0


def put_reversed(a: f64[:], idx: i64[:]) -> None:
    a[idx] = a[::-1]


def put_int_from_int(a: i64[:], idx: i64[:], v: i32[:]) -> None:
    a[idx] = v


def add_at(a: f64[:], idx: i64[:], v: f64) -> None:
    a[idx] += v


def add_at_values(a: f64[:], idx: i64[:], v: f64[:]) -> None:
    a[idx] += v


def add_pairs(a: i64[:, :], i: i64[:], j: i64[:]) -> None:
    a[i, j] += 1


def add_cols(a: f64[:, :], idx: i64[:]) -> None:
    a[:, idx] *= 2.0


# ------------------------------------------------------------------ functions

def nonzero_1d(a: f64[:]) -> tuple[i64[:]]:
    return np.nonzero(a)


def nonzero_2d(a: i32[:, :]) -> tuple[i64[:], i64[:]]:
    return np.nonzero(a)


def nonzero_method(a: boolean[:, :]) -> tuple[i64[:], i64[:]]:
    return a.nonzero()


def where_1(a: f64[:, :]) -> tuple[i64[:], i64[:]]:
    return np.where(a > 0.5)


def flatnonzero(a: f64[:, :]) -> i64[:]:
    return np.flatnonzero(a)


def argwhere(a: f64[:, :]) -> i64[:, :]:
    return np.argwhere(a > 0.5)


def argwhere_1d(a: u8[:]) -> i64[:, :]:
    return np.argwhere(a)


def take(a: f64[:, :], idx: i64[:]) -> f64[:]:
    return np.take(a, idx)


def take_axis0(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return np.take(a, idx, axis=0)


def take_axis1(a: f64[:, :], idx: i64[:, :]) -> f64[:, :, :]:
    return np.take(a, idx, axis=-1)


def take_wrap(a: f64[:], idx: i64[:]) -> f64[:]:
    return np.take(a, idx, mode="wrap")


def take_clip(a: f64[:, :], idx: i64[:]) -> f64[:, :]:
    return a.take(idx, axis=1, mode="clip")


def take_scalar(a: f64[:], i: int) -> f64:
    return np.take(a, i)


def extract(c: f64[:, :], a: f64[:, :]) -> f64[:]:
    return np.extract(c > 0.5, a)


def extract_flat(c: i64[:], a: f64[:, :]) -> f64[:]:
    return np.extract(c, a)


def power_where(a: i64[:], b: i64[:], e: i64[:]) -> None:
    a[e >= -1] = b[e >= -1] ** e[e >= -1]


def take_rows_3d(a: f64[:, :, :], idx: i64[:]) -> f64[:, :, :]:
    return a[idx]


def take_middle_3d(a: f64[:, :, :], idx: i64[:, :]) -> f64[:, :, :, :]:
    return a[:, idx, 1:]


def put_rows_3d(a: f64[:, :, :], idx: i64[:], v: f64[:, :]) -> None:
    a[idx] = v


# ---------------------------------------------------------------- np.<ufunc>.at: unbuffered, repeats count

def ufunc_add_at(a: f64[:], idx: i64[:], v: f64[:]) -> None:
    np.add.at(a, idx, v)


def ufunc_add_at_one(a: i64[:], idx: i32[:]) -> None:
    np.add.at(a, idx, 1)


def ufunc_subtract_at(a: i32[:], idx: u8[:], v: i64) -> None:
    np.subtract.at(a, idx, v)


def ufunc_multiply_at(a: f32[:], idx: i64[:], v: f64) -> None:
    np.multiply.at(a, idx, v)


def ufunc_maximum_at(a: f64[:], idx: i64[:], v: f64[:]) -> None:
    np.maximum.at(a, idx, v)


def ufunc_minimum_at(a: i8[:], idx: i64[:], v: i64[:]) -> None:
    np.minimum.at(a, idx, v * 100)


def ufunc_at_wraps(a: i8[:], idx: i64[:]) -> None:
    np.add.at(a, idx, 300)


def ufunc_at_truncates(a: i64[:], idx: i64[:]) -> None:
    np.add.at(a, idx, 1.5)


def ufunc_at_rows(a: f64[:, :], idx: i64[:], v: f64[:]) -> None:
    np.add.at(a, idx, v)


def ufunc_at_pairs(a: c128[:, :], i: i64[:], j: i64[:]) -> None:
    np.add.at(a, (i, j), 1.0 + 1.0j)


def ufunc_at_view(a: f64[:, :], i: i64[:]) -> None:
    np.add.at(a[:, 1], i, 2.0)


def ufunc_at_histogram(x: i64[:], n: i64) -> i64[:]:
    out = np.zeros(n, dtype=np.int64)
    np.add.at(out, x, 1)
    return out
