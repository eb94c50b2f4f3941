from fastext import f64, i64


def f(t: tuple[list[f64[:]], i64]) -> f64:
    rows, n = t
    return rows[0][n]


def g(t: tuple[i64, tuple[str, i64]]) -> i64:
    return t[0]


def _internal(t: tuple[list[f64[:]], i64]) -> f64:     # internal functions may take any tuple
    rows, n = t
    return rows[0][n]
