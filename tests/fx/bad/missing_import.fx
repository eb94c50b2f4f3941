from fastext import f64


def to_i32(x: i32) -> f64:
    return 1.0


def root(x: f64) -> f64:
    return math.sqrt(x)


def total(x: f64[:]) -> f64:
    return np.sum(x)


def par(x: f64[:]) -> f64:
    s = 0.0
    for i in prange(len(x)):
        s += x[i]
    return s


def area(r: float64) -> f64:
    return r * r
