from fastext import f64, i64, prange


def mixed(n: i64) -> i64:
    xs = [1, (2, 3)]
    return n


def untyped(n: i64) -> i64:
    xs = []
    return len(xs)


def method(n: i64) -> i64:
    xs = [1, 2]
    xs.push(3)
    return n


def float_index(x: f64) -> i64:
    xs = [1, 2]
    return xs[x]


def conflict(n: i64) -> i64:
    xs = [n, 2]
    xs.append(2.5)
    return n


def shared(n: i64) -> i64:
    xs = [n, 2]
    ys: list[f64] = xs
    return n


def shared_growth(n: i64) -> i64:
    xs = [0]
    for i in prange(n):
        xs.append(i)
    return len(xs)
