# ARGS: 3000
import math


class GVector:
    def __init__(self, x: float = 0.0, y: float = 0.0, z: float = 0.0):
        self.x = x
        self.y = y
        self.z = z

    def mag(self) -> float:
        return math.sqrt(self.x ** 2 + self.y ** 2 + self.z ** 2)

    def dist(self, other: "GVector") -> float:
        return math.sqrt((self.x - other.x) ** 2 + (self.y - other.y) ** 2 + (self.z - other.z) ** 2)

    def __add__(self, other: "GVector") -> "GVector":
        return GVector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other: "GVector") -> "GVector":
        return self + other * -1.0

    def __mul__(self, other: float) -> "GVector":
        return GVector(self.x * other, self.y * other, self.z * other)

    def linear_combination(self, other: "GVector", l1: float, l2: float) -> "GVector":
        return GVector(self.x * l1 + other.x * l2, self.y * l1 + other.y * l2, self.z * l1 + other.z * l2)


def make_transforms() -> list[list[GVector]]:
    return [
        [GVector(0.0, 0.0), GVector(0.5, 0.0), GVector(0.0, 0.5)],
        [GVector(0.5, 0.0), GVector(1.0, 0.0), GVector(0.75, 0.5)],
        [GVector(0.0, 0.5), GVector(0.5, 0.5), GVector(0.25, 1.0)],
    ]


def apply(tri: list[GVector], p: GVector) -> GVector:
    a = tri[0]
    u = tri[1] - a
    v = tri[2] - a
    return a + u * p.x + v * p.y


def main(iterations: int) -> int:
    seed = 1234
    transforms = make_transforms()
    width = 32
    height = 16
    grid = [[0] * width for _ in range(height)]
    point = GVector(0.3, 0.3)
    for i in range(iterations):
        seed = (seed * 1103515245 + 12345) % 2147483648
        t = (seed >> 16) % len(transforms)
        point = apply(transforms[t], point) * 1.0
        if i > 20:
            gx = min(width - 1, int(point.x * width))
            gy = min(height - 1, int(point.y * height))
            grid[height - 1 - gy][gx] += 1
    for row in grid:
        print("".join("#" if c > 2 else ("." if c else " ") for c in row))
    print("%.6f" % point.mag(), "%.6f" % point.dist(GVector(1.0, 1.0)))
    return sum(sum(r) for r in grid)
