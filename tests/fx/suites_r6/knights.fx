# ARGS: 6
MOVES = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)]


class Square:
    def __init__(self, r: int, c: int):
        self.r = r
        self.c = c
        self.visited = 0
        self.neighbours: list[int] = []      # indices into the board's squares


class Board:
    def __init__(self, n: int):
        self.n = n
        self.squares = [Square(r, c) for r in range(n) for c in range(n)]
        for sq in self.squares:
            for dr, dc in MOVES:
                r, c = sq.r + dr, sq.c + dc
                if 0 <= r < n and 0 <= c < n:
                    sq.neighbours.append(r * n + c)

    def free_neighbours(self, sq: Square) -> int:
        return sum(1 for k in sq.neighbours if self.squares[k].visited == 0)

    def tour(self, start: int) -> int:
        sq = self.squares[start]
        step = 1
        sq.visited = step
        while True:
            nxt = [self.squares[k] for k in sq.neighbours if self.squares[k].visited == 0]
            if not nxt:
                break
            sq = min(nxt, key=lambda s: (self.free_neighbours(s), s.r, s.c))
            step += 1
            sq.visited = step
        return step


def main(n: int) -> int:
    board = Board(n)
    steps = board.tour(0)
    for r in range(n):
        print(" ".join("%3d" % board.squares[r * n + c].visited for c in range(n)))
    print("visited", steps, "of", n * n)
    return steps
