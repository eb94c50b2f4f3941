# ARGS: 5
import numpy as np


def main(n: int) -> float:
    a = np.linspace(0.0, 1.0, n)
    b = np.arange(n)
    xs = list(a)
    print(len(xs), xs[1] == a[1])
    print(sorted(b, reverse=True) == list(reversed(b)))
    tot = 0.0
    for x, y in zip(a, b):
        tot += x * y
    for i, x in enumerate(reversed(a)):
        tot += i * x
    print(sum(range(n)), max(range(2, n)), min(b), max(a), sum(b))
    print(list(reversed(range(n))), sorted(range(n), key=lambda i: -i))
    print([float(v) for v in a], [int(v) for v in b])
    print(all(v >= 0 for v in b), any(v > 0.5 for v in a))
    return tot
