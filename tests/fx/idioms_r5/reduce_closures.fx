# ARGS: 5
import functools
from functools import reduce


def mul(a: int, b: int) -> int:
    return a * b


def make_adder(k: int):
    return lambda x: x + k


def make_scaler(k: float):
    def scale(x):
        return x * k
    return scale


def compose(f, g):
    return lambda x: f(g(x))


def make_counter(start: int):
    count = [start]

    def inc(step):
        count[0] += step
        return count[0]
    return inc


def make_poly(coeffs: list[float]):
    """Horner's rule over the captured coefficients."""
    def poly(x):
        return reduce(lambda acc, c: acc * x + c, coeffs, 0.0)
    return poly


def main(n: int) -> int:
    xs = list(range(1, n + 1))
    print(functools.reduce(lambda a, b: a + b, xs))
    print(reduce(mul, xs, 1))
    print(reduce(lambda acc, x: acc * 10 + x, xs, 0))
    print(reduce(max, [3, 9, 2]))
    add3 = make_adder(3)
    print(add3(n), make_adder(10)(n))
    s = make_scaler(1.5)
    print(s(4))
    h = compose(add3, add3)
    print(h(1))
    inc = make_counter(n)
    print(inc(1), inc(2), inc(3))
    p = make_poly([1.0, -2.0, 0.5])
    print([p(float(x)) for x in range(n)])
    times = make_scaler(2.0)
    print(reduce(lambda a, b: a + times(b), [1, 2, 3], 0.0))
    for k in range(3):
        addk = make_adder(k)
        print(addk(100), end=" ")
    print()
    return add3(1)
