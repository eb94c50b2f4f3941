# ARGS: "530070000600195000098000060800060003400803001700020006060000280000419005000080079"
def parse(text: str) -> list[list[int]]:
    return [[int(text[r * 9 + c]) for c in range(9)] for r in range(9)]


def candidates(grid: list[list[int]], r: int, c: int) -> set[int]:
    used = set(grid[r]) | {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {grid[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return set(range(1, 10)) - used


def solve(grid: list[list[int]]) -> bool:
    best = None
    best_options = None
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                options = candidates(grid, r, c)
                if best_options is None or len(options) < len(best_options):
                    best = (r, c)
                    best_options = options
    if best is None:
        return True
    r, c = best
    for v in sorted(best_options):
        grid[r][c] = v
        if solve(grid):
            return True
    grid[r][c] = 0
    return False


def main(text: str) -> int:
    grid = parse(text)
    ok = solve(grid)
    for row in grid:
        print(" ".join(str(v) for v in row))
    return int(ok) + sum(grid[0])
