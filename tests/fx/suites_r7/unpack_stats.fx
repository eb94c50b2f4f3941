# ARGS: 12
def stats(xs: list[float]):
    lo = hi = None
    total = 0.0
    for x in xs:
        if lo is None or x < lo:
            lo = x
        if hi is None or x > hi:
            hi = x
        total += x
    if not xs:
        return None
    return lo, hi, total / len(xs)


def pairs(n: int) -> list[tuple[int, int]]:
    out = []
    for i in range(n):
        a, b = i, i * i
        b, a = a, b
        (c, d), e = (a + 1, b + 1), a * b
        out.append((c + e, d))
    return out


def main(n: int) -> int:
    xs = [((i * 13) % 7) * 0.5 - 1.0 for i in range(n)]
    print(stats(xs))
    print(stats([]))
    ps = pairs(n)
    for (x, y) in ps[:4]:
        print(x, y)
    first, *middle, last = ps
    print(first, len(middle), last)
    return sum(x for x, _ in ps)
