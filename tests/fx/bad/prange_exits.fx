from fastext import f64, i64, prange


def find(a: f64[:], x: f64) -> i64:
    for i in prange(len(a)):
        if a[i] == x:
            return i
    for i in prange(len(a)):
        for j in range(3):
            if j == 1:
                break       # fine: leaves the inner loop
        if a[i] > x:
            break
    return -1


def bad_args(n: i64) -> None:
    for i in prange(0, n, 0):
        pass
    for i in prange():
        pass
    for i, j in prange(n):
        pass
