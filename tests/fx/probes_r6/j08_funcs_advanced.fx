# ARGS: 4
def compose(f, g):
    return lambda x: f(g(x))


def inc(x: float) -> float:
    return x + 1.0


def dbl(x: float) -> float:
    return x * 2.0


def apply_n(f, x: float, n: int) -> float:
    for _ in range(n):
        x = f(x)
    return x


def main(n: int) -> float:
    h = compose(inc, dbl)
    print(h(3.0), apply_n(inc, 0.0, n), apply_n(h, 1.0, n))
    scale = 3.0
    mul = lambda x: x * scale
    print(apply_n(mul, 1.0, n))
    fs = sorted([3.5, -1.0, 2.0], key=abs)
    print(fs, list(map(dbl, fs)), list(filter(lambda v: v > 0, fs)))
    return apply_n(lambda v: v / 2.0, 64.0, n)
