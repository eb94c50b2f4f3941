# ARGS: 6
from itertools import permutations


def n_queens(queen_count: int):
    cols = range(queen_count)
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                == len(set(vec[i] - i for i in cols))):
            yield vec


def main(n: int) -> int:
    solutions = list(n_queens(n))
    for s in solutions[:3]:
        print(s)
    print(n, "queens:", len(solutions), "solutions")
    return len(solutions)
