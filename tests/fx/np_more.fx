"""NumPy functions added as compositions (frontend/npsource.py): each kernel is compiled and
compared with the same file run by NumPy (tests/test_np_more_functions.py)."""
import numpy as np
from fastext import boolean, f32, f64, i32, i64, u8


def trap_1d(y: f64[:]) -> f64:
    return np.trapezoid(y)


def trap_dx(y: f32[:], dx: f64) -> f32:
    return np.trapezoid(y, dx=dx)


def trap_x(y: f64[:], x: f64[:]) -> f64:
    return np.trapezoid(y, x)


def trap_axis0(y: f64[:, :], x: f64[:]) -> f64[:]:
    return np.trapezoid(y, x, axis=0)


def trap_2d(y: f64[:, :], x: f64[:, :]) -> f64[:]:
    return np.trapezoid(y, x=x)


def trap_int(y: i64[:, :]) -> f64[:]:
    return np.trapezoid(y, dx=0.5)


def grad(f: f64[:]) -> f64[:]:
    return np.gradient(f)


def grad_dx(f: i64[:], dx: f64) -> f64[:]:
    return np.gradient(f, dx)


def grad_f32(f: f32[:]) -> f32[:]:
    return np.gradient(f, 0.25)


def digitize(x: f64[:], bins: f64[:]) -> i64[:]:
    return np.digitize(x, bins)


def digitize_right(x: f64[:, :], bins: f64[:]) -> i64[:, :]:
    return np.digitize(x, bins, right=True)


def digitize_one(x: f64, bins: i64[:]) -> i64:
    return np.digitize(x, bins)


def ptp(a: f64[:, :]) -> f64:
    return np.ptp(a)


def ptp_axis(a: i32[:, :]) -> i32[:]:
    return np.ptp(a, axis=0)


def ptp_keep(a: u8[:, :]) -> u8[:, :]:
    return np.ptp(a, axis=1, keepdims=True)


def ediff1d(a: f64[:, :]) -> f64[:]:
    return np.ediff1d(a)


def ediff1d_ends(a: i64[:], end: i64[:]) -> i64[:]:
    return np.ediff1d(a, to_end=end, to_begin=-7)


def sinc(x: f64[:]) -> f64[:]:
    return np.sinc(x)


def sinc_f32(x: f32[:, :]) -> f32[:, :]:
    return np.sinc(x)


def sinc_one(x: f64) -> f64:
    return np.sinc(x)


def array_equal(a: f64[:], b: f64[:]) -> bool:
    return np.array_equal(a, b)


def array_equal_nan(a: f64[:, :], b: f64[:, :]) -> bool:
    return np.array_equal(a, b, equal_nan=True)


def array_equal_ranks(a: f64[:], b: f64[:, :]) -> bool:
    return np.array_equal(a, b)


def polyval(p: f64[:], x: f64[:]) -> f64[:]:
    return np.polyval(p, x)


def polyval_mixed(p: i64[:], x: f32[:, :]) -> f64[:, :]:
    return np.polyval(p, x)


def polyval_one(p: f64[:], x: f64) -> f64:
    return np.polyval(p, x)


def vander(x: f64[:]) -> f64[:, :]:
    return np.vander(x)


def vander_n(x: i32[:], n: i64) -> i64[:, :]:
    return np.vander(x, n, increasing=True)


def vander_f32(x: f32[:], n: i64) -> f64[:, :]:
    return np.vander(x, N=n)


def gcd(a: i64[:], b: i64[:, :]) -> i64[:, :]:
    return np.gcd(a, b)


def lcm(a: i32[:], b: i64) -> i32[:]:
    return np.lcm(a, b)


def gcd_u8_out(a: u8[:], b: u8[:], out: u8[:]) -> None:
    np.gcd(a, b, out=out)


def gcd_one(a: i64, b: i64) -> i64:
    return np.gcd(a, b)


def ldexp(x: f64[:], n: i64[:]) -> f64[:]:
    return np.ldexp(x, n)


def ldexp_f32(x: f32[:, :], n: i32) -> f32[:, :]:
    return np.ldexp(x, n)


def modf(x: f64[:]) -> tuple[f64[:], f64[:]]:
    return np.modf(x)


def modf_f32(x: f32[:, :]) -> tuple[f32[:, :], f32[:, :]]:
    return np.modf(x)


def modf_int(x: i64[:]) -> tuple[f64[:], f64[:]]:
    return np.modf(x)


def modf_one(x: f64) -> tuple[f64, f64]:
    return np.modf(x)


def frexp(x: f64[:]) -> tuple[f64[:], i32[:]]:
    return np.frexp(x)


def frexp_f32(x: f32[:, :]) -> tuple[f32[:, :], i32[:, :]]:
    return np.frexp(x)


def frexp_one(x: f64) -> tuple[f64, i32]:
    return np.frexp(x)


def frexp_roundtrip(x: f64[:]) -> f64[:]:
    m, e = np.frexp(x)
    return np.ldexp(m, e)


def rot90(m: f64[:, :], k: i64) -> f64[:, :]:
    return np.rot90(m, k)


def rot90_axes(m: i64[:, :, :]) -> i64[:, :, :]:
    return np.rot90(m, 3, axes=(2, 0))


def rot90_write(m: f64[:, :]) -> None:
    v = np.rot90(m)
    v[-1, 0] = -1.0


def moveaxis(a: f64[:, :, :]) -> f64[:, :, :]:
    return np.moveaxis(a, 0, -1)


def moveaxis_many(a: f64[:, :, :, :]) -> f64[:, :, :, :]:
    return np.moveaxis(a, (0, 3), (2, 1))


def union1d(a: f64[:], b: f64[:]) -> f64[:]:
    return np.union1d(a, b)


def intersect1d(a: i64[:, :], b: f64[:]) -> f64[:]:
    return np.intersect1d(a, b)


def setdiff1d(a: f64[:], b: i64[:]) -> f64[:]:
    return np.setdiff1d(a, b)


def setdiff1d_int(a: i32[:], b: i32[:]) -> i32[:]:
    return np.setdiff1d(a, b)


def unwrap(p: f64[:]) -> f64[:]:
    return np.unwrap(p)


def unwrap_axis(p: f32[:, :], discont: f64) -> f32[:, :]:
    return np.unwrap(p, discont, axis=0)


def unwrap_degrees(p: i64[:]) -> f64[:]:
    return np.unwrap(p, period=360.0)


def corrcoef_xy(x: f64[:], y: f64[:]) -> f64[:, :]:
    return np.corrcoef(x, y)


def cov_xy(x: f64[:, :], y: i64[:]) -> f64[:, :]:
    return np.cov(x, y=y)


def norm_1(m: f64[:, :]) -> f64:
    return np.linalg.norm(m, 1)


def norm_inf(m: f32[:, :]) -> f32:
    return np.linalg.norm(m, ord=np.inf)


def norm_minus(m: i64[:, :]) -> tuple[f64, f64]:
    return np.linalg.norm(m, -1), np.linalg.norm(m, -np.inf)


def norm_fro(m: f64[:, :]) -> f64:
    return np.linalg.norm(m, 'fro')


def norm_2(m: f64[:, :]) -> tuple[f64, f64, f64]:
    return np.linalg.norm(m, 2), np.linalg.norm(m, -2), np.linalg.norm(m, 'nuc')


def norm_2_f32(m: f32[:, :]) -> f32:
    return np.linalg.norm(m, ord=2)


def norm_2_int(m: i64[:, :]) -> f64:
    return np.linalg.norm(m, 'nuc')


def add_reduceat(a: f64[:], ix: i64[:]) -> f64[:]:
    return np.add.reduceat(a, ix)


def add_reduceat_f32(a: f32[:], ix: i32[:]) -> f32[:]:
    return np.add.reduceat(a, ix)


def add_reduceat_rows(a: f64[:, :], ix: i64[:]) -> f64[:, :]:
    return np.add.reduceat(a, ix, axis=0)


def add_reduceat_ints(a: i32[:, :], ix: i64[:]) -> i64[:, :]:
    return np.add.reduceat(a, ix)


def add_reduceat_bool(a: boolean[:], ix: i64[:]) -> i64[:]:
    return np.add.reduceat(a, ix)


def multiply_reduceat(a: f64[:], ix: i64[:]) -> f64[:]:
    return np.multiply.reduceat(a, ix)


def maximum_reduceat(a: f64[:, :], ix: i64[:]) -> f64[:, :]:
    return np.maximum.reduceat(a, ix)


def minimum_reduceat(a: i64[:], ix: i64[:]) -> i64[:]:
    return np.minimum.reduceat(a, ix)


def split(a: f64[:, :], k: i64) -> list[f64[:, :]]:
    return np.split(a, k)


def array_split(a: f64[:], k: i64) -> list[f64[:]]:
    return np.array_split(a, k)


def split_at(a: f64[:, :], ix: i64[:]) -> list[f64[:, :]]:
    return np.split(a, ix, axis=1)


def split_list(a: f64[:]) -> list[f64[:]]:
    return np.split(a, [2, -1, 50])


def split_unpack(a: f64[:]) -> f64:
    x, y = np.split(a, 2)
    return x.sum() - y.sum()


def split_write(a: f64[:]) -> None:
    parts = np.array_split(a, 3)
    parts[1][0] = -5.0


def grad_2d(f: f64[:, :], dy: f64, dx: f64) -> tuple[f64[:, :], f64[:, :]]:
    return np.gradient(f, dy, dx)


def grad_2d_order2(f: f32[:, :]) -> tuple[f32[:, :], f32[:, :]]:
    return np.gradient(f, 0.5, edge_order=2)


def grad_axis(f: i64[:, :, :]) -> f64[:, :, :]:
    return np.gradient(f, axis=1)


def grad_axes(f: f64[:, :, :], d: f64) -> tuple[f64[:, :, :], f64[:, :, :]]:
    return np.gradient(f, d, axis=(2, 0), edge_order=2)


def grad_order2(f: f64[:]) -> f64[:]:
    return np.gradient(f, edge_order=2)


def broadcast_rows(a: f64[:], n: i64) -> f64[:, :]:
    return np.broadcast_to(a, (n, a.shape[0]))


def broadcast_3d(a: f64[:, :], n: i64) -> f64[:, :, :]:
    return np.broadcast_to(a, (2, n, a.shape[1]))


def broadcast_number(x: f64, n: i64) -> f64[:, :]:
    return np.broadcast_to(x, (n, 3))


def broadcast_use(a: f64[:], n: i64) -> f64[:, :]:
    b = np.broadcast_to(a[:, None], (a.shape[0], n))
    return b * 2.0 + b[-1, n - 1]


def broadcast_flat(a: f64[:], n: i64) -> f64[:]:
    return np.broadcast_to(a, (n,))


def broadcast_fresh(n: i64) -> f64[:, :]:
    return np.broadcast_to(np.arange(3.0), (n, 3))
