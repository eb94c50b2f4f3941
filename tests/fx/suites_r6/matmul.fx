# ARGS: 40
def make_matrix(n: int, seed: float) -> list[list[float]]:
    return [[(i * n + j + seed) % 7 / 7.0 for j in range(n)] for i in range(n)]


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    inner = len(b)
    c = [[0.0] * m for _ in range(n)]
    for i in range(n):
        ai = a[i]
        ci = c[i]
        for k in range(inner):
            aik = ai[k]
            bk = b[k]
            for j in range(m):
                ci[j] += aik * bk[j]
    return c


def transpose(a):
    return [list(row) for row in zip(*a)]


def main(n: int) -> float:
    a = make_matrix(n, 1.0)
    b = make_matrix(n, 3.0)
    c = matmul(a, b)
    d = matmul(transpose(b), transpose(a))
    trace = sum(c[i][i] for i in range(n))
    diff = max(abs(c[i][j] - d[j][i]) for i in range(n) for j in range(n))
    print("trace %.6f" % trace)
    print("max diff", diff)
    print([round(x, 4) for x in c[0][:4]])
    return trace
