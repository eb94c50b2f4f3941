from fastext import f64


def apply(x: f64) -> f64:
    sq = lambda v: v * v
    return x * x
