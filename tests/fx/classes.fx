"""Plain classes (docs/language.md, "Classes"): compiled against interpreted in tests/test_classes.py."""
from __future__ import annotations

import math
from typing import Optional


class Point:
    def __init__(self, i: int):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2
        self.hits = 0

    def normalize(self) -> None:
        norm = math.sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm
        self.hits += 1

    def maximize(self, other: Point) -> Point:
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def float_benchmark(n: int) -> tuple[float, float, float]:
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt.x, nxt.y, nxt.z


def make_point(i: int) -> Point:
    return Point(i)


def point_norm(p: Point) -> float:
    p.normalize()
    return p.x + p.y + p.z


class Vector:
    """A 3-D vector with the operators of pyperformance's raytrace."""

    def __init__(self, x: float, y: float, z: float = 0.0):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self) -> str:
        return f"Vector({self.x}, {self.y}, {self.z})"

    def __add__(self, other: Vector) -> Vector:
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other: Vector) -> Vector:
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k: float) -> Vector:
        return Vector(self.x * k, self.y * k, self.z * k)

    def __rmul__(self, k: float) -> Vector:
        return Vector(self.x * k, self.y * k, self.z * k)

    def __truediv__(self, k: float) -> Vector:
        return Vector(self.x / k, self.y / k, self.z / k)

    def __neg__(self) -> Vector:
        return Vector(-self.x, -self.y, -self.z)

    def __abs__(self) -> float:
        return math.sqrt(self.dot(self))

    def __eq__(self, other: Vector) -> bool:
        return self.x == other.x and self.y == other.y and self.z == other.z

    def __lt__(self, other: Vector) -> bool:
        return abs(self) < abs(other)

    def dot(self, other: Vector) -> float:
        return self.x * other.x + self.y * other.y + self.z * other.z

    @staticmethod
    def zero() -> Vector:
        return Vector(0.0, 0.0, 0.0)

    @classmethod
    def from_polar(cls, r: float, angle: float) -> Vector:
        return cls(r * math.cos(angle), r * math.sin(angle))


class Counter:
    def __init__(self):
        self.n = 0

    def __len__(self) -> int:
        return self.n

    def __str__(self) -> str:
        return "Counter with " + str(self.n)


def vector_ops(a: float, b: float) -> tuple[float, float, bool, bool, bool]:
    u = Vector(a, b, 1.0)
    v = Vector(b, a)
    w = 2.0 * u - v * 3.0 + (-u) / 4.0
    w += u
    same = u == Vector(a, b, 1.0)
    ident = v == v
    return abs(w), w.dot(u), same, ident, u < v


def printing(a: float) -> str:
    u = Vector(a, 2.0)
    c = Counter()
    print(u, c)
    print(f"{u} and {u!r} / {c}")
    if not c:
        c.n += 3
    print(len(c), str(c), repr(u), 1 if c else 0)
    return str(u)


class Ray:
    """Fields that are instances of another class: references, as in Python."""

    def __init__(self, origin: Vector, direction: Vector):
        self.origin = origin
        self.direction = direction

    def point_at(self, t: float) -> Vector:
        return self.origin + self.direction * t


def sorting(n: int) -> str:
    vs = [Vector(math.sin(i), math.cos(i)) for i in range(n)]
    s = sorted(vs)
    lo = min(vs)
    hi = max(vs)
    vs.sort(reverse=True)
    return f"{s[0]} {lo} {hi} {vs[-1]} {len(s)}"


def ray(t: float) -> Vector:
    r = Ray(Vector(0.0, 1.0, 2.0), Vector(1.0, 1.0, 1.0))
    r.origin.x += 1.0
    return r.point_at(t)


def make_ray() -> Ray:
    return Ray(Vector(0.0, 1.0, 2.0), Vector(1.0, 1.0, 1.0))


def move(r: Ray, d: float) -> float:
    r.origin.x += d
    r.direction = Vector(d, d, d)
    return r.origin.x


class Task:
    """A linked record: `next` refers to another Task or is None."""

    def __init__(self, ident: int, prio: int, nxt: Optional[Task] = None):
        self.ident = ident
        self.prio = prio
        self.next = nxt

    def __repr__(self) -> str:
        return f"Task({self.ident}, {self.prio})"


class Queue:
    head: Task | None
    size: int

    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, t: Task) -> None:
        t.next = self.head
        self.head = t
        self.size += 1

    def pop(self) -> Task | None:
        t = self.head
        if t is not None:
            self.head = t.next
            self.size -= 1
        return t


def schedule(n: int) -> str:
    q = Queue()
    for i in range(n):
        q.push(Task(i, i % 3))
    total = 0
    t = q.head
    while t:
        total += t.ident * t.prio
        t = t.next
    first = q.pop()
    out = f"{total} {first} {q.size}"
    while q.head is not None:
        x = q.pop()
        if x is not None and x.prio == 0:
            out += f" {x}"
    return out


def next_of_last() -> int:
    t = Task(1, 2)
    return t.next.ident


def maybe_vector(v: Optional[Vector], k: float) -> Optional[Vector]:
    if v is None:
        return None
    if k > 0:
        return v * k
    return v


def constructors(r: float, a: float) -> Vector:
    return Vector.zero() + Vector.from_polar(r, a)


class Bag:
    """A class holding lists (such classes stay inside compiled code, as linked ones)."""

    def __init__(self, name: str = "bag"):
        self.weights: list[float] = []
        self.counts = [0, 0, 0]
        self.items: list[Vector] = []

    def add(self, w: float, v: Vector) -> None:
        self.weights.append(w)
        self.counts[len(self.weights) % 3] += 1
        self.items.append(v)

    def __getitem__(self, k: int) -> float:
        return self.weights[k]

    def __len__(self) -> int:
        return len(self.weights)

    def total(self) -> float:
        s = 0.0
        for k in range(len(self.weights)):
            s += self.weights[k] * abs(self.items[k])
        return s


def bags(n: int) -> tuple[float, int, int, str]:
    b = Bag()
    alias = b.weights
    for i in range(n):
        b.add(i * 0.5, Vector(i, 1.0, 2.0))
    alias.append(100.0)
    b.items.append(Vector(0.0, 0.0, 1.0))
    return b.total() + b[0] if b else -1.0, len(b), b.counts[1], repr(b.items[-1])


def shared(a: float) -> tuple[Ray, Vector, list[Vector]]:
    o = Vector(a, 0.0, 0.0)
    r = Ray(o, o)
    return r, o, [o, Vector(1.0, 1.0, 1.0), o]
