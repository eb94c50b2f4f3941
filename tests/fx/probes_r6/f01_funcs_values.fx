# ARGS: 5
def square(x: float) -> float:
    return x * x


def cube(x: float) -> float:
    return x * x * x


def apply_all(f, xs: list[float]) -> list[float]:
    return [f(x) for x in xs]


def integrate(f, a: float, b: float, n: int) -> float:
    h = (b - a) / n
    s = 0.0
    for i in range(n):
        s += f(a + (i + 0.5) * h)
    return s * h


def main(n: int) -> float:
    g = square
    print(g(3.0), apply_all(cube, [1.0, 2.0]))
    print(f"{integrate(square, 0.0, 1.0, 100):.6f}")
    print(f"{integrate(lambda x: 2 * x + 1, 0.0, 1.0, n):.6f}")
    for op in (square, cube):
        print(op(2.0))
    for name, op in zip(["sq", "cu"], [1, 2]):
        print(name, op)
    return integrate(g, 0.0, 2.0, 1000)
