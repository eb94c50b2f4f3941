# ARGS: 6
from itertools import permutations


def queens(n: int) -> int:
    cols = list(range(n))
    count = 0
    for vec in permutations(cols):
        if n == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            count += 1
    return count


def best_tour(d: list[list[float]]) -> float:
    n = len(d)
    best = None
    for p in permutations(range(1, n)):
        cost = d[0][p[0]] + d[p[-1]][0]
        for k in range(len(p) - 1):
            cost += d[p[k]][p[k + 1]]
        if best is None or cost < best:
            best = cost
    return best if best is not None else 0.0


def main(n: int) -> int:
    for k in range(1, n + 1):
        print(k, queens(k))
    d = [[abs(i - j) * 1.5 + (i * j) % 3 for j in range(n)] for i in range(n)]
    print(best_tour(d))
    print(sum(1 for p in permutations(range(n - 2))))
    return queens(n)
