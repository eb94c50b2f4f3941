# ARGS: 4
def det(m: list[list[float]]) -> float:
    n = len(m)
    if n == 1:
        return m[0][0]
    total = 0.0
    for j in range(n):
        minor = [row[:j] + row[j + 1:] for row in m[1:]]
        total += (-1) ** j * m[0][j] * det(minor)
    return total


def main(n: int) -> float:
    m = [[float((i + 1) * (j + 2) % 7) for j in range(n)] for i in range(n)]
    for row in m:
        print(" ".join(f"{v:4.1f}" for v in row))
    return det(m)
