"""Vector kernels over any 1-D float64 buffer."""
import math

from fastext import f64, i64

from .series import harmonic     # a native call into the other .fx module of the package


def dot(x: f64[:], y: f64[:]) -> f64:
    """Dot product of two equally long vectors."""
    if len(x) != len(y):
        raise ValueError("dot(): x and y must have the same length")
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    return s


def norm(x: f64[:]) -> f64:
    """Euclidean norm."""
    s = 0.0
    for i in range(len(x)):
        s += x[i] * x[i]
    return math.sqrt(s)


def axpy(a: f64, x: f64[:], y: f64[:]) -> None:
    """y += a * x, in place."""
    if len(x) != len(y):
        raise ValueError("axpy(): x and y must have the same length")
    for i in range(len(x)):
        y[i] += a * x[i]


def moments(x: f64[:]) -> tuple[f64, f64]:
    """Mean and population variance (Welford, one pass)."""
    n = 0
    mean = 0.0
    m2 = 0.0
    for i in range(len(x)):
        n += 1
        d = x[i] - mean
        mean += d / n
        m2 += d * (x[i] - mean)
    if n == 0:
        raise ValueError("moments() of an empty vector")
    return mean, m2 / n


def harmonic_norm(x: f64[:], n: i64) -> f64:
    """norm(x) scaled by the n-th harmonic number (calls series.harmonic natively)."""
    return norm(x) * harmonic(n)
