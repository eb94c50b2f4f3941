from fastext import i64

N = 10 ** 10 ** 10
SHIFTED = 1 << 10 ** 12
K = N + 1


def f(x: i64) -> i64:
    return x + N + K


def g(x: i64) -> i64:
    y = 10 ** 10 ** 10
    return x + y
