# ARGS: 20, 10
def random_matrix(rows: int, cols: int, seed: int) -> list[list[float]]:
    out = []
    for i in range(rows):
        row = []
        for j in range(cols):
            seed = (seed * 16807) % 2147483647
            row.append(seed / 2147483647.0)
        out.append(row)
    return out


def sor_execute(omega: float, grid: list[list[float]], cycles: int) -> None:
    m = len(grid)
    n = len(grid[0])
    omega_over_four = omega * 0.25
    one_minus_omega = 1.0 - omega
    for p in range(cycles):
        for i in range(1, m - 1):
            gi = grid[i]
            gim1 = grid[i - 1]
            gip1 = grid[i + 1]
            for j in range(1, n - 1):
                gi[j] = (omega_over_four * (gim1[j] + gip1[j] + gi[j - 1] + gi[j + 1])
                         + one_minus_omega * gi[j])


def main(size: int, cycles: int) -> float:
    g = random_matrix(size, size, 101010)
    sor_execute(1.25, g, cycles)
    checksum = sum(sum(row) for row in g)
    print("SOR %dx%d, %d cycles: %.10f" % (size, size, cycles, checksum))
    print(" ".join("%.5f" % x for x in g[size // 2][:5]))
    return checksum
