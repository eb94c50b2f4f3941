from fastext import f64, float128


def twice(x: f64) -> f64:
    return 2.0 * x
