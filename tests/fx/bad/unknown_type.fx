from fastext import f64


def area(r: double) -> f64:
    return 3.14 * r * r


def first(x: frozenset[f64]) -> f64:
    return x[0]
