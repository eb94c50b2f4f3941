# ARGS: 24, 12
import math

EPSILON = 0.00001


class Vector:
    def __init__(self, x: float, y: float, z: float):
        self.x = x
        self.y = y
        self.z = z

    def dot(self, other: "Vector") -> float:
        return self.x * other.x + self.y * other.y + self.z * other.z

    def magnitude(self) -> float:
        return math.sqrt(self.dot(self))

    def __add__(self, other: "Vector") -> "Vector":
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other: "Vector") -> "Vector":
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, f: float) -> "Vector":
        return Vector(self.x * f, self.y * f, self.z * f)

    def normalized(self) -> "Vector":
        return self.scale(1.0 / self.magnitude())

    def reflect_through(self, normal: "Vector") -> "Vector":
        d = normal.scale(self.dot(normal))
        return self - d.scale(2.0)

    def __repr__(self) -> str:
        return "Vector(%s, %s, %s)" % (self.x, self.y, self.z)


class Ray:
    def __init__(self, point: Vector, vector: Vector):
        self.point = point
        self.vector = vector.normalized()

    def point_at(self, t: float) -> Vector:
        return self.point + self.vector.scale(t)


class Sphere:
    def __init__(self, centre: Vector, radius: float, shade: float):
        self.centre = centre
        self.radius = radius
        self.shade = shade

    def intersection_time(self, ray: Ray) -> float:
        cp = self.centre - ray.point
        v = cp.dot(ray.vector)
        disc = self.radius * self.radius - (cp.dot(cp) - v * v)
        if disc < 0:
            return -1.0
        return v - math.sqrt(disc)

    def normal_at(self, p: Vector) -> Vector:
        return (p - self.centre).normalized()


class Scene:
    def __init__(self):
        self.objects: list[Sphere] = []
        self.light = Vector(30.0, 30.0, 10.0)
        self.eye = Vector(0.0, 1.8, 10.0)

    def add(self, s: Sphere) -> None:
        self.objects.append(s)

    def trace(self, ray: Ray, depth: int) -> float:
        best_t = 1e30
        best = -1
        for i, obj in enumerate(self.objects):
            t = obj.intersection_time(ray)
            if EPSILON < t < best_t:
                best_t = t
                best = i
        if best < 0:
            return 0.1
        obj = self.objects[best]
        p = ray.point_at(best_t)
        n = obj.normal_at(p)
        to_light = (self.light - p).normalized()
        lambert = max(0.0, n.dot(to_light))
        colour = obj.shade * (0.2 + 0.8 * lambert)
        if depth < 3:
            reflected = Ray(p, ray.vector.reflect_through(n))
            colour += 0.3 * self.trace(reflected, depth + 1)
        return colour


def render(width: int, height: int) -> list[str]:
    scene = Scene()
    scene.add(Sphere(Vector(1.0, 3.0, -10.0), 2.0, 0.9))
    for y in range(6):
        scene.add(Sphere(Vector(-3.0 - y * 0.4, 2.3, -5.0), 0.4, 0.5 + 0.05 * y))
    scene.add(Sphere(Vector(0.0, -1000.0, 0.0), 999.0, 0.6))
    palette = " .:;=+*#%@"
    rows = []
    for py in range(height):
        line = []
        for px in range(width):
            x = (px - width / 2.0) / width * 4.0
            y = (height / 2.0 - py) / height * 3.0
            direction = Vector(x, y + 1.8, 0.0) - scene.eye
            c = scene.trace(Ray(scene.eye, direction), 0)
            line.append(palette[min(9, int(c * 9.99))])
        rows.append("".join(line))
    return rows


def main(width: int, height: int) -> int:
    rows = render(width, height)
    for r in rows:
        print(r)
    print(Vector(1.0, 2.0, 3.0).reflect_through(Vector(0.0, 1.0, 0.0)))
    return sum(len(r.strip()) for r in rows)
