# ARGS: 1000
def do_unpacking(loops: int, to_unpack) -> int:
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        a, b, c, d, e, f, g, h, i, j = to_unpack
        total += a + j - e
    return total


def main(loops: int) -> int:
    t = (0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
    lst = list(range(10, 20))
    x = do_unpacking(loops, t)
    y = do_unpacking(loops, lst)
    a, (b, c), *rest = 1, (2, 3), 4, 5
    print(x, y, a, b, c, rest)
    first, *middle, last = lst
    print(first, middle, last)
    return x + y
