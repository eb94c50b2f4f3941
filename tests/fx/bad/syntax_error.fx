from fastext import f64


def broken(x: f64) -> f64
    return x
