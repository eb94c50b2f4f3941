from fastext import f64


def apply(x: f64) -> f64:
    pair = (lambda v: v * v, x)
    return x * x
