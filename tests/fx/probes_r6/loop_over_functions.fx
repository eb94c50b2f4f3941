# ARGS: 3
def square(x: float) -> float:
    return x * x


def cube(x: float) -> float:
    return x * x * x


def main(n: int) -> float:
    t = 0.0
    for op in (square, cube):
        t += op(2.0)
    print(t)
    for f in [cube, square]:
        if f(3.0) > 10.0:
            continue
        print("small", f(3.0))
    else:
        print("done")
    return t
