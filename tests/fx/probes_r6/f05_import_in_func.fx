# ARGS: 7
def hyp(a: float, b: float) -> float:
    import math
    return math.sqrt(a * a + b * b)


def roll(n: int) -> list[int]:
    import random
    random.seed(n)
    return [random.randint(1, 6) for _ in range(n)]


def main(n: int) -> float:
    print(hyp(3.0, 4.0))
    r = roll(n)
    print(len(r), all(1 <= v <= 6 for v in r), r == roll(n))
    return hyp(1.0, 1.0)
