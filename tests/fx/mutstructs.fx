"""Mutable structs (`@struct(mutable=True)`): records with settable fields, shared by reference
as Python's objects are (tests/test_mutable_structs.py runs it compiled and interpreted)."""
from __future__ import annotations

import math
from fastext import f64, i32, i64, struct


@struct
class Pair:
    a: f64
    b: f64


@struct(mutable=True)
class Point:
    x: f64
    y: f64
    z: f64

    def normalize(self) -> None:
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other: Point) -> Point:
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self

    def move(self, dx: f64) -> None:
        self.x += dx

    def total(self) -> f64:
        return self.x + self.y + self.z


@struct(mutable=True)
class Counter:
    n: i64
    small: i32
    flag: bool
    span: Pair


def make(i: i64) -> Point:
    x = math.sin(i)
    return Point(x, math.cos(i) * 3, (x * x) / 2)


def benchmark(n: i64) -> tuple[f64, f64, f64]:
    points = [make(i) for i in range(n)]
    for p in points:
        p.normalize()
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt.x, nxt.y, nxt.z


def alias(a: f64) -> tuple[f64, f64]:
    p = Point(a, 2.0, 3.0)
    q = p
    q.x = 5.0
    q.y += a
    return p.x, p.y


def through_call(a: f64, times: i64) -> f64:
    p = Point(a, 0.0, 0.0)
    for _ in range(times):
        p.move(1.5)
    shift(p, 2)
    return p.x


def shift(p: Point, k: i64) -> None:
    p.x = p.x * k
    p.z = k           # an int into a f64 field, as an assignment converts it


def rebind(a: f64) -> f64:
    p = Point(a, a, a)
    q = p
    p = Point(0.0, 0.0, 0.0)     # a new record: q still holds the old one
    p.x = 9.0
    return q.x + p.x


def shared_in_list(n: i64) -> list[f64]:
    p = Point(1.0, 2.0, 3.0)
    xs = [p, p, Point(0.0, 0.0, 0.0)]
    for k in range(n):
        xs[0].x += 1.0
        xs[2].y -= k
    out: list[f64] = []
    for q in xs:
        out.append(q.x + q.y)
    out.append(p.x)
    return out


def grow(n: i64) -> list[Point]:
    ps: list[Point] = []
    for i in range(n):
        ps.append(Point(i * 1.0, -i * 1.0, 0.5))
    for p in ps:
        p.z += p.x
    return ps


def counters(n: i64) -> Counter:
    c = Counter(0, 0, False, Pair(0.0, 1.0))
    for i in range(n):
        c.n += i
        c.small += 100000000      # wraps to 32 bits as an i32 does
        c.flag = not c.flag
        c.span = Pair(c.span.a + 1.0, c.span.b * 2.0)
    return c


def unpacked(p: Point) -> f64:
    x, y, z = p
    return x * 100.0 + y * 10.0 + z


def param_update(p: Point, dx: f64) -> Point:
    p.move(dx)
    p.y = -p.y
    return p


def both(p: Point, q: Point) -> tuple[Point, f64]:
    p.x += q.x
    return p, p.total() + q.total()


def arrays(vs: Point[:], dx: f64) -> f64:
    total = 0.0
    for i in range(len(vs)):
        p = vs[i]            # a copy of the item
        p.x += dx
        vs[i] = p            # stored back
        total += vs[i].x
    return total


def search(v: f64) -> tuple[bool, bool, i64, i64]:
    a = Point(v, 0.0, 0.0)
    xs = [a, Point(2.0, 0.0, 0.0)]
    # `in`, index and count: the same record, or equal fields (a NaN field equals itself only)
    return Point(2.0, 0.0, 0.0) in xs, a in xs, xs.index(Point(2.0, 0.0, 0.0)), xs.count(a)


def in_tuple(k: f64) -> f64:
    t = (Point(1.0, 0.0, 0.0), k)
    a, b = t
    a.x += b
    return t[0].x
