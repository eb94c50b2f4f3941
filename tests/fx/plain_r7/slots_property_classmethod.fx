import math
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y
    @property
    def norm(self) -> float:
        return math.hypot(self.x, self.y)
    @staticmethod
    def zero() -> "Vec":
        return Vec(0.0, 0.0)
    @classmethod
    def unit(cls, angle: float) -> "Vec":
        return cls(math.cos(angle), math.sin(angle))
    def scaled(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)
    def __add__(self, o: "Vec") -> "Vec":
        return Vec(self.x + o.x, self.y + o.y)

def main(n: int):
    v = Vec.zero()
    for i in range(n):
        v = v + Vec.unit(i * 0.1).scaled(2.0)
    print(f"{v.norm:.6f}")
    return round(v.norm, 6)
# ARGS: 10
