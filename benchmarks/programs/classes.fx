"""Programs written with plain classes, in the styles of pyperformance's raytrace, richards,
float and of the particle simulations in the Numba/Pythran examples (benchmarks/programs/run.py).

Plain Python as people write it: `class Vector:` with `__init__`, operator special methods,
`__repr__`, fields that hold other instances or None, lists of instances."""
from __future__ import annotations

import math
from typing import Optional


# ------------------------------------------------------------------ a ray-sphere tracer
class Vector:
    def __init__(self, x: float, y: float, z: float):
        self.x = x
        self.y = y
        self.z = z

    def __repr__(self) -> str:
        return f"Vector({self.x:.6f}, {self.y:.6f}, {self.z:.6f})"

    def __add__(self, other: Vector) -> Vector:
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other: Vector) -> Vector:
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k: float) -> Vector:
        return Vector(self.x * k, self.y * k, self.z * k)

    def __rmul__(self, k: float) -> Vector:
        return Vector(self.x * k, self.y * k, self.z * k)

    def __neg__(self) -> Vector:
        return Vector(-self.x, -self.y, -self.z)

    def __abs__(self) -> float:
        return math.sqrt(self.dot(self))

    def dot(self, other: Vector) -> float:
        return self.x * other.x + self.y * other.y + self.z * other.z

    def normalized(self) -> Vector:
        return self * (1.0 / abs(self))

    def reflect_through(self, normal: Vector) -> Vector:
        return self - normal * (2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin: Vector, direction: Vector):
        self.origin = origin
        self.direction = direction.normalized()

    def point_at(self, t: float) -> Vector:
        return self.origin + self.direction * t


class Sphere:
    def __init__(self, centre: Vector, radius: float, shade: float):
        self.centre = centre
        self.radius = radius
        self.shade = shade

    def intersection_time(self, ray: Ray) -> float:
        cp = self.centre - ray.origin
        v = cp.dot(ray.direction)
        discriminant = self.radius * self.radius - (cp.dot(cp) - v * v)
        if discriminant < 0:
            return -1.0
        return v - math.sqrt(discriminant)

    def normal_at(self, p: Vector) -> Vector:
        return (p - self.centre).normalized()


def _trace(spheres: list[Sphere], light: Vector, ray: Ray, depth: int) -> float:
    best = -1.0
    hit: Optional[Sphere] = None
    for s in spheres:
        t = s.intersection_time(ray)
        if t > 1e-9 and (hit is None or t < best):
            best = t
            hit = s
    if hit is None:
        return 0.1
    p = ray.point_at(best)
    n = hit.normal_at(p)
    to_light = (light - p).normalized()
    lambert = max(n.dot(to_light), 0.0)
    colour = hit.shade * (0.2 + 0.8 * lambert)
    if depth < 3:
        bounce = Ray(p, ray.direction.reflect_through(n))
        colour += 0.3 * _trace(spheres, light, bounce, depth + 1)
    return colour


def raytrace(size: int) -> float:
    spheres = [Sphere(Vector(0.0, 0.0, 5.0), 1.5, 0.9), Sphere(Vector(-2.0, 1.0, 6.0), 1.0, 0.6),
               Sphere(Vector(2.0, -1.0, 4.0), 0.7, 0.8), Sphere(Vector(0.0, -101.0, 5.0), 100.0, 0.5)]
    light = Vector(-5.0, 8.0, -3.0)
    eye = Vector(0.0, 0.5, -4.0)
    total = 0.0
    shades = " .:-=+*#%@"
    for j in range(size):
        row = ""
        for i in range(size):
            target = Vector((i - size / 2) / size * 2.0, (size / 2 - j) / size * 2.0, 0.0)
            c = _trace(spheres, light, Ray(eye, target - eye), 0)
            total += c
            row += shades[min(int(c * 9.999), 9)]
        if size <= 40:
            print(row)
    print(f"total {total:.6f}", eye, -light)
    return total


# ------------------------------------------------------------------ a task scheduler (richards)
class Packet:
    def __init__(self, ident: int, kind: int, link: Optional[Packet] = None):
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.link = link

    def append_to(self, queue: Optional[Packet]) -> Packet:
        self.link = None
        if queue is None:
            return self
        p = queue
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, ident: int, priority: int, work: Optional[Packet], nxt: Optional[Task] = None):
        self.ident = ident
        self.priority = priority
        self.input = work
        self.next = nxt
        self.held = False
        self.runs = 0
        self.count = 0

    def take(self) -> Optional[Packet]:
        pkt = self.input
        if pkt is not None:
            self.input = pkt.link
        return pkt


class Scheduler:
    head: Optional[Task]
    queue_count: int
    hold_count: int

    def __init__(self):
        self.head = None
        self.queue_count = 0
        self.hold_count = 0

    def add(self, t: Task) -> None:
        # kept sorted by priority, highest first, as richards' task list
        if self.head is None or self.head.priority < t.priority:
            t.next = self.head
            self.head = t
            return
        p = self.head
        while p.next is not None and p.next.priority >= t.priority:
            p = p.next
        t.next = p.next
        p.next = t

    def find(self, ident: int) -> Optional[Task]:
        t = self.head
        while t is not None:
            if t.ident == ident:
                return t
            t = t.next
        return None

    def send(self, pkt: Packet, dest: int) -> None:
        t = self.find(dest)
        if t is not None:
            t.input = pkt.append_to(t.input)
            self.queue_count += 1

    def run(self, steps: int) -> int:
        done = 0
        while done < steps:
            t = self.head
            progressed = False
            while t is not None:
                if not t.held and t.input is not None:
                    pkt = t.take()
                    if pkt is not None:
                        t.runs += 1
                        t.count = (t.count * 31 + pkt.datum + pkt.kind) % 1000003
                        pkt.datum = (pkt.datum + t.ident) % 26
                        self.send(pkt, (t.ident + pkt.kind + 1) % 6)
                        progressed = True
                        done += 1
                        if t.runs % 7 == 0:
                            t.held = True
                            self.hold_count += 1
                elif t.held and t.runs % 3 == 0:
                    t.held = False
                t = t.next
            if not progressed:
                t = self.head
                while t is not None:
                    t.held = False
                    t = t.next
        return done


def richards(steps: int) -> int:
    s = Scheduler()
    for i in range(6):
        work: Optional[Packet] = None
        for k in range(i + 1):
            work = Packet(k, i % 3, work)
        s.add(Task(i, (i * 37) % 11, work))
    s.run(steps)
    check = s.queue_count * 7 + s.hold_count
    t = s.head
    while t is not None:
        check = (check * 131 + t.count + t.runs) % 1000000007
        t = t.next
    print("richards", s.queue_count, s.hold_count, check)
    return check


# ------------------------------------------------------------------ pyperformance's float
class Point:
    def __init__(self, i: int):
        self.x = x = math.sin(i)
        self.y = math.cos(i) * 3
        self.z = (x * x) / 2

    def __repr__(self) -> str:
        return f"<Point: x={self.x}, y={self.y}, z={self.z}>"

    def normalize(self) -> None:
        x = self.x
        y = self.y
        z = self.z
        norm = math.sqrt(x * x + y * y + z * z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other: Point) -> Point:
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def _maximize(points: list[Point]) -> Point:
    nxt = points[0]
    for p in points[1:]:
        nxt = nxt.maximize(p)
    return nxt


def float_points(n: int) -> str:
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    return repr(_maximize(points))


# ------------------------------------------------------------------ particles
class Particle:
    def __init__(self, x: float, y: float, vx: float, vy: float, mass: float):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy
        self.mass = mass

    def kinetic(self) -> float:
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy)

    def __lt__(self, other: Particle) -> bool:
        return self.kinetic() < other.kinetic()

    def __repr__(self) -> str:
        return f"Particle(x={self.x:.4f}, y={self.y:.4f}, m={self.mass:.2f})"


def particles(n: int, steps: int) -> float:
    ps = [Particle(math.cos(i * 0.7) * 10.0, math.sin(i * 1.3) * 10.0, math.sin(i) * 0.1, math.cos(i) * 0.1,
                   1.0 + (i % 5)) for i in range(n)]
    dt = 0.01
    for _ in range(steps):
        for a in ps:
            fx = 0.0
            fy = 0.0
            for b in ps:
                if a is not b:
                    dx = b.x - a.x
                    dy = b.y - a.y
                    d2 = dx * dx + dy * dy + 0.01
                    f = b.mass / (d2 * math.sqrt(d2))
                    fx += f * dx
                    fy += f * dy
            a.vx += fx * dt
            a.vy += fy * dt
        for p in ps:
            p.x += p.vx * dt
            p.y += p.vy * dt
    energy = sum([p.kinetic() for p in ps])
    print("fastest", max(ps), "slowest", min(ps))
    print(f"energy {energy:.9f}")
    return energy
