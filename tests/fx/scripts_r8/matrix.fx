# ARGS: 4
def identity(n):
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]

def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]

def transpose(a):
    return [list(r) for r in zip(*a)]

def det(a):
    n = len(a)
    if n == 1:
        return a[0][0]
    if n == 2:
        return a[0][0] * a[1][1] - a[0][1] * a[1][0]
    total = 0.0
    for c in range(n):
        minor = [row[:c] + row[c + 1:] for row in a[1:]]
        total += (-1) ** c * a[0][c] * det(minor)
    return total

def main(n: int):
    a = [[float(i * n + j + (i == j) * 3) for j in range(n)] for i in range(n)]
    print(matmul(a, identity(n)) == a)
    t = transpose(a)
    print(t[0])
    print(f"det={det(a):.6f}")
    p = matmul(a, t)
    print([round(x, 3) for x in p[-1]])
    return det(p)
