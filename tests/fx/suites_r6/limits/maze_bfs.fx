# ARGS: 0
from collections import deque

MAZE = [
    "##########",
    "#S.....#.#",
    "#.##.#.#.#",
    "#.#..#...#",
    "#.#.####.#",
    "#...#...E#",
    "##########",
]


def find(grid: list[str], ch: str) -> tuple[int, int]:
    for r, row in enumerate(grid):
        c = row.find(ch)
        if c >= 0:
            return r, c
    return -1, -1


def bfs(grid: list[str]) -> list[tuple[int, int]]:
    start = find(grid, "S")
    goal = find(grid, "E")
    queue = deque([start])
    came_from = {start: start}
    while queue:
        r, c = queue.popleft()
        if (r, c) == goal:
            break
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if grid[nr][nc] != "#" and (nr, nc) not in came_from:
                came_from[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    path = [goal]
    while path[-1] != start:
        path.append(came_from[path[-1]])
    path.reverse()
    return path


def main(extra: int) -> int:
    path = bfs(MAZE)
    rows = [list(row) for row in MAZE]
    for r, c in path[1:-1]:
        rows[r][c] = "*"
    for row in rows:
        print("".join(row))
    print("steps:", len(path) - 1)
    return len(path) + extra
