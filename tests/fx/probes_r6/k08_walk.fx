# ARGS: 2000
import random

MOVES = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def walk(n: int, seed: int) -> tuple[int, int, int]:
    random.seed(seed)
    x = y = 0
    visited = {(0, 0)}
    for _ in range(n):
        dx, dy = random.choice(MOVES)
        x += dx
        y += dy
        visited.add((x, y))
    return x, y, len(visited)


def main(n: int) -> bool:
    a = walk(n, 5)
    b = walk(n, 5)
    x, y, k = a
    print(a == b, abs(x) + abs(y) <= n, 1 < k <= n + 1)
    return a == b
