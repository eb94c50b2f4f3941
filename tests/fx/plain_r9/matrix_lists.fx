# Matrices as lists of lists, as in introductory courses: multiplication, transpose,
# identity, powers (Fibonacci by matrix power), Gaussian elimination for the determinant
# and a pretty printer.


def zeros(rows, cols):
    return [[0] * cols for _ in range(rows)]


def identity(n):
    m = zeros(n, n)
    for i in range(n):
        m[i][i] = 1
    return m


def transpose(m):
    return [list(row) for row in zip(*m)]


def multiply(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    out = zeros(rows, cols)
    for i in range(rows):
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            out[i][j] = s
    return out


def power(m, e):
    result = identity(len(m))
    while e > 0:
        if e % 2 == 1:
            result = multiply(result, m)
        m = multiply(m, m)
        e //= 2
    return result


def determinant(m):
    a = [[float(x) for x in row] for row in m]
    n = len(a)
    det = 1.0
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            return 0.0
        if pivot != col:
            a[col], a[pivot] = a[pivot], a[col]
            det = -det
        det *= a[col][col]
        for r in range(col + 1, n):
            f = a[r][col] / a[col][col]
            for c in range(col, n):
                a[r][c] -= f * a[col][c]
    return det


def show(m):
    width = max(len(str(x)) for row in m for x in row)
    for row in m:
        print(" ".join(str(x).rjust(width) for x in row))


def main(n: int):
    a = [[1, 2, 3], [4, 5, 6]]
    b = transpose(a)
    show(b)
    show(multiply(a, b))
    fib = power([[1, 1], [1, 0]], n)
    print("fib", n, "=", fib[0][1])
    m = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
    print("det", round(determinant(m), 6), determinant([[1, 2], [2, 4]]))
    print(multiply(identity(3), m) == m, transpose(transpose(a)) == a)
    return sum(sum(row) for row in multiply(b, a))
# ARGS: 30
