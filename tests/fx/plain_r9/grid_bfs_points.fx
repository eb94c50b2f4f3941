# Breadth-first search on a maze given as strings, with a Point class that defines __eq__ and
# __hash__ so that points go into a visited set and a dict of parents (the textbook BFS).
from collections import deque

MAZE = [
    "S.#.......",
    ".##.####..",
    "....#..#.#",
    "#.#.#.##..",
    "..#...#..E",
]


class Point:
    def __init__(self, row, col):
        self.row = row
        self.col = col

    def __eq__(self, other):
        return self.row == other.row and self.col == other.col

    def __hash__(self):
        return hash((self.row, self.col))

    def __repr__(self):
        return f"Point({self.row}, {self.col})"

    def neighbours(self):
        return [Point(self.row + dr, self.col + dc) for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0))]


def find(ch):
    for r, line in enumerate(MAZE):
        c = line.find(ch)
        if c >= 0:
            return Point(r, c)
    return Point(-1, -1)


def open_cell(p):
    return 0 <= p.row < len(MAZE) and 0 <= p.col < len(MAZE[0]) and MAZE[p.row][p.col] != "#"


def shortest_path(start, goal):
    parent = {start: start}
    visited = {start}
    queue = deque([start])
    while queue:
        cur = queue.popleft()
        if cur == goal:
            break
        for nb in cur.neighbours():
            if open_cell(nb) and nb not in visited:
                visited.add(nb)
                parent[nb] = cur
                queue.append(nb)
    if goal not in parent:
        return []
    path = [goal]
    while path[-1] != start:
        path.append(parent[path[-1]])
    path.reverse()
    return path


def main(extra: int):
    start, goal = find("S"), find("E")
    print("start", start, "goal", goal)
    path = shortest_path(start, goal)
    print("steps:", len(path) - 1)
    on_path = set(path)
    for r, line in enumerate(MAZE):
        print("".join("*" if Point(r, c) in on_path and ch == "." else ch for c, ch in enumerate(line)))
    print(path[:3], path[-2:])
    reached = 0
    for r in range(len(MAZE)):
        for c in range(len(MAZE[0])):
            if open_cell(Point(r, c)) and shortest_path(start, Point(r, c)):
                reached += 1
    print("reachable cells:", reached, Point(0, 0) == start, Point(1, 1) in on_path)
    return len(path) + extra
# ARGS: 1
