"""NumPy code as others write it (issue 10's breadth check): kernels in the styles of public
NumPy, Numba and Pythran benchmark suites, written for this test and annotated only.  Each is
compiled and compared with the same file run by CPython and NumPy (tests/test_np_breadth.py).
Written with `from fastext import *` and a local that shadows a module function (`julia`), as
such code often is."""
import math

import numpy as np
from fastext import *


def cronbach(items: f64[:, :]) -> f64:
    items = items.T
    k = items.shape[0]
    variances = items.var(axis=1, ddof=1)
    total = items.sum(axis=0)
    return k / (k - 1.0) * (1 - variances.sum() / total.var(ddof=1))



def create_grid(x: f64[:]) -> f64[:, :]:
    n = x.shape[0]
    out = np.empty((n, n), dtype=np.float64)
    out[:, :] = x[:, None] * x[None, :]
    return out



def fdtd(ex: f64[:, :], ey: f64[:, :], hz: f64[:, :], steps: i64) -> f64[:, :]:
    nx, ny = hz.shape
    for t in range(steps):
        ey[0, :] = float(t)
        ey[1:, :] = ey[1:, :] - 0.5 * (hz[1:, :] - hz[:-1, :])
        ex[:, 1:] = ex[:, 1:] - 0.5 * (hz[:, 1:] - hz[:, :-1])
        hz[:-1, :-1] = hz[:-1, :-1] - 0.7 * (ex[:-1, 1:] - ex[:-1, :-1] + ey[1:, :-1] - ey[:-1, :-1])
    return hz



def growcut(image: f64[:, :, :], state: f64[:, :, :], window: i64) -> f64[:, :, :]:
    height = image.shape[0]
    width = image.shape[1]
    out = state.copy()
    for j in range(width):
        for i in range(height):
            winning_colony = state[i, j, 0]
            defense = state[i, j, 1]
            for jj in range(max(j - window, 0), min(j + window + 1, width)):
                for ii in range(max(i - window, 0), min(i + window + 1, height)):
                    if ii == i and jj == j:
                        continue
                    d = image[i, j, 0] - image[ii, jj, 0]
                    s = d * d
                    for c in range(1, 3):
                        d = image[i, j, c] - image[ii, jj, c]
                        s += d * d
                    gval = 1.0 - math.sqrt(s) / math.sqrt(3.0)
                    attack = gval * state[ii, jj, 1]
                    if attack > defense:
                        defense = attack
                        winning_colony = state[ii, jj, 0]
            out[i, j, 0] = winning_colony
            out[i, j, 1] = defense
    return out



def hasting(x: f64[:], mu: f64, sigma: f64) -> f64[:]:
    return np.exp(-((x - mu) ** 2) / (2 * sigma ** 2)) / (sigma * np.sqrt(2 * np.pi))



def hyantes(xmin: f64, ymin: f64, xmax: f64, ymax: f64, step: f64, range_: f64, range_x: i64, range_y: i64, t: f64[:, :]) -> f64[:, :]:
    pt = np.zeros((range_x, range_y))
    for i in range(range_x):
        for j in range(range_y):
            xi = xmin + step * i
            yj = ymin + step * j
            for k in range(t.shape[0]):
                tmp = 6368.0 * math.acos(math.cos(xi) * math.cos(t[k, 0]) * math.cos(yj - t[k, 1]) + math.sin(xi) * math.sin(t[k, 0]))
                if tmp < range_:
                    pt[i, j] += t[k, 2] / (1 + tmp)
    return pt



def lapl3d(u: f64[:, :, :]) -> f64[:, :, :]:
    out = np.zeros_like(u)
    out[1:-1, 1:-1, 1:-1] = (u[:-2, 1:-1, 1:-1] + u[2:, 1:-1, 1:-1] + u[1:-1, :-2, 1:-1]
        + u[1:-1, 2:, 1:-1] + u[1:-1, 1:-1, :-2] + u[1:-1, 1:-1, 2:] - 6.0 * u[1:-1, 1:-1, 1:-1])
    return out



def lstsqr(x: f64[:], y: f64[:]) -> tuple[f64, f64]:
    x_avg = np.average(x)
    y_avg = np.average(y)
    dx = x - x_avg
    dy = y - y_avg
    var_x = np.sum(dx ** 2)
    cov_xy = np.sum(dx * dy)
    slope = cov_xy / var_x
    y_interc = y_avg - slope * x_avg
    return slope, y_interc



def multiple_sum(a: f64[:, :]) -> f64:
    r = 0.0
    for i in range(a.shape[0]):
        r += np.sum(a[i]) + np.sum(a[i] ** 2) + a[i].max()
    return r



def periodic_dist(x: f64[:], y: f64[:], z: f64[:], L: f64, periodic_x: bool, periodic_y: bool, periodic_z: bool) -> f64[:, :]:
    N = len(x)
    xtemp = np.tile(x, (N, 1))
    dx = xtemp - xtemp.T
    ytemp = np.tile(y, (N, 1))
    dy = ytemp - ytemp.T
    ztemp = np.tile(z, (N, 1))
    dz = ztemp - ztemp.T
    if periodic_x:
        dx[dx > L / 2] = dx[dx > L / 2] - L
        dx[dx < -L / 2] = dx[dx < -L / 2] + L
    if periodic_y:
        dy[dy > L / 2] = dy[dy > L / 2] - L
        dy[dy < -L / 2] = dy[dy < -L / 2] + L
    if periodic_z:
        dz[dz > L / 2] = dz[dz > L / 2] - L
        dz[dz < -L / 2] = dz[dz < -L / 2] + L
    d = np.sqrt(dx ** 2 + dy ** 2 + dz ** 2)
    d[d == 0] = -1
    return d



def repeating(x: f64[:], nvar_y: i64) -> f64[:]:
    nvar_x = x.shape[0]
    y = np.empty(nvar_x * (1 + nvar_y))
    y[0:nvar_x] = x[0:nvar_x]
    y[nvar_x:] = np.repeat(x, nvar_y)
    return y



def reverse_cumsum(x: f64[:]) -> f64[:]:
    return np.cumsum(x[::-1])[::-1]



def slowparts(d: f64[:, :], re: f64[:, :], de: f64[:, :], doa: f64) -> f64[:]:
    n = d.shape[0]
    out = np.zeros(n)
    for i in range(n):
        row = d[i]
        m = row > 0
        out[i] = np.sum(re[i][m] * np.exp(-de[i][m] * doa)) / max(1, np.count_nonzero(m))
    return out



def smoothing(x: f64[:], alf: f64) -> f64[:]:
    s = x.copy()
    for i in range(1, len(x)):
        s[i] = alf * x[i] + (1 - alf) * s[i - 1]
    return s



def specialconvolve(a: f64[:, :]) -> f64[:, :]:
    rowconvol = a[1:-1, :] + a[:-2, :] + a[2:, :]
    colconvol = rowconvol[:, 1:-1] + rowconvol[:, :-2] + rowconvol[:, 2:] - 9 * a[1:-1, 1:-1]
    return colconvol



def vibr_energy(harmonic: f64[:], anharmonic: f64[:], i: f64[:]) -> f64[:]:
    return np.exp(-harmonic * i - anharmonic * (i ** 2))



def wdist(A: f64[:, :], B: f64[:, :], W: f64[:, :]) -> f64[:, :]:
    k, m = A.shape
    _, n = B.shape
    D = np.zeros((m, n))
    for ii in range(m):
        for jj in range(n):
            wdiff = (A[:, ii] - B[:, jj]) / W[:, ii]
            D[ii, jj] = np.sqrt((wdiff ** 2).sum())
    return D



def allpairs_loops(X: f64[:, :], Y: f64[:, :]) -> f64[:, :]:
    result = np.zeros((X.shape[0], Y.shape[0]), X.dtype)
    for i in range(X.shape[0]):
        for j in range(Y.shape[0]):
            result[i, j] = np.sum((X[i, :] - Y[j, :]) ** 2)
    return result



def check_mask(db: boolean[:, :], mask: i64[:]) -> bool:
    out = np.zeros(db.shape[0], dtype=bool)
    for idx, line in enumerate(db):
        target, vector = line[0], line[1:]
        if (mask == np.bitwise_and(mask, vector)).all():
            if target:
                out[idx] = True
    return out.any()



def evolve(grid: f64[:, :], dt: f64, D: f64) -> f64[:, :]:
    lap = np.roll(grid, +1, 0) + np.roll(grid, -1, 0) + np.roll(grid, +1, 1) + np.roll(grid, -1, 1) - 4 * grid
    return grid + dt * D * lap



def julia(cr: f64, ci: f64, N: i64, bound: f64, lim: f64) -> i64[:, :]:
    julia = np.empty((N, N), np.int64)
    grid_x = np.linspace(-bound, bound, N)
    c = complex(cr, ci)
    for i, x in enumerate(grid_x):
        for j, y in enumerate(grid_x):
            z = complex(x, y)
            it = 0
            while abs(z) < lim and it < 100:
                z = z * z + c
                it += 1
            julia[i, j] = it
    return julia



def mandel_np(n: i64, maxit: i64) -> i64[:, :]:
    x = np.linspace(-2.0, 1.0, n)
    y = np.linspace(-1.5, 1.5, n)
    c = x[None, :] + 1j * y[:, None]
    z = np.zeros_like(c)
    out = np.zeros((n, n), dtype=np.int64)
    for k in range(maxit):
        m = np.abs(z) <= 2.0
        z[m] = z[m] * z[m] + c[m]
        out[m] += 1
    return out



def log_cosh(x: f64[:], y: f64[:]) -> f64:
    return np.mean(np.log(np.cosh(y - x)))



def norm_rows(x: f64[:, :]) -> f64[:, :]:
    n = np.linalg.norm(x, axis=1)
    return x / n[:, np.newaxis]



def tuple_shape(a: f64[:, :]) -> f64[:, :]:
    n, m = a.shape
    out = np.empty_like(a)
    for i in range(n):
        out[i, :] = a[i, :] - a[i, :].mean()
    return out



def sizes(a: f64[:, :]) -> i64:
    return a.size + a.ndim + len(a)



def python_sum(a: f64[:]) -> f64:
    return sum(a) + min(a) + max(a)



def dtype_builtin(n: i64) -> i64[:]:
    a = np.zeros(n, dtype=int)
    b = np.ones(n, dtype=float)
    for i in range(n):
        a[i] = int(b[i]) * i
    return a



def argmax_axis(x: f64[:, :]) -> i64[:]:
    return np.argmax(x, axis=1)



def round_dec(x: f64[:]) -> f64[:]:
    return np.round(x, 2)



def triu(x: f64[:, :]) -> f64[:, :]:
    return np.triu(x) + np.tril(x, -1)



def clip_abs_max(a: f64[:], b: f64[:]) -> f64:
    return np.abs(a - b).max() + np.clip(a, 0, 1).sum()



def array_of_vars(x: f64, y: f64) -> f64[:]:
    return np.array([x, y, x + y])



def asarray(x: f64[:]) -> f64[:]:
    y = np.asarray(x)
    return y * 2



def arange_col(n: i64) -> i64[:, :]:
    return np.arange(n)[:, None] * np.arange(n)[None, :]



def sum_pos_axis(a: f64[:, :]) -> f64[:]:
    return a.sum(0) + np.sum(a, 1)[:a.shape[1]] * 0



def diff_axis(a: f64[:, :]) -> f64[:, :]:
    return np.diff(a, axis=0)



def isnan_any(a: f64[:]) -> bool:
    return bool(np.any(np.isnan(a)))



def f32_scalar(a: f32[:]) -> f32[:]:
    return a * np.float32(2.0) + np.float32(1)



def floor_int(x: f64[:], h: f64) -> i64[:]:
    out = np.empty(len(x), dtype=np.int64)
    for i in range(len(x)):
        out[i] = int(np.floor(x[i] / h))
    return out



def complex_exp(x: f64[:]) -> c128[:]:
    return np.exp(1j * x)



def matvec_T(a: f64[:, :], v: f64[:]) -> f64[:]:
    return a.T @ v



def where3(a: f64[:]) -> f64[:]:
    return np.where(a > 0, a, 0.0)



def ogrid(n: i64) -> f64[:, :]:
    x, y = np.meshgrid(np.linspace(0, 1, n), np.linspace(0, 1, n))
    return np.sin(x) * np.cos(y)



def inf_nan(a: f64[:]) -> f64:
    best = np.inf
    for v in a:
        if v < best:
            best = v
    return best if best != np.inf else np.nan



def cumsum_axis(a: f64[:, :]) -> f64[:, :]:
    return np.cumsum(a, axis=1)



def return_tuple_arrays(a: f64[:]) -> tuple[f64[:], f64[:]]:
    return a * 2, a + 1



def inplace_slice_loop(a: f64[:, :]) -> f64[:, :]:
    b = a.copy()
    for i in range(1, b.shape[0]):
        b[i] += b[i - 1] * 0.5
    return b



def outer_sum(a: f64[:], b: f64[:]) -> f64[:, :]:
    return np.add.outer(a, b)



def dot_vec(a: f64[:], b: f64[:]) -> f64:
    return a.dot(b) + np.vdot(a, b)



def std_ddof(a: f64[:, :]) -> f64[:]:
    return a.std(axis=0, ddof=1)



def empty_tuple_shape(a: f64[:, :]) -> f64[:, :]:
    out = np.empty(a.shape)
    out[...] = a
    out[0] = 0
    return out



def sum_dtype(a: i32[:]) -> i64:
    return a.sum(dtype=np.int64)



def power_arr(a: f64[:], b: f64[:]) -> f64[:]:
    return np.power(a, b) + a ** 0.5 + a ** -1



def ufunc_methods(a: f64[:], m: f64[:, :]) -> f64:
    s = np.add.reduce(a) + np.multiply.reduce(a[:3]) + np.maximum.reduce(a) + np.minimum.reduce(m).sum()
    c = np.add.accumulate(m)
    d = np.subtract.outer(a, a)
    e = np.logical_or.reduce(m > 0.5, axis=1)
    return s + c.sum() + d.sum() + e.sum() + np.add.reduce(m, axis=1).sum() + np.multiply.accumulate(a)[-1]



def vdot_cases(z: c128[:], w: c128[:], m: f64[:, :]) -> c128:
    return np.vdot(z, w) + np.vdot(m, m)



def tri_k(x: i32[:, :], b: boolean[:, :]) -> i64:
    return int(np.triu(x, 1).sum() + np.tril(x, -2).sum() + np.triu(x, k=-1).sum() + np.tril(b).sum())



def py_extremes(a: f64[:], k: i32[:]) -> tuple[f64, f64, i32, i32, f64]:
    return min(a), max(a), min(k), max(k), sum(a[::2])



def py_sum_wraps(k: i32[:], b: boolean[:]) -> tuple[i32, i64]:
    return sum(k), sum(b)


def line_sums(x: f64[:, :], z: c128[:, :]) -> tuple[f64[:], c128[:], f64]:
    return (x * 1.0).sum(axis=1), (z * 1.0).sum(axis=1), np.sum(x[0] * 2.0)


def f32_consts(x: f64, a: f32[:]) -> tuple[f64, f32, f32, f64[:], f32[:]]:
    return np.float32(0.1) + 0.0, np.float32(0.1) * 3, np.float32(0.1) * np.float32(3.0), a * np.float64(x), a * x


def methods_and_math(a: f64[:], z: c128[:]) -> tuple[f64, f64, f64, f64, f64]:
    """Array methods that are NumPy's functions, clip with one open side, math.erf for a normal CDF."""
    cdf = 0.0
    for v in a:
        cdf += 0.5 * (1.0 + math.erf(v / math.sqrt(2.0))) + math.erfc(v)
    return (a.clip(0.2, 0.8).sum() + np.clip(a, 0.3, None).sum() + np.clip(a, None, 0.5).sum(),
            a.round(1).sum(), z.conj().imag.sum() + z.conjugate().real.sum(), a.clip(max=0.4).sum(), cdf)


def nan_reductions(a: f64[:, :], k: i64[:], z: c128[:]) -> tuple[f64, f64, f64, f64, f64, f64[:], f64[:], f64[:], f64[:], i64, f64, c128]:
    """NumPy's NaN-ignoring reductions, whole and along an axis (all-NaN rows give NaN)."""
    return (np.nansum(a), np.nanprod(a[0]), np.nanmean(a), np.nanmin(a), np.nanmax(a),
            np.nansum(a, axis=0), np.nanmean(a, axis=1), np.nanmax(a, 1), np.nanmin(a, axis=0),
            np.nansum(k), np.nanmean(k), np.nansum(z))


def closeness(a: f64[:], b: f64[:], k: i64[:]) -> tuple[boolean[:], boolean[:], bool, bool, bool, boolean[:]]:
    return (np.isclose(a, b), np.isclose(a, b, rtol=0.0, atol=0.1, equal_nan=True), np.allclose(a, a),
            np.allclose(a, b, atol=1.0), bool(np.isclose(1.0, 1.0 + 1e-9)), np.isclose(k, a))


def axes_views(a: f64[:, :], v: f64[:]) -> tuple[f64[:, :, :], f64[:, :], f64[:, :], f64[:, :, :]]:
    return np.expand_dims(a, 1) * 2.0, np.expand_dims(v, axis=0) + np.expand_dims(v, -1), a.swapaxes(0, 1), \
        np.swapaxes(np.expand_dims(a, (0, 3))[0], 0, 2)


def diagonals(v: f64[:], m: f64[:, :], k: i64) -> tuple[f64[:, :], f64[:], f64[:], f64[:], f64[:, :]]:
    """np.diag both ways, np.diagonal of views, np.fill_diagonal as distance-matrix code uses it."""
    d = np.sqrt(((m[:, None, :] - m[None, :, :]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.inf)
    return np.diag(v, k), np.diag(m, k), np.diagonal(m[:, ::-1]), m.T.diagonal(offset=-1), d


def composed(x: f64[:], k: i64[:], v: f64[:, :]) -> tuple[f64[:], f64[:], f64[:], i64[:], f64[:], f64[:], f64[:, :], f64[:, :], f64[:, :, :], f64[:, :, :]]:
    """Functions NumPy composes from others: divmod, nan_to_num, select, atleast_Nd."""
    q, r = np.divmod(x, 0.7)
    qi, ri = np.divmod(k, 3)
    return (q, r, np.nan_to_num(x), qi + ri, np.nan_to_num(x, nan=-1.0, posinf=9.0),
            np.select([x < 0, x > 2], [x * 2, x ** 2], default=-5.0), np.atleast_2d(x), np.atleast_2d(v),
            np.atleast_3d(x), np.atleast_3d(v))


def more_ufuncs(x: f64[:], y: f64[:], k: i64[:], n: i64) -> tuple[f64[:], f64[:], f64[:], f64[:], f64[:], f64[:], f64[:]]:
    return (np.logaddexp(x, y), np.logaddexp2(x, y), np.heaviside(x, 0.5), np.float_power(k, 2),
            np.nextafter(x, y), np.acos(np.clip(x, -1, 1)), np.logspace(0, 3, n))


def shapes_as_values(a: f64[:, :], b: f64[:, :], v: f64[:]) -> tuple[bool, bool, i64, i64, i64, i64, f64, f64, f64]:
    """Validation code compares shapes; sizes come from np.prod(a.shape); a.item() reads one item."""
    same = a.shape == b.shape
    diff = a.shape != (3, 4)
    return same, diff, np.prod(a.shape), max(a.shape), sum(b.shape), min(a.shape), a.item(1, 2), a.item(5), v[:1].item()


def small_helpers(a: f64[:], m: f64[:, :], k: i64[:], x: f32[:]) -> tuple[f64[:], f64[:, :], f64[:], f64[:], f64[:, :], f64[:, :], i64, i64, i64[:], i64[:], f64, f64, i64]:
    """List indices, np.append, np.ascontiguousarray, np.unravel_index, np.finfo / np.iinfo."""
    y = a.copy()
    y[[0, 2]] = y[[2, 0]]
    c = np.ascontiguousarray(m.T)
    c[0, 0] = -5.0
    i, j = np.unravel_index(np.argmax(m), m.shape)
    r, s = np.unravel_index(k, (3, 4))
    return (a[[1, -1, 1]], m[[0, 1], :], y, np.append(a, 5.0), np.append(m, m, axis=0), c, i, j, r, s,
            np.finfo(np.float64).eps, np.finfo(x.dtype).eps, np.iinfo(np.int32).max)


def exponential_mean(n: i64, scale: f64) -> f64:
    rng = np.random.default_rng(42)
    return (rng.exponential(scale, n).mean() + np.random.exponential(scale, size=n).mean()) / 2


def reused_expressions(x: f64[:], y: f64[:]) -> tuple[bool, f64[:], f64, f64[:], f64[:], f64[:], f64[:]]:
    """Compositions that read an argument expression more than once, and a ** ±1.5 / -0.5."""
    c = np.isclose(x * 2.0, y + 1.0)
    return (np.allclose(x * 2.0, y * 2.0), np.nan_to_num(x / y), np.nansum(x / y), np.where(c, x, y),
            (x + 1.0) ** 1.5, (x * x + 0.5) ** -1.5, np.abs(y) ** -0.5)


def norms_by_dot(v: f64[:], w: f32[:], m: f64[:, :]) -> tuple[f64, f32, f64, f64, f64]:
    """np.linalg.norm of a whole array is NumPy's sqrt(x.dot(x)): the same BLAS dot, the same bits."""
    return np.linalg.norm(v), np.linalg.norm(w), np.linalg.norm(m), np.linalg.norm(v[::2], 2), np.linalg.norm(m, "fro")


def running_extremes(x: f64[:], m: f64[:, :], k: i64[:]) -> tuple[f64[:], f64[:, :], i64[:], f64[:, :], f64]:
    """np.maximum.accumulate as finance code computes a drawdown; minimum along an axis."""
    peak = np.maximum.accumulate(x)
    dd = (peak - x) / peak
    return peak, np.minimum.accumulate(m, axis=1), np.maximum.accumulate(k), np.maximum.accumulate(m), dd.max()


def out_as_values(a: f64[:], b: f64[:], x: f64[:, :]) -> tuple[f64[:], f64[:], f64]:
    """`out=` used as a value is the out array, as NumPy returns it."""
    y = np.add(a, b, out=a)
    y[0] = 100.0
    r = np.multiply(x[0], 2.0, out=x[1])
    z = np.sqrt(b, out=b)
    return y, z, r.sum() + x[1, 0]
