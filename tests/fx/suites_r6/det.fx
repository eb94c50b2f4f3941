# ARGS: 5
def minor(m: list[list[float]], i: int, j: int) -> list[list[float]]:
    return [row[:j] + row[j + 1:] for k, row in enumerate(m) if k != i]


def det(m: list[list[float]]) -> float:
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0.0
    for j in range(len(m)):
        total += (-1) ** j * m[0][j] * det(minor(m, 0, j))
    return total


def gauss_det(m: list[list[float]]) -> float:
    a = [row[:] for row in m]
    n = len(a)
    d = 1.0
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(a[r][c]))
        if abs(a[p][c]) < 1e-12:
            return 0.0
        if p != c:
            a[p], a[c] = a[c], a[p]
            d = -d
        d *= a[c][c]
        for r in range(c + 1, n):
            f = a[r][c] / a[c][c]
            for k in range(c, n):
                a[r][k] -= f * a[c][k]
    return d


def main(n: int) -> float:
    m = [[float((i + 1) * (j + 2) % 7 + (i == j)) for j in range(n)] for i in range(n)]
    d1 = det(m)
    d2 = gauss_det(m)
    print("%.6f %.6f %s" % (d1, d2, abs(d1 - d2) < 1e-6))
    return round(d1, 6)
