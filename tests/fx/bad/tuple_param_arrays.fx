from fastext import f64, i64


def f(t: tuple[f64[:], i64]) -> f64:
    a, n = t
    return a[n]


def g(t: tuple[i64, tuple[str, i64]]) -> i64:
    return t[0]


def _internal(t: tuple[f64[:], i64]) -> f64:     # internal functions may take any tuple
    a, n = t
    return a[n]
