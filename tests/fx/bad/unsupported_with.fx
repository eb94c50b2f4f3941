from fastext import i64


def locked(n: i64) -> i64:
    with open("log.txt") as f:
        n += 1
    return n
