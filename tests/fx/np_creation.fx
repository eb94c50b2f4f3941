"""Creation and shape functions of NumPy (tests/test_np_creation.py): each function is run
compiled and interpreted (plain Python with real NumPy) and the results compared."""
import numpy as np
from numpy import concatenate, linspace
from fastext import f32, f64, i8, i32, i64, u8, u64, c128, boolean


# ---------------------------------------------------------------- np.array, np.asarray

def lit_2d() -> f64[:, :]:
    return np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])


def lit_3d() -> i64[:, :, :]:
    return np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])


def lit_mixed(x: f64, n: i64) -> f64[:]:
    return np.array([x, n, 3, True])


def lit_ints(n: i64, m: i64) -> i64[:]:
    return np.array((n, m, -1))


def lit_bools(p: bool) -> boolean[:]:
    return np.array([p, not p, True])


def lit_complex(x: f64) -> c128[:]:
    return np.array([x, 1j, 2])


def lit_dtype_i32(n: i64, x: f64) -> i32[:]:
    return np.array([n, x, 7], dtype=np.int32)


def lit_dtype_u8(n: i64) -> u8[:]:
    return np.array([n, 1], dtype=np.uint8)


def lit_dtype_f32(x: f64) -> f32[:]:
    return np.array([x, 0.1], dtype=np.float32)


def lit_dtype_bool(x: f64, n: i64) -> boolean[:]:
    return np.array([x, n, 0.0], dtype=bool)


def lit_float_into_int(x: f64) -> i64[:]:
    return np.array([x], dtype=np.int64)


def lit_strong(a: f32[:]) -> f32[:]:
    return np.array([a[0], a[1]])


def lit_strong_weak(a: f32[:]) -> f64[:]:
    return np.array([a[0], 1.0])


def lit_strong_ints(a: i8[:]) -> i8[:]:
    return np.array([a[0], a[1], a[0] + a[1]])


def lit_empty() -> f64[:]:
    return np.array([])


def lit_shape(a: f64[:, :]) -> i64[:]:
    return np.array(a.shape)


def lit_of_arrays(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.array([a, b * 2.0, a])


def array_copy(a: f64[:]) -> f64[:]:
    b = np.array(a)
    b[0] = -1.0
    return b


def array_convert(a: f64[:]) -> i32[:]:
    return np.array(a, dtype=np.int32)


def asarray_alias(a: f64[:]) -> None:
    b = np.asarray(a)
    b[0] = -5.0


def asarray_convert(a: i64[:]) -> f64[:]:
    return np.asarray(a, dtype=np.float64) / 2


def asarray_list(n: i64) -> i64[:]:
    return np.asarray([n, n + 1])


# ---------------------------------------------------------------- arange, linspace, eye, identity

def arange_stop(n: i64) -> i64[:]:
    return np.arange(n)


def arange_int(start: i64, stop: i64, step: i64) -> i64[:]:
    return np.arange(start, stop, step)


def arange_float(start: f64, stop: f64, step: f64) -> f64[:]:
    return np.arange(start, stop, step)


def arange_mixed(stop: f64) -> f64[:]:
    return np.arange(1, stop)


def arange_f32_dtype(start: f64, stop: f64, step: f64) -> f32[:]:
    return np.arange(start, stop, step, dtype=np.float32)


def arange_int_dtype(start: f64, stop: f64, step: f64) -> i64[:]:
    return np.arange(start, stop, step, dtype=np.int64)


def arange_u8(start: i64, stop: i64) -> u8[:]:
    return np.arange(start, stop, dtype=np.uint8)


def arange_strong(a: f32[:]) -> f64[:]:
    return np.arange(a[0], 1, a[1])


def arange_keywords(n: i64) -> f64[:]:
    return np.arange(start=1, stop=n, step=2, dtype=float)


def linspace_basic(start: f64, stop: f64, num: i64) -> f64[:]:
    return np.linspace(start, stop, num)


def linspace_open(start: f64, stop: f64, num: i64) -> f64[:]:
    return linspace(start, stop, num, endpoint=False)


def linspace_default(start: f64, stop: f64) -> f64[:]:
    return np.linspace(start, stop)


def linspace_ints(start: i64, stop: i64, num: i64) -> i64[:]:
    return np.linspace(start, stop, num, dtype=np.int64)


def linspace_f32(a: f32[:], num: i64) -> f32[:]:
    return np.linspace(a[0], a[1], num)


def linspace_f32_weak_start(a: f32[:], num: i64) -> f32[:]:
    return np.linspace(0.1, a[1], num)


def linspace_to_f32(start: f64, stop: f64, num: i64) -> f32[:]:
    return np.linspace(start, stop, num, dtype=np.float32)


def eye_n(n: i64) -> f64[:, :]:
    return np.eye(n)


def eye_full(n: i64, m: i64, k: i64) -> i32[:, :]:
    return np.eye(n, m, k, dtype=np.int32)


def eye_keywords(n: i64, k: i64) -> boolean[:, :]:
    return np.eye(n, k=k, dtype=bool)


def identity_n(n: i64) -> f64[:, :]:
    return np.identity(n)


def identity_c(n: i64) -> c128[:, :]:
    return np.identity(n, dtype=complex)


# ---------------------------------------------------------------- dtype=a.dtype, a.shape as shapes

def zeros_like_shape(a: f32[:, :], n: i64) -> f32[:, :]:
    return np.zeros((n, a.shape[1]), dtype=a.dtype)


def empty_filled(a: i32[:, :]) -> i32[:, :]:
    out = np.empty(a.shape, dtype=a.dtype)
    out[...] = 3
    return out


def astype_dtype_of(a: f64[:], b: i32[:]) -> i32[:]:
    return a.astype(b.dtype)


# ---------------------------------------------------------------- reshape, ravel, flatten, astype

def reshape_args(a: f64[:], r: i64, c: i64) -> f64[:, :]:
    return a.reshape(r, c) * 1.0


def reshape_tuple(a: f64[:], r: i64) -> f64[:, :]:
    return np.reshape(a * 2.0, (r, -1))


def reshape_shape_of(a: f64[:, :], b: f64[:]) -> f64[:, :]:
    return b.reshape(a.shape) + a


def reshape_flat(a: f64[:, :, :]) -> f64[:]:
    return a.reshape(-1) + 0.0


def reshape_3d(a: i64[:]) -> i64[:, :, :]:
    return (a + 1).reshape(2, -1, 2)


def reshape_write(a: f64[:], r: i64) -> None:
    # a view when NumPy gives one (a contiguous or splittable input): the store reaches `a`
    v = a.reshape(r, -1)
    v[0, 1] = -1.0


def reshape_strided_write(a: f64[:]) -> None:
    v = a[::2].reshape(2, -1)
    v[1, 0] = -2.0


def reshape_transposed_write(a: f64[:, :]) -> None:
    # a.T of a C-contiguous 2-D array cannot be flattened without a copy: `a` keeps its items
    v = a.T.reshape(-1)
    v[1] = -3.0


def reshape_sliced_write(a: f64[:, :, :]) -> None:
    v = a[:, ::2, :].reshape(a.shape[0], -1)
    v[0, 1] = -4.0


def ravel_write(a: f64[:, :]) -> None:
    v = a.ravel()
    v[1] = -5.0


def ravel_np(a: i64[:, :]) -> i64[:]:
    return np.ravel(a) * 1


def flatten_write(a: f64[:, :]) -> f64[:]:
    v = a.flatten()
    v[0] = -6.0
    return v


def astype_int(a: f64[:]) -> i32[:]:
    return a.astype(np.int32)


def astype_i64(a: f64[:]) -> i64[:]:
    return a.astype(np.int64)


def astype_u8(a: f64[:]) -> u8[:]:
    return a.astype(np.uint8)


def astype_u64(a: f64[:]) -> u64[:]:
    return a.astype(np.uint64)


def astype_bool(a: f64[:]) -> boolean[:]:
    return a.astype(bool)


def astype_f32(a: i64[:, :]) -> f32[:, :]:
    return a.astype(np.float32)


def astype_fused(a: f64[:]) -> f32[:]:
    return a.astype(np.float32) * 2


def astype_same_is_copy(a: f64[:]) -> f64[:]:
    b = a.astype(np.float64)
    b[0] = 42.0
    return b


# ---------------------------------------------------------------- concatenate & the stacks

def concat2(a: f64[:], b: i64[:]) -> f64[:]:
    return np.concatenate((a, b))


def concat_axis1(a: f64[:, :], b: f64[:, :], c: f64[:, :]) -> f64[:, :]:
    return concatenate([a, b * 2.0, c], axis=1)


def concat_axis0(a: i32[:, :], b: i32[:, :]) -> i32[:, :]:
    return np.concatenate((a, b), axis=0)


def concat_none(a: f64[:, :], b: f64[:]) -> f64[:]:
    return np.concatenate((a, b), axis=None)


def concat_tuple_value(a: f64[:], b: f64[:]) -> f64[:]:
    parts = (a, b, a)
    return np.concatenate(parts)


def concat_dtype(a: f64[:], b: f64[:]) -> f32[:]:
    return np.concatenate((a, b), dtype=np.float32)


def stack0(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.stack((a, b))


def stack_axis(a: f64[:, :], b: f64[:, :]) -> f64[:, :, :]:
    return np.stack([a, b], axis=-1)


def stack_mid(a: i64[:, :], b: i64[:, :]) -> i64[:, :, :]:
    return np.stack((a, b, a), axis=1)


def hstack1(a: f64[:], b: i32[:]) -> f64[:]:
    return np.hstack((a, b))


def hstack2(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    return np.hstack((a, b))


def vstack1(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.vstack((a, b))


def vstack_mixed(a: f64[:], b: f64[:, :]) -> f64[:, :]:
    return np.vstack((a, b, a))


def column_stack1(a: f64[:], b: i64[:]) -> f64[:, :]:
    return np.column_stack((a, b))


def column_stack_mixed(a: f64[:], b: f64[:, :]) -> f64[:, :]:
    return np.column_stack((a, b))


# ---------------------------------------------------------------- tile, repeat, roll, diff, flip

def tile_int(a: f64[:], r: i64) -> f64[:]:
    return np.tile(a, r)


def tile_2d(a: i32[:, :], r: i64, c: i64) -> i32[:, :]:
    return np.tile(a, (r, c))


def tile_up(a: f64[:], r: i64) -> f64[:, :, :]:
    return np.tile(a, (r, 2, 1))


def repeat_flat(a: f64[:, :], r: i64) -> f64[:]:
    return np.repeat(a, r)


def repeat_axis(a: f64[:, :], r: i64) -> f64[:, :]:
    return np.repeat(a, r, axis=0)


def repeat_method(a: i64[:, :], r: i64) -> i64[:, :]:
    return a.repeat(r, axis=-1)


def roll_flat(a: f64[:, :], s: i64) -> f64[:, :]:
    return np.roll(a, s)


def roll_axis(a: f64[:, :], s: i64) -> f64[:, :]:
    return np.roll(a, s, axis=0)


def roll_axes(a: f64[:, :], s: i64, t: i64) -> f64[:, :]:
    return np.roll(a, (s, t), axis=(0, 1))


def roll_stencil(u: f64[:, :]) -> f64[:, :]:
    return np.roll(u, 1, axis=0) + np.roll(u, -1, axis=0) + np.roll(u, 1, axis=1) + np.roll(u, -1, axis=1) - 4 * u


def diff1(a: f64[:]) -> f64[:]:
    return np.diff(a)


def diff2(a: i64[:, :]) -> i64[:, :]:
    return np.diff(a, n=2, axis=0)


def diff_u8(a: u8[:]) -> u8[:]:
    return np.diff(a)


def diff_bool(a: boolean[:]) -> boolean[:]:
    return np.diff(a)


def diff_expr(a: f64[:, :]) -> f64[:, :]:
    return np.diff(a * a, 1, -1)


def flip_all(a: f64[:, :]) -> f64[:, :]:
    return np.flip(a) * 1.0


def flip_axis(a: f64[:, :, :]) -> f64[:, :, :]:
    return np.flip(a, axis=(0, 2)) + 0.0


def flip_lr_ud(a: i64[:, :]) -> i64[:, :]:
    return np.fliplr(a) * 10 + np.flipud(a)


def flip_write(a: f64[:]) -> None:
    v = np.flip(a)
    v[0] = -7.0


def flip_empty(n: i64) -> f64[:]:
    return np.flip(np.zeros(n))


# ---------------------------------------------------------------- sort, argsort, unique, searchsorted

def sort_last(a: f64[:, :]) -> f64[:, :]:
    return np.sort(a)


def sort_axis0(a: f64[:, :]) -> f64[:, :]:
    return np.sort(a, axis=0)


def sort_flat(a: i32[:, :]) -> i32[:]:
    return np.sort(a, axis=None)


def sort_1d(a: f64[:]) -> f64[:]:
    return np.sort(a)


def sort_ints(a: i64[:]) -> i64[:]:
    return np.sort(a)


def sort_u8(a: u8[:]) -> u8[:]:
    return np.sort(a)


def sort_bool(a: boolean[:]) -> boolean[:]:
    return np.sort(a)


def sort_f32(a: f32[:]) -> f32[:]:
    return np.sort(a)


def sort_expr(a: f64[:]) -> f64[:]:
    return np.sort(-a * 2.0)


def sort_inplace(a: f64[:]) -> None:
    a.sort()


def sort_inplace_axis(a: i64[:, :]) -> None:
    a.sort(axis=0)


def sort_inplace_view(a: f64[:, :]) -> None:
    a[:, ::2].sort()


def argsort_1d(a: f64[:]) -> i64[:]:
    return np.argsort(a)


def argsort_ints(a: i64[:]) -> i64[:]:
    return a.argsort()


def argsort_axis0(a: f64[:, :]) -> i64[:, :]:
    return np.argsort(a, axis=0)


def argsort_flat(a: i32[:, :]) -> i64[:]:
    return np.argsort(a, axis=None)


def unique_ints(a: i64[:]) -> i64[:]:
    return np.unique(a)


def unique_floats(a: f64[:, :]) -> f64[:]:
    return np.unique(a)


def unique_bool(a: boolean[:]) -> boolean[:]:
    return np.unique(a)


def unique_all(a: f64[:]) -> tuple[f64[:], i64[:], i64[:], i64[:]]:
    return np.unique(a, return_index=True, return_inverse=True, return_counts=True)


def unique_counts(a: i32[:, :]) -> tuple[i32[:], i64[:]]:
    return np.unique(a, return_counts=True)


def unique_inverse(a: i64[:, :]) -> tuple[i64[:], i64[:, :]]:
    return np.unique(a, return_inverse=True)


def unique_index_bool(a: boolean[:]) -> tuple[boolean[:], i64[:]]:
    return np.unique(a, return_index=True, return_inverse=False)


def unique_rebuilt(a: f64[:]) -> f64[:]:
    values, inverse = np.unique(a * 2.0, return_inverse=True)
    return values[inverse]


def unique_histogram(a: i64[:]) -> tuple[i64[:], i64[:], i64]:
    values, first, counts = np.unique(a, return_counts=True, return_index=True)
    return values, first, np.sum(counts)


def isin_floats(a: f64[:, :], t: f64[:]) -> boolean[:, :]:
    return np.isin(a, t)


def isin_mixed(a: i64[:], t: f64[:, :]) -> boolean[:]:
    return np.isin(a, t)


def isin_invert(a: i32[:], t: u8[:]) -> boolean[:]:
    return np.isin(a * 2, t, invert=True, assume_unique=True)


def isin_bool(a: boolean[:], t: boolean[:]) -> boolean[:]:
    return np.isin(a, t, kind=None)


def isin_count(a: i64[:], t: i64[:]) -> i64:
    return np.count_nonzero(np.isin(a, t[::2]))


def search_left(a: f64[:], v: f64[:]) -> i64[:]:
    return np.searchsorted(a, v)


def search_right(a: f64[:], v: f64[:, :]) -> i64[:, :]:
    return np.searchsorted(a, v, side="right")


def search_scalar(a: i64[:], x: f64) -> i64:
    return np.searchsorted(a, x)


def search_scalar_right(a: i64[:], x: i64) -> i64:
    return a.searchsorted(x, side="right")


def search_f32(a: f32[:], x: f64) -> i64:
    return np.searchsorted(a, x, side="right")


def search_expr(a: i64[:], v: i64[:]) -> i64[:]:
    return np.searchsorted(a, v * 2 - 1)


# ---------------------------------------------------------------- meshgrid

def meshgrid_xy(x: f64[:], y: i64[:]) -> tuple[f64[:, :], i64[:, :]]:
    return np.meshgrid(x, y)


def meshgrid_ij(x: f64[:], y: f64[:]) -> tuple[f64[:, :], f64[:, :]]:
    return np.meshgrid(x, y, indexing="ij")


def meshgrid_3(x: f64[:], y: f64[:], z: f64[:]) -> tuple[f64[:, :, :], f64[:, :, :], f64[:, :, :]]:
    return np.meshgrid(x, y, z)


def meshgrid_use(x: f64[:], y: f64[:]) -> f64[:, :]:
    xx, yy = np.meshgrid(x, y)
    return np.sqrt(xx ** 2 + yy ** 2)
