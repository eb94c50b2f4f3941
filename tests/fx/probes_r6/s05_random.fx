# ARGS: 42
import random


def draws(seed: int, n: int) -> list[float]:
    random.seed(seed)
    return [random.random() for _ in range(n)]


def main(seed: int) -> float:
    xs = draws(seed, 5)
    print(xs == draws(seed, 5), xs == draws(seed + 1, 5), all(0.0 <= x < 1.0 for x in xs))
    ks = [random.randint(1, 10) for _ in range(200)]
    print(min(ks) >= 1, max(ks) <= 10, len(set(ks)) == 10)
    u = random.uniform(2.0, 3.0)
    g = [random.gauss(0.0, 1.0) for _ in range(2000)]
    print(2.0 <= u <= 3.0, abs(sum(g) / len(g)) < 0.2)
    items = ["a", "b", "c", "d"]
    print(random.choice(items) in items)
    deck = list(range(10))
    random.shuffle(deck)
    print(sorted(deck) == list(range(10)), len(deck))
    hits = 0
    for _ in range(20000):
        x = random.random()
        y = random.random()
        if x * x + y * y < 1.0:
            hits += 1
    return round(4.0 * hits / 20000, 1)
