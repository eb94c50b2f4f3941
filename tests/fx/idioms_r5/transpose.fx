# ARGS: 3
def column_sums(m: list[list[float]]) -> list[float]:
    return [sum(c) for c in zip(*m)]


def main(n: int) -> int:
    rows = [[i * n + j for j in range(n)] for i in range(n + 1)]
    cols = [list(c) for c in zip(*rows)]
    print(cols)
    for col in zip(*rows):
        print(sum(col), len(col), max(col), col[0], min(col), sorted(col)[-1], 4 in col)
    pairs = [(1, 2.5), (3, 4.5), (5, 6.5)]
    a, b = zip(*pairs)
    print(list(a), sum(b), len(a))
    t = list(zip(*rows))
    print(len(t), list(t[0]), t[1][2])
    for k, col in enumerate(zip(*rows)):
        print(k, list(col))
    for x, y, z, w in zip(*rows):
        print(x + y + z + w)
    ragged = [[1, 2, 3], [4, 5], [6, 7, 8, 9]]
    print([list(c) for c in zip(*ragged)])
    empty: list[list[int]] = []
    print(len(list(zip(*empty))))
    print(column_sums([[1.0, 2.0], [3.0, 4.0]]))
    words = [["a", "b"], ["c", "d"]]
    print([", ".join(c) for c in zip(*words)])
    try:
        p, q = zip(*rows)
        print(p[0], q[0])
    except ValueError as e:
        print("ValueError", e)
    try:
        u, v, w2, x2, y2 = zip(*rows)
        print(u[0])
    except ValueError as e:
        print("ValueError", e)
    return len(cols)
