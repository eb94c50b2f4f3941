# collections.namedtuple records used as the tuples they are: indexed, unpacked, iterated,
# compared, hashed as dict keys and set members, rebuilt with _replace and spread with *p
from collections import namedtuple

Point2D = namedtuple("Point2D", "x y")
Point3D = namedtuple("Point3D", ["x", "y", "z"])


def manhattan(a, b):
    dx, dy = a
    ex, ey = b
    return abs(dx - ex) + abs(dy - ey)


def lift(p, z):
    return Point3D(*p, z=z)


def main(n: int):
    pts = [Point2D(i % 3, (i * 7) % 5) for i in range(n)]
    print(pts[0], pts[-1], pts[1][0], pts[1][-1], len(pts[0]))
    moved = [p._replace(x=p.x + 10) for p in pts[:3]]
    print(moved)
    total = 0
    for p in pts:
        for coord in p:
            total += coord
    print("sum of coordinates", total)
    seen = set()
    for p in pts:
        seen.add(p)
    print(len(seen), Point2D(0, 0) in seen, Point2D(9, 9) in seen)
    visits = {}
    for p in pts:
        visits[p] = visits.get(p, 0) + 1
    for p in sorted(visits):
        print(" ", p, visits[p])
    print(min(pts), max(pts), pts[0] < pts[1], pts[0] == Point2D(0, 0))
    corner = Point3D(1, 2, 3)
    print(manhattan(pts[1], pts[2]), lift(pts[2], 4), lift(pts[2], 4)[2], corner < lift(pts[2], 4))
    x, y = max(pts)
    return x * 100 + y
# ARGS: 9
