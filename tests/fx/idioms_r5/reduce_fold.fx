# ARGS: 5
import functools
from functools import reduce


def mul(a: int, b: int) -> int:
    return a * b


def main(n: int) -> int:
    xs = list(range(1, n + 1))
    print(functools.reduce(lambda a, b: a + b, xs))
    print(reduce(mul, xs, 1))
    print(reduce(lambda acc, x: acc * 10 + x, xs, 0))
    print(reduce(max, [3, 9, 2]))
    print(reduce(lambda a, b: a + b, [0.5, 1.5], 0))
    print(reduce(lambda s, w: s + w[0], ["ab", "cd"], ""))
    try:
        reduce(mul, xs[:0])
    except TypeError as e:
        print("TypeError", e)
    return reduce(mul, xs)
