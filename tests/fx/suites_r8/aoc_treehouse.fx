# ARGS: "30373\n25512\n65332\n33549\n35390"
def parse(text: str) -> list[list[int]]:
    return [[int(c) for c in line] for line in text.split()]


def visible(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    count = 0
    for r in range(rows):
        for c in range(cols):
            h = grid[r][c]
            lines = [
                [grid[r][k] for k in range(c)],
                [grid[r][k] for k in range(c + 1, cols)],
                [grid[k][c] for k in range(r)],
                [grid[k][c] for k in range(r + 1, rows)],
            ]
            if any(all(t < h for t in line) for line in lines):
                count += 1
    return count


def scenic(grid: list[list[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    best = 0
    for r in range(rows):
        for c in range(cols):
            h = grid[r][c]
            score = 1
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):
                seen = 0
                rr, cc = r + dr, c + dc
                while 0 <= rr < rows and 0 <= cc < cols:
                    seen += 1
                    if grid[rr][cc] >= h:
                        break
                    rr += dr
                    cc += dc
                score *= seen
            best = max(best, score)
    return best


def main(text: str) -> int:
    grid = parse(text)
    v, s = visible(grid), scenic(grid)
    print("visible", v, "scenic", s)
    return v * 100 + s
