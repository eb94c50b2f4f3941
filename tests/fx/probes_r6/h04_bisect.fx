# ARGS: 20
import bisect


def main(n: int) -> int:
    xs = sorted((i * 7919) % 101 for i in range(n))
    print(xs)
    print(bisect.bisect_left(xs, 50), bisect.bisect_right(xs, 50))
    bisect.insort(xs, 42)
    print(xs.index(42), len(xs))
    return xs[len(xs) // 2]
