from fastext import f64, i64


def half(n: i64) -> i64:
    if n > 0:
        return n / 2
    return 0


def nothing(x: f64) -> None:
    return x
