# ARGS: 4
def matmul(a: list[list[float]], b: list[list[float]]) -> list[list[float]]:
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = [[0.0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0.0
            for t in range(k):
                s += a[i][t] * b[t][j]
            c[i][j] = s
    return c


def main(n: int) -> float:
    a = [[float(i + j) for j in range(n)] for i in range(n)]
    eye = [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]
    c = matmul(a, eye)
    print(c == a, c[1])
    t = [list(row) for row in zip(*a)]
    print(t[0])
    return sum(sum(row) for row in matmul(a, a))
