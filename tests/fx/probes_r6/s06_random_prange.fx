# ARGS: 200000
import random
from fastext import prange


def estimate_pi(n: int) -> float:
    hits = 0
    for i in prange(n):
        x = random.random()
        y = random.random()
        if x * x + y * y < 1.0:
            hits += 1
    return 4.0 * hits / n


def main(n: int) -> bool:
    random.seed(1)
    p = estimate_pi(n)
    return abs(p - 3.14159) < 0.05
