# ARGS: 3
def describe(v: float) -> str:
    if isinstance(v, int):
        return "int"
    return "float"


def main(n: int) -> int:
    x = n * 1.5
    b = n > 2
    s = "ab"
    xs = [1, 2]
    print(isinstance(x, float), isinstance(n, float), isinstance(n, int), type(n) is int, type(x) is float, type(x) == int)
    print(isinstance(b, int), type(b) is int, type(b) is bool, isinstance(s, str), isinstance(xs, (tuple, list)))
    print(isinstance((1, 2), tuple), type(xs) is not list, isinstance(n, (float, complex)), describe(x))
    return 0
