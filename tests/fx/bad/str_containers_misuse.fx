from fastext import i64


def append_number(n: i64) -> i64:
    xs: list[str] = []
    xs.append(n)
    return len(xs)


def mixed(n: i64) -> i64:
    xs = ["a", n]
    return len(xs)


def number_key(n: i64) -> i64:
    d: dict[str, i64] = {}
    d[n] = 1
    return len(d)


def summed(xs: list[str]) -> i64:
    return sum(xs)


def into_numbers(xs: list[str]) -> i64:
    ys: list[i64] = []
    ys.append(xs[0])
    return len(ys)

