# ARGS: 20000
MASK48 = (1 << 48) - 1


class Lcg:
    # drand48's generator: the product outgrows 64 bits, the mask keeps its low 48
    def __init__(self, seed: int):
        self.state = (seed << 16) | 0x330E

    def next_int(self) -> int:
        self.state = (self.state * 0x5DEECE66D + 0xB) & MASK48
        return self.state >> 17

    def random(self) -> float:
        return self.next_int() / 2147483648.0


def scramble(seed: int, rounds: int) -> int:
    x = seed
    for _ in range(rounds):
        x = (x * 0x5DEECE66D + 0xB) % 2 ** 48
        x ^= x >> 7
    return x


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
    print([rng.next_int() % 100 for _ in range(8)], scramble(-12345, n))
    pi = estimate_pi(rng, n)
    print("pi ~ %.5f" % pi)
    pos, far = random_walk(rng, n)
    print("walk", pos, far)
    return pi
