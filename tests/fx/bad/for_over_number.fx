from fastext import f64


def total(x: f64) -> f64:
    s = 0.0
    for v in x:
        s += v
    return s
