# ARGS: 100, 500, 10
def sparse_matmult(y: list[float], val: list[float], row: list[int], col: list[int],
                   x: list[float], cycles: int) -> None:
    m = len(row) - 1
    for reps in range(cycles):
        for r in range(m):
            s = 0.0
            for i in range(row[r], row[r + 1]):
                s += x[col[i]] * val[i]
            y[r] = s


def main(n: int, nz: int, cycles: int) -> float:
    nr = nz // n
    anz = nr * n
    x = [((i * 7919) % 1000) / 1000.0 for i in range(n)]
    y = [0.0] * n
    val = [((i * 104729) % 997) / 997.0 for i in range(anz)]
    col = [0] * anz
    row = [0] * (n + 1)
    for r in range(n):
        rowr = row[r]
        step = r // nr
        if step < 1:
            step = 1
        row[r + 1] = rowr + nr
        for i in range(nr):
            col[rowr + i] = i * step
    sparse_matmult(y, val, row, col, x, cycles)
    total = sum(y)
    print("sparse %d x %d, nz %d: %.10f" % (n, n, anz, total))
    print(["%.4f" % v for v in y[:4]])
    return total
