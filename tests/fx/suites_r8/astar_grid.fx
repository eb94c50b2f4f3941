# ARGS: "S....#........\n.##..#.####...\n..#..#....#...\n..#.....#.#.##\n..####..#.#...\n.....#..#...#.\n.###.#..#####.\n...#....#....E"
import heapq


def parse(text: str) -> tuple[list[str], tuple[int, int], tuple[int, int]]:
    rows = text.split("\n")
    start = (0, 0)
    goal = (0, 0)
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            if ch == "S":
                start = (r, c)
            elif ch == "E":
                goal = (r, c)
    return rows, start, goal


def astar(rows: list[str], start: tuple[int, int], goal: tuple[int, int]) -> int:
    h = abs(start[0] - goal[0]) + abs(start[1] - goal[1])
    frontier = [(h, 0, start)]
    best = {start: 0}
    expanded = 0
    while frontier:
        f, g, pos = heapq.heappop(frontier)
        if pos == goal:
            print("expanded", expanded)
            return g
        if g > best.get(pos, 1 << 30):
            continue
        expanded += 1
        r, c = pos
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < len(rows) and 0 <= nc < len(rows[nr]) and rows[nr][nc] != "#":
                ng = g + 1
                if ng < best.get((nr, nc), 1 << 30):
                    best[(nr, nc)] = ng
                    nh = abs(nr - goal[0]) + abs(nc - goal[1])
                    heapq.heappush(frontier, (ng + nh, ng, (nr, nc)))
    return -1


def main(text: str) -> int:
    rows, start, goal = parse(text)
    print(len(rows), "rows", start, "->", goal)
    d = astar(rows, start, goal)
    print("shortest path", d)
    return d
