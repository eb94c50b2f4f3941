# ARGS: 4
def make_scale(k: float):
    def scale(x: float) -> float:
        return k * x
    return scale


def total(f, xs: list[float]) -> float:
    s = 0.0
    for x in xs:
        s += f(x)
    return s


def main(n: int) -> float:
    offset = float(n)

    def shifted(x: float) -> float:
        return x + offset

    xs = [1.0, 2.0, 3.0]
    print(total(shifted, xs))
    double = make_scale(2.0)
    print(total(double, xs))
    thr = 1.5
    big = list(filter(lambda x: x > thr, xs))
    print(big, list(map(lambda x: x * offset, xs)))
    return total(lambda x: x * x + offset, xs)
