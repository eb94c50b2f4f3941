"""The suite's kernels, each in two or three natural spellings (benchmarks/spellings/run.py).

Every spelling of a kernel computes the same result with the same floating-point operation
order as the others and as `kernels.c`, so only the spelling differs."""
from fastext import f64, i64


# ------------------------------------------------------------------ sum
def sum_len(a: f64[:]) -> f64:
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s


def sum_n(a: f64[:], n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += a[i]
    return s


def sum_iter(a: f64[:]) -> f64:
    s = 0.0
    for v in a:
        s += v
    return s


# ------------------------------------------------------------------ dot
def dot_len(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def dot_n(x: f64[:], y: f64[:], n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += x[i] * y[i]
    return s


def _mul(a: f64, b: f64) -> f64:
    return a * b


def dot_helper(x: f64[:], y: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += _mul(x[i], y[i])
    return s


# ------------------------------------------------------------------ axpy (y = a*x + y, in place)
def axpy_len(a: f64, x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        y[i] = a * x[i] + y[i]


def axpy_n(a: f64, x: f64[:], y: f64[:], n: i64) -> None:
    for i in range(n):
        y[i] = a * x[i] + y[i]


def _axpy1(a: f64, x: f64, y: f64) -> f64:
    return a * x + y


def axpy_helper(a: f64, x: f64[:], y: f64[:]) -> None:
    for i in range(len(x)):
        y[i] = _axpy1(a, x[i], y[i])


# ------------------------------------------------------------------ pairwise distances (3-d points)
def pairwise_mul(x: f64[:, :], out: f64[:, :]) -> None:
    n = x.shape[0]
    for i in range(n):
        for j in range(n):
            d = 0.0
            for k in range(3):
                t = x[i, k] - x[j, k]
                d += t * t
            out[i, j] = d ** 0.5


def pairwise_pow(x: f64[:, :], out: f64[:, :], n: i64) -> None:
    for i in range(n):
        for j in range(n):
            d = 0.0
            for k in range(3):
                d += (x[i, k] - x[j, k]) ** 2
            out[i, j] = d ** 0.5


def _dist(x: f64[:, :], i: i64, j: i64) -> f64:
    d = 0.0
    for k in range(3):
        t = x[i, k] - x[j, k]
        d += t * t
    return d ** 0.5


def pairwise_helper(x: f64[:, :], out: f64[:, :]) -> None:
    for i in range(x.shape[0]):
        for j in range(x.shape[0]):
            out[i, j] = _dist(x, i, j)


# ------------------------------------------------------------------ mandelbrot (escape counts)
def mandel_inline(out: i64[:, :], max_iter: i64) -> i64:
    h = out.shape[0]
    w = out.shape[1]
    total = 0
    for py in range(h):
        for px in range(w):
            cr = -2.0 + 2.5 * px / w
            ci = -1.25 + 2.5 * py / h
            zr = 0.0
            zi = 0.0
            k = 0
            while k < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            out[py, px] = k
            total += k
    return total


def _escape(cr: f64, ci: f64, max_iter: i64) -> i64:
    zr = 0.0
    zi = 0.0
    k = 0
    while k < max_iter and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        k += 1
    return k


def mandel_helper(out: i64[:, :], max_iter: i64) -> i64:
    h, w = out.shape
    total = 0
    for py in range(h):
        for px in range(w):
            k = _escape(-2.0 + 2.5 * px / w, -1.25 + 2.5 * py / h, max_iter)
            out[py, px] = k
            total += k
    return total


# ------------------------------------------------------------------ repeat (np.repeat by hand)
def repeat_index(x: f64[:], y: f64[:], n: i64) -> None:
    for i in range(len(x)):
        for r in range(n):
            y[i * n + r] = x[i]


def repeat_offset(x: f64[:], y: f64[:], a: i64, n: i64) -> None:
    for i in range(len(x)):
        v = x[i]
        for r in range(n):
            y[a + i * n + r] = v


def repeat_counter(x: f64[:], y: f64[:], n: i64) -> None:
    k = 0
    for i in range(len(x)):
        for r in range(n):
            y[k] = x[i]
            k += 1


# ------------------------------------------------------------------ 3-point stencil
def stencil_len(a: f64[:], b: f64[:]) -> None:
    for i in range(1, len(a) - 1):
        b[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0)


def stencil_n(a: f64[:], b: f64[:], n: i64) -> None:
    for i in range(1, n - 1):
        b[i] = (a[i - 1] + a[i] + a[i + 1]) * (1.0 / 3.0)


def _avg3(l: f64, c: f64, r: f64) -> f64:
    return (l + c + r) * (1.0 / 3.0)


def stencil_helper(a: f64[:], b: f64[:]) -> None:
    for i in range(1, len(a) - 1):
        b[i] = _avg3(a[i - 1], a[i], a[i + 1])


# ------------------------------------------------------------------ L2 norm
def l2_mul(a: f64[:]) -> f64:
    s = 0.0
    for i in range(len(a)):
        s += a[i] * a[i]
    return s ** 0.5


def l2_pow(a: f64[:]) -> f64:
    s = 0.0
    for i in range(len(a)):
        s += a[i] ** 2
    return s ** 0.5


def l2_iter(a: f64[:]) -> f64:
    s = 0.0
    for v in a:
        s += v * v
    return s ** 0.5
