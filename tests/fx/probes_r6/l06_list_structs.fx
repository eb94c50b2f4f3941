# ARGS: 4
from fastext import struct, f64, i64


@struct(mutable=True)
class Particle:
    x: f64
    v: f64
    hits: i64

    def step(self, dt: f64):
        self.x += self.v * dt
        if self.x > 1.0 or self.x < 0.0:
            self.v = -self.v
            self.hits += 1


def main(n: int) -> int:
    ps = [Particle(0.1 * i, 0.3 + 0.05 * i, 0) for i in range(n)]
    for step in range(20):
        for p in ps:
            p.step(0.25)
    for p in ps:
        print(f"{p.x:.3f} {p.v:+.2f} {p.hits}")
    total = sum(p.hits for p in ps)
    ps.sort(key=lambda p: p.x)
    print([round(p.x, 2) for p in ps])
    return total
