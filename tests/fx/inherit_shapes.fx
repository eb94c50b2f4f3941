from __future__ import annotations
import math


class Vec:
    def __init__(self, x: float, y: float, z: float):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, o: Vec) -> float:
        return self.x * o.x + self.y * o.y + self.z * o.z

    def sub(self, o: Vec) -> Vec:
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)


class Shape:
    KIND = 0

    def __init__(self, albedo: float):
        self.albedo = albedo

    def hit(self, origin: Vec, direction: Vec) -> float:
        raise NotImplementedError

    def describe(self) -> str:
        return f"shape {self.KIND} albedo={self.albedo}"

    def __repr__(self) -> str:
        return f"Shape(kind={self.KIND})"


class Sphere(Shape):
    KIND = 1

    def __init__(self, center: Vec, radius: float, albedo: float):
        super().__init__(albedo)
        self.center = center
        self.radius = radius

    def hit(self, origin: Vec, direction: Vec) -> float:
        oc = origin.sub(self.center)
        a = direction.dot(direction)
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - a * c
        if disc < 0.0:
            return -1.0
        return (-b - math.sqrt(disc)) / a


class Plane(Shape):
    KIND = 2

    def __init__(self, normal: Vec, offset: float):
        Shape.__init__(self, 0.5)
        self.normal = normal
        self.offset = offset

    def hit(self, origin: Vec, direction: Vec) -> float:
        d = self.normal.dot(direction)
        if abs(d) < 1e-9:
            return -1.0
        return -(self.normal.dot(origin) + self.offset) / d

    def describe(self) -> str:
        return "plane " + super().describe()


class Box(Shape):
    """A slab along z, hit from the front: inherits describe(), overrides hit() and __repr__."""

    def __init__(self, near: float, far: float):
        super().__init__(0.25)
        self.near = near
        self.far = far

    def hit(self, origin: Vec, direction: Vec) -> float:
        if direction.z <= 0.0:
            return -1.0
        t = (self.near - origin.z) / direction.z
        if abs(origin.x + t * direction.x) > self.far - self.near:
            return -1.0
        return t

    def __repr__(self) -> str:
        return f"Box({self.near}, {self.far})"


class Cube(Box):
    KIND = 4

    def __repr__(self) -> str:
        return "Cube:" + super().__repr__()


def _first_hit(shapes: list[Shape], origin: Vec, direction: Vec) -> Shape | None:
    best: Shape | None = None
    nearest = 1e300
    for s in shapes:
        t = s.hit(origin, direction)
        if 0.0 < t < nearest:
            nearest = t
            best = s
    return best


def closest(n: int) -> int:
    """Which kind of shape each ray meets first, through an Optional base reference."""
    shapes = [Sphere(Vec(0.0, 0.0, 5.0), 1.0, 0.9), Plane(Vec(0.0, 1.0, 0.0), 1.0), Box(7.0, 8.0),
              Cube(9.0, 9.5)]
    counts = [0, 0, 0, 0, 0]
    for i in range(n):
        d = Vec(0.05 * (i % 40) - 1.0, 0.013 * (i % 31) - 0.1, 1.0)
        s = _first_hit(shapes, Vec(0.0, 0.0, 0.0), d)
        if s is None:
            continue
        counts[s.KIND] += 1
        if isinstance(s, Box):
            counts[0] += 1
        other = shapes[0] if i % 2 == 0 else shapes[2]
        if other is s:
            counts[0] += 10
        pick = Sphere(Vec(0.0, 0.0, 3.0), 0.5, 0.1) if i % 3 == 0 else Box(1.0, 2.0)
        if pick.hit(Vec(0.0, 0.0, 0.0), d) > 0.0:
            counts[0] += 100
    print(counts, shapes[0], shapes[2], shapes[3], shapes[2] == shapes[3], shapes[3] is shapes[3])
    return counts[1] * 1000 + counts[2]


def scene(n: int) -> float:
    shapes: list[Shape] = [Sphere(Vec(0.0, 0.0, 5.0), 1.0, 0.9), Plane(Vec(0.0, 1.0, 0.0), 1.0)]
    shapes.append(Sphere(Vec(2.0, 0.0, 6.0), 0.5, 0.3))
    total = 0.0
    hits = 0
    for i in range(n):
        d = Vec(0.001 * i - 0.5, 0.002 * i - 0.3, 1.0)
        for s in shapes:
            t = s.hit(Vec(0.0, 0.0, 0.0), d)
            if t > 0.0:
                total += t * s.albedo
                hits += 1
            if isinstance(s, Sphere):
                total += s.radius * 0.001
    for s in shapes:
        print(s.describe(), s.KIND, Shape.KIND, isinstance(s, Plane))
    print(hits, round(total, 6))
    return total
