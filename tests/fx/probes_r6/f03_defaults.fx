# ARGS: 3
def ident(x: float) -> float:
    return x


def dbl(x: float) -> float:
    return 2.0 * x


def transform(xs: list[float], f=ident, scale: float = 1.0) -> list[float]:
    return [f(x) * scale for x in xs]


def main(n: int) -> float:
    xs = [float(i) for i in range(n)]
    print(transform(xs))
    print(transform(xs, dbl))
    print(transform(xs, f=dbl, scale=0.5))
    print(transform(xs, lambda v: v - 1.0))
    return sum(transform(xs, dbl))
