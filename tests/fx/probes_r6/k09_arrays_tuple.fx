# ARGS: 4
import numpy as np
from fastext import f64


def split(a: f64[:]) -> tuple[f64[:], f64[:]]:
    return a[a >= 0.0], a[a < 0.0]


def grid(n: int) -> dict[tuple[int, int], float]:
    return {(i, j): i * 0.5 + j for i in range(n) for j in range(2)}


def main(n: int) -> float:
    a = np.linspace(-1.0, 1.0, 2 * n + 1)
    pos, neg = split(a)
    print(len(pos), len(neg), pos.sum(), neg.min())
    pair = (pos, neg)
    print(pair[0][-1], pair[1][0])
    arrays = [np.full(2, float(i)) for i in range(n)]
    stacked = sum(x.sum() for x in arrays)
    print(stacked, grid(2))
    return stacked
