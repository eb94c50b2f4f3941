# ARGS: 3
def mandel(z: complex) -> int:
    maxiter = 80
    c = z
    for n in range(maxiter):
        if abs(z) > 2:
            return n
        z = z * z + c
    return maxiter


def mandelperf() -> list[int]:
    r1 = [-2. + 0.5 * x for x in range(6)]
    r2 = [-1. + 0.5 * x for x in range(5)]
    return [mandel(complex(r, i)) for r in r1 for i in r2]


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(k: int) -> int:
    m = mandelperf()
    print(m, sum(m))
    assert fib(20) == 6765
    return fib(k + 10)
