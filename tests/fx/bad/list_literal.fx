from fastext import i64


def pick(k: i64) -> i64:
    counts = {[1]: 2}
    return k
