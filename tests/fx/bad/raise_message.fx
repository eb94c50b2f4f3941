from fastext import i64


def check(n: i64) -> i64:
    if n < 0:
        raise ValueError(f"negative: {n}")
    if n > 100:
        raise ValueError("too big", n)
    if n == 42:
        raise MyError("no")
    return n
