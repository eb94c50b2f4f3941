# ARGS: 2000
from __future__ import annotations

from math import cos, sin, sqrt


class Point:
    def __init__(self, i: float):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self):
        return "<Point: x=%s, y=%s, z=%s>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other: Point) -> Point:
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def maximize(points: list[Point]) -> Point:
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def benchmark(n: int) -> Point:
    points = []
    for i in range(n):
        points.append(Point(i))
    for p in points:
        p.normalize()
    return maximize(points)


def main(n: int) -> float:
    p = benchmark(n)
    print(p)
    return round(p.x + p.y + p.z, 12)
