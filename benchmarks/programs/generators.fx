"""Generator pipelines and itertools, as public benchmark collections write them (issue 12):
pyperformance's n-queens (permutations and set sizes), a pythagorean-triples pipeline of
generators, a grid search over `itertools.product`, and Project Euler 7 with an unbounded
generator of primes.  Annotations added; the generators run unchanged under CPython."""
from itertools import count, islice, permutations, product
from math import gcd

from fastext import f64, i64

QUEENS = 8


def n_queens(queen_count):
    """pyperformance bm_nqueens: the permutations whose diagonals are all distinct."""
    cols = range(queen_count)
    for vec in permutations(range(QUEENS)):
        if queen_count == len(set(vec[i] + i for i in cols)) == len(set(vec[i] - i for i in cols)):
            yield vec


def queens() -> i64:
    solutions = 0
    first = 0
    for vec in n_queens(QUEENS):
        if solutions == 0:
            first = vec[0] * 10 + vec[1]
        solutions += 1
    print("queens", QUEENS, solutions, first)
    return solutions


def triples(limit):
    for c in range(1, limit):
        for b in range(1, c):
            for a in range(1, b):
                if a * a + b * b == c * c:
                    yield a, b, c


def primitive(limit):
    for a, b, c in triples(limit):
        if gcd(a, b) == 1:
            yield a, b, c


def pythagorean(limit: i64) -> i64:
    """Perimeters of the first primitive triples with hypotenuse below `limit`."""
    total = 0
    shown = 0
    for a, b, c in islice(primitive(limit), 200):
        total += a + b + c
        if shown < 3:
            print(a, b, c)
            shown += 1
    print("perimeters", total)
    return total


def rosenbrock(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def grid_search(n: i64) -> tuple[f64, f64, f64]:
    """The minimum of the Rosenbrock function on a (4n+1)^2 grid of [-2, 2]^2."""
    xs = [i / n for i in range(-2 * n, 2 * n + 1)]
    best, bx, by = 1e300, 0.0, 0.0
    for x, y in product(xs, xs):
        v = rosenbrock(x, y)
        if v < best:
            best, bx, by = v, x, y
    print("best %.6f at (%.4f, %.4f)" % (best, bx, by))
    return best, bx, by


def primes():
    found: list[i64] = []
    for n in count(2):
        is_prime = True
        for p in found:
            if p * p > n:
                break
            if n % p == 0:
                is_prime = False
                break
        if is_prime:
            found.append(n)
            yield n


def euler7(k: i64) -> i64:
    """Project Euler 7: the k-th prime."""
    for i, p in enumerate(primes(), 1):
        if i == k:
            print("prime", k, p)
            return p
    return -1
