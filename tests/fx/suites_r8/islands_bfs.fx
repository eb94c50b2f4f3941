# ARGS: "11000110\n11011100\n00100001\n00011011\n10000011\n11101000"
from collections import deque


def parse(text: str) -> list[list[int]]:
    return [[int(ch) for ch in line] for line in text.split("\n")]


def islands(grid: list[list[int]]) -> list[int]:
    rows, cols = len(grid), len(grid[0])
    seen = [[False] * cols for _ in range(rows)]
    sizes = []
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == 1 and not seen[r][c]:
                queue = deque([(r, c)])
                seen[r][c] = True
                size = 0
                while queue:
                    y, x = queue.popleft()
                    size += 1
                    for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                        ny, nx = y + dy, x + dx
                        if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == 1 and not seen[ny][nx]:
                            seen[ny][nx] = True
                            queue.append((ny, nx))
                sizes.append(size)
    return sizes


def distances(grid: list[list[int]]) -> list[list[int]]:
    rows, cols = len(grid), len(grid[0])
    dist = [[-1] * cols for _ in range(rows)]
    queue = deque()
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == 1:
                dist[r][c] = 0
                queue.append((r, c))
    while queue:
        y, x = queue.popleft()
        for dy, dx in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            ny, nx = y + dy, x + dx
            if 0 <= ny < rows and 0 <= nx < cols and dist[ny][nx] < 0:
                dist[ny][nx] = dist[y][x] + 1
                queue.append((ny, nx))
    return dist


def main(text: str) -> int:
    grid = parse(text)
    sizes = islands(grid)
    print(len(sizes), "islands", sorted(sizes, reverse=True))
    for row in distances(grid):
        print("".join(str(d) for d in row))
    return sum(sizes)
