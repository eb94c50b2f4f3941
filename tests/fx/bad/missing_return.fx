from fastext import i64


def sign(n: i64) -> i64:
    if n > 0:
        return 1
    elif n < 0:
        return -1
