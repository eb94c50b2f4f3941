# ARGS: 12
def random_matrix(n: int, seed: int) -> list[list[float]]:
    a = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(n):
            seed = (seed * 16807) % 2147483647
            a[i][j] = seed / 2147483647.0
    return a


def lu_factor(a: list[list[float]], pivot: list[int]) -> int:
    n = len(a)
    m = len(a[0])
    min_mn = min(m, n)
    for j in range(min_mn):
        jp = j
        t = abs(a[j][j])
        for i in range(j + 1, m):
            ab = abs(a[i][j])
            if ab > t:
                jp = i
                t = ab
        pivot[j] = jp
        if a[jp][j] == 0:
            return 1
        if jp != j:
            a[j], a[jp] = a[jp], a[j]
        if j < m - 1:
            recp = 1.0 / a[j][j]
            for k in range(j + 1, m):
                a[k][j] *= recp
        if j < min_mn - 1:
            for ii in range(j + 1, m):
                aii = a[ii]
                aj = a[j]
                aiij = aii[j]
                for jj in range(j + 1, n):
                    aii[jj] -= aiij * aj[jj]
    return 0


def main(n: int) -> float:
    a = random_matrix(n, 4242)
    original = [row[:] for row in a]
    pivot = [0] * n
    status = lu_factor(a, pivot)
    print("status", status, "pivot", pivot)
    det = 1.0
    for i in range(n):
        det *= a[i][i]
        if pivot[i] != i:
            det = -det
    print("det %.8e" % det)
    print("first row sum %.12f" % sum(original[0]))
    return det
