# ARGS: "S..#\n.#..\n...E"
MOVES = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def main(maze: str) -> int:
    grid = maze.split("\n")
    h, w = len(grid), len(grid[0])
    start = end = (0, 0)
    for r, row in enumerate(grid):
        for c, ch in enumerate(row):
            if ch == "S":
                start = (r, c)
            elif ch == "E":
                end = (r, c)
    dist = {start: 0}
    queue = [start]
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        for dr, dc in MOVES:
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    print(start, end, len(dist))
    return dist.get(end, -1)
