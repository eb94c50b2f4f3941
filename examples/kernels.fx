"""Example kernels: a dot product, a Mandelbrot escape-time count, and statistics."""
from fastext import f64, i32, i64


def dot(x: f64[:], y: f64[:]) -> f64:
    """Dot product of two vectors."""
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def mandel(out: i32[:, :], max_iter: i64 = 256) -> i64:
    """Escape-time counts of the Mandelbrot set over [-2, 1] x [-1.5, 1.5]; returns the total."""
    h, w = out.shape
    total = 0
    for i in range(h):
        ci = -1.5 + 3.0 * i / h
        for j in range(w):
            cr = -2.0 + 3.0 * j / w
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            out[i, j] = n
            total += n
    return total


def mean_std(x: f64[:]) -> tuple[f64, f64]:
    """Mean and (population) standard deviation, in one pass (Welford)."""
    n = 0
    mean = 0.0
    m2 = 0.0
    for i in range(len(x)):
        n += 1
        delta = x[i] - mean
        mean += delta / n
        m2 += delta * (x[i] - mean)
    if n == 0:
        raise ValueError("mean_std() of an empty array")
    return mean, (m2 / n) ** 0.5
