# ARGS: 11000, 30
def run(steps: int, size: int) -> tuple[list[list[bool]], int, int]:
    grid = [[False] * size for _ in range(size)]
    x = y = size // 2
    dx, dy = 0, -1
    for step in range(steps):
        if not (0 <= x < size and 0 <= y < size):
            return grid, step, x * 1000 + y
        if grid[y][x]:
            dx, dy = dy, -dx
        else:
            dx, dy = -dy, dx
        grid[y][x] = not grid[y][x]
        x += dx
        y += dy
    return grid, steps, x * 1000 + y


def main(steps: int, size: int) -> int:
    grid, done, pos = run(steps, size)
    black = sum(row.count(True) for row in grid)
    print("steps", done, "black", black, "pos", pos)
    for row in grid[size // 2 - 4:size // 2 + 4]:
        print("".join("#" if v else "." for v in row))
    return black
