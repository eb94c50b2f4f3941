# ARGS: 5
from __future__ import annotations

EMPTY, BLACK, WHITE = 0, 1, 2


class Point:
    def __init__(self, board_size: int, pos: int):
        self.pos = pos
        self.colour = EMPTY
        self.neighbours: list[Point] = []
        self.size = board_size

    def set_neighbours(self, points: list[Point]):
        x, y = self.pos % self.size, self.pos // self.size
        for dx, dy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < self.size and 0 <= ny < self.size:
                self.neighbours.append(points[ny * self.size + nx])

    def liberties(self) -> int:
        seen = set()
        stack = [self]
        libs = set()
        while stack:
            p = stack.pop()
            if p.pos in seen:
                continue
            seen.add(p.pos)
            for n in p.neighbours:
                if n.colour == EMPTY:
                    libs.add(n.pos)
                elif n.colour == self.colour:
                    stack.append(n)
        return len(libs)


class Board:
    def __init__(self, size: int):
        self.size = size
        self.points = [Point(size, i) for i in range(size * size)]
        for p in self.points:
            p.set_neighbours(self.points)

    def play(self, pos: int, colour: int) -> bool:
        p = self.points[pos]
        if p.colour != EMPTY:
            return False
        p.colour = colour
        for n in p.neighbours:
            if n.colour != EMPTY and n.colour != colour and n.liberties() == 0:
                self.capture(n)
        return True

    def capture(self, start: Point):
        colour = start.colour
        stack = [start]
        while stack:
            q = stack.pop()
            if q.colour != colour:
                continue
            q.colour = EMPTY
            for n in q.neighbours:
                stack.append(n)

    def show(self) -> str:
        rows = []
        for y in range(self.size):
            rows.append("".join(".XO"[self.points[y * self.size + x].colour] for x in range(self.size)))
        return "\n".join(rows)


def main(size: int) -> int:
    board = Board(size)
    seed = 7
    moves = 0
    for turn in range(size * size * 2):
        seed = (seed * 1103515245 + 12345) % 2147483648
        if board.play(seed % (size * size), BLACK if turn % 2 == 0 else WHITE):
            moves += 1
    print(board.show())
    print("moves", moves, "liberties of centre", board.points[(size * size) // 2].liberties())
    return moves
