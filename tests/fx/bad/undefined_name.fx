from fastext import f64


def shift(x: f64) -> f64:
    x += offset
    return x
