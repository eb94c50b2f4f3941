from fastext import f64


def _lerp(a: f64, b: f64, t: f64) -> f64:
    return a + (b - a) * t


def mid(a: f64, b: f64) -> f64:
    m = _lerp(a, b)
    n = _lerp(a, b, 0.5, 1.0)
    o = _lerp(a, b, s=0.5)
    p = _lerp(a, b, 0.5, a=1.0)
    return a
