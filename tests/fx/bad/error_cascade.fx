from fastext import f64, i64


def best_of(x: f64[:]) -> f64:
    best = x[1.5]
    for i in range(len(x)):
        if x[i] > best:
            best = x[i]
    best = 2
    return best


def count(x: f64[:]) -> i64:
    n = undefined_thing
    n = 3
    k: i64 = n
    return n + k
