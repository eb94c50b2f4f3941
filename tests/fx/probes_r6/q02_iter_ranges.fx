# ARGS: 5
import numpy as np


def main(n: int) -> int:
    a = np.arange(n) * 1.5
    print(any(range(0)), all(range(1, n)), any(range(n)), sum(reversed(range(n))))
    print(list(enumerate(range(3))), list(zip(range(3), [1.5, 2.5, 3.5])))
    print(sorted(range(n), reverse=True), min(a), max(np.arange(n)), sorted(a)[-1])
    print([float(i * v) for i, v in enumerate(a)], list(reversed(a)) == sorted(a, reverse=True))
    print(any(a > 5.0), all(a >= 0), sum(x for x in a if x > 1.0), min(a[1:], default=0.0))
    for i, (x, y) in enumerate(zip(a, reversed(a))):
        print(i, x + y, end=" ")
    print()
    return sum(range(n))
