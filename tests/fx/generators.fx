"""Generator functions and itertools, inlined where they are iterated (tests/test_generators.py)."""
import itertools
from itertools import chain, combinations, count, islice, permutations, product

from fastext import f64, i64


def squares(n):
    for i in range(n):
        yield i * i


def halves(n: int):
    """Evens then odds below n; ends early (a bare return) when n is above 100."""
    for i in range(0, n, 2):
        yield i
    if n > 100:
        return
    for i in range(1, n, 2):
        yield i


def grid(n, m):
    for i in range(n):
        for j in range(m):
            if (i + j) % 3 == 0:
                continue
            yield i * m + j


def logged(n: int, log: list[i64]):
    for i in range(n):
        log.append(i)
        yield i
    log.append(-1)


def both(n):
    yield from squares(n)
    yield from halves(n)
    yield -7


def sum_squares(n: i64) -> i64:
    return sum(squares(n))


def consume(n: i64, m: i64, stop: i64, skip: i64) -> list[i64]:
    """The consumer's break leaves every loop of the generator; continue resumes after the yield;
    else runs when the generator ran out (its own continue and nested loops)."""
    out: list[i64] = []
    for x in grid(n, m):
        if x == stop:
            out.append(-100)
            break
        if x % 7 == skip:
            continue
        out.append(x)
    else:
        out.append(-200)
    return out


def consume_halves(n: i64, stop: i64) -> list[i64]:
    out: list[i64] = []
    for x in halves(n):
        if x == stop:
            break
        out.append(x)
    else:
        out.append(-1)
    return out


def interleave(n: i64, stop: i64) -> list[i64]:
    """Generator and consumer steps in CPython's order (one shared log)."""
    log: list[i64] = []
    for x in logged(n, log):
        log.append(100 + x)
        if x == stop:
            break
    return log


def outer_loops(n: i64) -> i64:
    """for-else with continue/break of the enclosing loop (the classic search pattern)."""
    t = 0
    for j in range(n):
        for x in squares(n):
            if x > j * j and x % 2 == 1:
                break
        else:
            continue
        t += j
    return t


def folds(n: i64) -> tuple[i64, i64, bool, bool, i64]:
    return min(grid(n, 3)), max(both(n)), any(x > 20 for x in squares(n)), all(halves(n)), len(list(both(n)))


def sorted_both(n: i64) -> list[i64]:
    return sorted(both(n))


def comp(n: i64) -> list[i64]:
    return [x * 2 for x in both(n) if x % 2 == 0]


def nested_comp(n: i64) -> list[tuple[i64, i64]]:
    return [(x, y) for x in squares(n) for y in halves(x) if y < 3]


def enumerated(n: i64) -> i64:
    t = 0
    for i, x in enumerate(grid(n, 4), 1):
        if i > 10:
            break
        t += i * x
    return t


def local_gen(n: i64, k: i64) -> list[i64]:
    def multiples(m):
        for i in range(1, m + 1):
            if i % k == 0:
                yield i
    return [x for x in multiples(n)]


def short_any(n: i64) -> tuple[bool, list[i64]]:
    """any() stops the generator at the first true item, as CPython's."""
    log: list[i64] = []
    found = any(x >= 3 for x in logged(n, log))
    return found, log


def prod_pairs(n: i64, m: i64) -> list[tuple[i64, i64]]:
    return list(product(range(n), range(m)))


def prod_repeat(xs: list[i64], k: i64) -> i64:
    t = 0
    for a, b, c in itertools.product(xs, repeat=3):
        t = (t * 31 + a * 9 + b * 3 + c + k) % 1000003
    return t


def perms(xs: list[i64]) -> list[tuple[i64, i64, i64]]:
    return list(permutations(xs, 3))


def perms_range() -> list[tuple[i64, i64, i64, i64]]:
    return list(permutations(range(4)))


def combs(xs: list[i64]) -> list[tuple[i64, i64]]:
    return list(combinations(xs, 2))


def combs_r(xs: list[f64]) -> list[tuple[f64, f64, f64]]:
    return list(itertools.combinations_with_replacement(xs, 3))


def chained(xs: list[i64], n: i64) -> list[i64]:
    return list(chain(xs, range(n), squares(n)))


def first_square_above(limit: i64) -> i64:
    for k in count(3, 2):
        if k * k > limit:
            return k
    return -1


def sliced(n: i64, start: i64, step: i64) -> list[i64]:
    return list(islice(count(1), start, n, step))


def running(xs: list[f64]) -> list[f64]:
    return list(itertools.accumulate(xs))


def repeated(x: f64, n: i64) -> f64:
    return sum(itertools.repeat(x, n), 0.0)


def tuple_at(t: tuple[i64, i64, i64], i: i64) -> i64:
    """A run-time index into a tuple whose items have one type."""
    return t[i] * 10 + t[-1 - i % 3]


def zipped(xs: list[i64], n: i64, skip: i64, stop: i64) -> list[i64]:
    """zip with a generator after and before lists (CPython asks each iterable in turn)."""
    log: list[i64] = []
    for a, b, c in zip(xs, logged(n, log), range(n - 1)):
        if a == stop:
            break
        if b == skip:
            continue
        log.append(a * 100 + b * 10 + c)
    else:
        log.append(-5)
    for x, y in zip(logged(n, log), xs):
        log.append(x * 1000 + y)
    return log


def words(n):
    for i in range(n):
        yield str(i * i)


def joined(n: i64) -> str:
    return ",".join(words(n))


def product_of(n: i64) -> i64:
    import math
    return math.prod(halves(n))


def nested_same(n: i64) -> i64:
    """One generator iterated inside a loop over itself (not recursion), a consumer break
    through a finally."""
    t = 0
    for x in squares(n):
        for y in squares(x):
            try:
                if y > 30:
                    break
                t += x * 1000 + y
            finally:
                t += 1
    return t


def first_match(k: i64) -> i64:
    """Project-Euler style: the first n with a property, from an endless count."""
    return next(n for n in count(1) if n * n % k == k - 1)


def first_or(n: i64, default: i64) -> i64:
    return next(halves(n), default) + next((x for x in squares(n) if x > 10), default)


def first_strict(n: i64) -> i64:
    return next(squares(n))


def pairs_cycle_longest(xs: list[i64], n: i64) -> list[i64]:
    out: list[i64] = []
    for a, b in itertools.pairwise(xs):
        out.append(a * 10 + b)
    for k, x in enumerate(itertools.cycle(xs)):
        if k >= n:
            break
        out.append(x)
    for a, b, c in itertools.zip_longest(xs, squares(n), range(2), fillvalue=-1):
        out.append(a * 10000 + b * 100 + c)
    return out


def mod7(n):
    for i in range(n):
        yield (i * 7) % 5


def consumers(n: i64) -> tuple[i64, list[i64], list[tuple[i64, i64]], dict[i64, i64], i64]:
    """key=, reverse=, list(enumerate(...)), a dict comprehension, set() of a generator call."""
    return (max(mod7(n + 1), key=lambda x: -x), sorted(mod7(n), reverse=True), list(enumerate(mod7(n))),
            {x: x * 2 for x in mod7(n)}, sum(1 for _ in mod7(n)) + len(set(mod7(n))))
