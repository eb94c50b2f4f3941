# ARGS: 100000
import random
import numpy as np
from fastext import prange


def fill(n: int) -> float:
    out = np.zeros(n)
    for i in prange(n):
        out[i] = random.uniform(-1.0, 1.0) + random.randint(0, 2)
    return out.mean()


def main(n: int) -> bool:
    m = fill(n)
    return abs(m - 1.0) < 0.05
