# ARGS: 7
import math


def main(n: int) -> int:
    d = {"x": 3, "y": 9, "z": 1}
    for i, (k, v) in enumerate(d.items()):
        print(i, k, v)
    print(sorted(d, key=d.get, reverse=True), min(d.items(), key=lambda kv: kv[1])[0])
    print("{name}: {val:.2f}".format(name="pi", val=math.pi), "{0:>4}|{1:<4}|".format(n, -n))
    print(divmod(n, 3), divmod(-n, 3), abs(-2.5), round(2.5), round(3.5), round(2.675, 2), pow(3, n, 5))
    print(int(3.9), int(-3.9), -7 // 2, -7 % 3, 7 % -3, 2.0 ** -1, 10 / 4)
    print(math.inf > 1e308, float("inf") == math.inf, math.isnan(float("nan")), -math.inf < 0)
    xs = [3, 1, 2]
    ys = [30, 10, 20]
    zs = [0.3, 0.1, 0.2]
    for a, b, c in zip(xs, ys, zs):
        print(a, b, c, end="; ")
    print()
    for i in range(len(xs) - 1, -1, -1):
        print(xs[i], end=" ")
    print()
    print(any(v > 5 for k, v in d.items()), all(k.islower() for k in d))
    grid = [["."] * 3 for _ in range(2)]
    grid[1][2] = "#"
    print("\n".join("".join(row) for row in grid))
    a = b = 0
    a += 1
    print(a, b, max(1, 2, 3), min([4, 5]), sum([0.1] * 10), math.fsum([0.1] * 10))
    return sum(xs) + n
