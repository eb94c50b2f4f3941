# A backtracking Sudoku solver on a list of lists (the classic recursive exercise), with
# candidate sets per cell and a validity check of the finished grid.

PUZZLE = [
    "53..7....",
    "6..195...",
    ".98....6.",
    "8...6...3",
    "4..8.3..1",
    "7...2...6",
    ".6....28.",
    "...419..5",
    "....8..79",
]


def parse(rows):
    return [[int(ch) if ch != "." else 0 for ch in row] for row in rows]


def candidates(grid, r, c):
    used = set(grid[r])
    used |= {grid[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    for i in range(br, br + 3):
        for j in range(bc, bc + 3):
            used.add(grid[i][j])
    return [d for d in range(1, 10) if d not in used]


def solve(grid, stats):
    best = None
    best_options = []
    for r in range(9):
        for c in range(9):
            if grid[r][c] == 0:
                options = candidates(grid, r, c)
                if best is None or len(options) < len(best_options):
                    best = (r, c)
                    best_options = options
    if best is None:
        return True
    r, c = best
    for d in best_options:
        grid[r][c] = d
        stats[0] += 1
        if solve(grid, stats):
            return True
    grid[r][c] = 0
    return False


def valid(grid):
    for k in range(9):
        row = grid[k]
        col = [grid[i][k] for i in range(9)]
        box = [grid[3 * (k // 3) + i][3 * (k % 3) + j] for i in range(3) for j in range(3)]
        if sorted(row) != list(range(1, 10)) or sorted(col) != list(range(1, 10)) or len(set(box)) != 9:
            return False
    return True


def main(show: int):
    grid = parse(PUZZLE)
    stats = [0]
    print("empty cells:", sum(row.count(0) for row in grid))
    print("solved:", solve(grid, stats), "guesses:", stats[0])
    for r, row in enumerate(grid[:show]):
        line = ""
        for c, d in enumerate(row):
            line += str(d) + (" | " if c in (2, 5) else " ")
        print(line.rstrip())
    print("valid:", valid(grid), "first row sum:", sum(grid[0]))
    return grid[8][8]
# ARGS: 9
