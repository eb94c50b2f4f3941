from fastext import f64


def debug(x: f64) -> f64:
    print("x is", x, *x)
    return x
