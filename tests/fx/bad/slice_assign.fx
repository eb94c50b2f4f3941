from fastext import f64


def tail(x: f64[:], m: f64[:, :]) -> f64:
    x[1:] += m
    z = m[0, 1, 2]
    return x[0]
