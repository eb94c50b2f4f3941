# ARGS: [3.0, 1.0, 2.0]
def normalize(xs: list[float]) -> list[float]:
    s = sum(xs)
    return [x / s for x in xs]


def top(xs: list[float], k: int) -> list[float]:
    return sorted(xs, reverse=True)[:k]


def same(xs: list[float]) -> list[float]:
    xs.sort()
    return xs


def main(xs: list[float]) -> list[float]:
    print(normalize(xs))
    print(top(xs, 2))
    ys = same(xs)
    print(xs)
    return ys
