# ARGS: 3
from __future__ import annotations


class Square:
    def __init__(self, r: int, c: int):
        self.r = r
        self.c = c
        self.neighbours: list[Square] = []

    def link(self, other: Square):
        self.neighbours.append(other)


def main(n: int) -> int:
    sq = [Square(r, c) for r in range(n) for c in range(n)]
    for s in sq:
        for t in sq:
            if abs(s.r - t.r) + abs(s.c - t.c) == 1:
                s.link(t)
    tot = 0
    for s in sq:
        tot += len(s.neighbours)
        print(s.r, s.c, [(t.r, t.c) for t in s.neighbours])
    return tot
