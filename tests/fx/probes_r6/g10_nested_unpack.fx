# ARGS: 4
def main(n: int) -> int:
    data = {(0, 0): [1, 2], (0, 1): [3], (1, 1): []}
    for (r, c), vals in data.items():
        print(r, c, vals, len(vals))
    items = [((i, i * i), str(i)) for i in range(n)]
    for (a, b), s in items:
        print(a + b, s * 2)
    for k, ((a, b), s) in enumerate(items):
        if k == 2:
            print(k, a, b, s)
    coords = [(x, y) for x in range(n) for y in range(x)]
    xs, ys = zip(*coords)
    print(list(xs), list(ys))
    (p, q), r = (1, 2), 3
    print(p, q, r)
    first, *rest = [5, 6, 7]
    print(first, rest)
    return len(coords)
