from dataclasses import dataclass
@dataclass
class Point:
    x: float
    y: float
    def dist2(self, o: "Point") -> float:
        return (self.x - o.x) ** 2 + (self.y - o.y) ** 2

def main(n: int):
    pts = [Point(float(i), float(i * i % 7)) for i in range(n)]
    best = min(pts[1:], key=lambda p: p.dist2(pts[0]))
    print(best)
    print(best.x, best.y)
    return len(pts)
# ARGS: 10
