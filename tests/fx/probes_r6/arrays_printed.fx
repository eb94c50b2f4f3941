# ARGS: 4
import numpy as np


def main(n: int) -> int:
    a = np.arange(n * 3).reshape(n, 3) * 0.5
    print(a)
    print(a[::2, 1], a.T)
    print(f"row: {a[1]}", str(a[0]))
    b = a > 1.0
    print(b, np.zeros(0), np.array([1 + 2j, 3j]))
    k = 0
    for i in range(20000):
        s = str(a[i % n])
        k += len(s)
    print(repr(np.arange(3)))
    return k
