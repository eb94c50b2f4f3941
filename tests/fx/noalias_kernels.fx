# Kernels for the no-overlap variant (abi/noalias.py): each gives a different result when
# its arrays overlap and the compiler wrongly assumed they do not.
from fastext import f64, i64


def reload_after_store(a: f64[:], b: f64[:]) -> f64:
    """b[0] is read before and after each store into a: equal only if a and b are apart."""
    t = 0.0
    for i in range(len(a)):
        x = b[0]
        a[i] = a[i] + 1.0
        t += b[0] - x
    return t


def smear(a: f64[:, :], b: f64[:, :]) -> None:
    """b[i, j] = a[i, j] + a[i, j+1], in order (a running overlap changes every later row)."""
    h, w = b.shape
    for i in range(h):
        for j in range(w):
            b[i, j] = a[i, j] + 0.5 * a[i, j + 1]


def axpy3(x: f64[:], y: f64[:], z: f64[:], c: f64) -> f64:
    s = 0.0
    for i in range(len(x)):
        y[i] += c * x[i]
        z[i] -= y[i]
        s += x[i]
    return s


def one_array(a: f64[:], k: i64) -> None:
    for i in range(len(a)):
        a[i] += k


def read_only(a: f64[:], b: f64[:]) -> f64:
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s
