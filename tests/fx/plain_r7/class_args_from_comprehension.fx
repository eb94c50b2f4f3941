import math
class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def move(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.x < 0 or self.x > 10:
            self.vx = -self.vx
        if self.y < 0 or self.y > 10:
            self.vy = -self.vy

    def energy(self):
        return 0.5 * (self.vx ** 2 + self.vy ** 2)

def main(n: int, steps: int):
    ps = [Particle(i * 0.5, i * 0.25, math.cos(i), math.sin(i)) for i in range(n)]
    for _ in range(steps):
        for p in ps:
            p.move(0.1)
    e = sum(p.energy() for p in ps)
    print(f"{e:.6f}")
    cx = sum(p.x for p in ps) / len(ps)
    print("%.4f" % cx)
    return round(e, 6)
# ARGS: 20, 100
