# ARGS: 6
def matrix(n: int) -> list[list[int]]:
    return [[(i * 7 + j * 3 + i * j) % 11 - 5 for j in range(n)] for i in range(n)]


def bareiss(m: list[list[int]]) -> int:
    a = [row[:] for row in m]
    n = len(a)
    sign = 1
    prev = 1
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = -1
            for i in range(k + 1, n):
                if a[i][k] != 0:
                    swap = i
                    break
            if swap < 0:
                return 0
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                a[i][j] = (a[i][j] * a[k][k] - a[i][k] * a[k][j]) // prev
        prev = a[k][k]
    return sign * a[n - 1][n - 1]


def laplace(m: list[list[int]]) -> int:
    n = len(m)
    if n == 1:
        return m[0][0]
    total = 0
    for j in range(n):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * laplace(minor)
    return total


def main(n: int) -> int:
    results = []
    for k in range(1, n + 1):
        m = matrix(k)
        d1, d2 = bareiss(m), laplace(m)
        results.append(d1)
        print(k, d1, d1 == d2)
    return sum(results)
