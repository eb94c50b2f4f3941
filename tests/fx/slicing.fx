from fastext import f64, i64

def total(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += x[i]
    return s

def inner(x: f64[:]) -> f64:
    return total(x[1:-1])

def every(x: f64[:], start: i64, stop: i64, step: i64) -> f64:
    v = x[start:stop:step]
    s = 0.0
    for i in range(len(v)):
        s += v[i] * (i + 1)
    return s

def col(a: f64[:, :], j: i64) -> f64:
    return total(a[:, j])

def row(a: f64[:, :], i: i64) -> f64:
    return total(a[i])

def bump(a: f64[:, :]) -> None:
    v = a[::2, 1:]
    for i in range(v.shape[0]):
        for j in range(v.shape[1]):
            v[i, j] += 1.0
