# ARGS: 20000
class Lcg:
    def __init__(self, seed: int):
        self.state = seed

    def next_int(self) -> int:
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return self.state >> 33

    def random(self) -> float:
        return self.next_int() / 2147483648.0


def estimate_pi(rng: Lcg, n: int) -> float:
    inside = 0
    for _ in range(n):
        x = rng.random()
        y = rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n


def random_walk(rng: Lcg, steps: int) -> tuple[int, int]:
    x = y = 0
    far = 0
    for _ in range(steps):
        d = rng.next_int() % 4
        if d == 0:
            x += 1
        elif d == 1:
            x -= 1
        elif d == 2:
            y += 1
        else:
            y -= 1
        far = max(far, abs(x) + abs(y))
    return x * 1000 + y, far


def main(n: int) -> float:
    rng = Lcg(42)
    print([rng.next_int() % 100 for _ in range(8)])
    pi = estimate_pi(rng, n)
    print("pi ~ %.5f" % pi)
    pos, far = random_walk(rng, n)
    print("walk", pos, far)
    return pi
