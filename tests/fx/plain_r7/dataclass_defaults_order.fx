from dataclasses import dataclass, field
import math

@dataclass
class Body:
    x: float
    y: float
    vx: float = 0.0
    vy: float = 0.0
    mass: float = 1.0
    name: str = "b"

    def speed(self) -> float:
        return math.hypot(self.vx, self.vy)

@dataclass(order=True)
class Version:
    major: int
    minor: int
    patch: int = 0

def main(n: int):
    bodies = [Body(float(i), float(-i), vx=0.5 * i, name=f"b{i}") for i in range(n)]
    for b in bodies:
        b.x += b.vx
    print(bodies[1])
    print(max(b.speed() for b in bodies))
    vs = [Version(1, 2, 3), Version(1, 0), Version(0, 9, 9)]
    vs.sort()
    print(vs[0], vs[-1], Version(1, 0) == Version(1, 0, 0))
    return len(bodies)
# ARGS: 4
