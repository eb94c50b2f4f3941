# ARGS: 6
from fastext import f64
import numpy as np


def main(n: int) -> float:
    xs = [1.5, 2.5, -3.0, 4.0]
    for i, x in enumerate(xs):
        print(i, x)
    for i, x in enumerate(xs, 1):
        print(i, x, end=" ")
    print()
    names = ["a", "b", "c"]
    for name, x in zip(names, xs):
        print(name, x)
    for x in reversed(xs):
        print(x, end=",")
    print()
    print(sorted(xs), sum(xs), min(xs), max(xs))
    print(any(x < 0 for x in xs), all(x < 0 for x in xs))
    print(sum(range(n)), min(range(3, n)), max(range(n)), list(reversed(range(n))))
    a = np.arange(n) * 0.5
    print(sum(a), min(a), max(a))
    for i, v in enumerate(a):
        if i > 2:
            break
        print(i, v)
    for v, w in zip(a, range(n)):
        print(v + w, end=" ")
    print()
    print(any(v > 2.0 for v in a), all(a >= 0))
    return sum(a) + sum(xs)
