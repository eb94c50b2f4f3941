"""Plain-Python idioms of benchmark programs (tests/test_pyidioms.py)."""
import math
from math import fsum, gcd
from fastext import f64, i64


def total(xs: list[f64]) -> f64:
    t = 0                   # an int that becomes a float, as in Python
    for x in xs:
        t += x
    return t


def ratio(u: list[f64], v: list[f64]) -> f64:
    vbv = vv = 0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return vbv / vv


def _half_sum(xs):
    s = 0
    for x in xs:
        s = s + x * 0.5
    return s


def half_sum(xs: list[f64]) -> f64:
    return _half_sum(xs)


def counter(n: i64) -> i64:
    k = 0
    for i in range(n):
        k += 1
    return k


def divmods(a: i64, b: i64, x: f64, y: f64) -> tuple[i64, i64, f64, f64]:
    q, r = divmod(a, b)
    fq, fr = divmod(x, y)
    return q, r, fq, fr


def gcds(a: i64, b: i64, c: i64) -> tuple[i64, i64, i64, i64, i64]:
    return gcd(a, b), math.gcd(a, b, c), math.lcm(a, b), math.lcm(a, b, c), math.gcd()


def combinatorics(n: i64, k: i64) -> tuple[i64, i64, i64, i64]:
    return math.comb(n, k), math.perm(n, k), math.perm(n), math.factorial(n)


def isqrt(n: i64) -> i64:
    return math.isqrt(n)


def fsums(xs: list[f64]) -> tuple[f64, f64]:
    return fsum(xs), math.fsum(x * 3.0 for x in xs)


def fsum_array(a: f64[:]) -> f64:
    return math.fsum(a)


def prods(xs: list[f64], a: i64[:]) -> tuple[f64, f64, i64]:
    return math.prod(xs), math.prod(xs, start=2.0), math.prod(a)


def joined(n: i64) -> str:
    return ",".join(str(i * i) for i in range(n))


def heap_ops(ops: list[i64], vals: list[f64]) -> tuple[list[f64], list[f64]]:
    import heapq
    h = []
    out = []
    for k in range(len(ops)):
        op = ops[k] % 5
        v = vals[k]
        if op == 0 or op == 1:
            heapq.heappush(h, v)
        elif op == 2 and h:
            out.append(heapq.heappop(h))
        elif op == 3 and h:
            out.append(heapq.heapreplace(h, v))
        else:
            out.append(heapq.heappushpop(h, v))
    return h, out


def heapified(xs: list[i64]) -> list[i64]:
    from heapq import heapify, heappop
    heapify(xs)
    first = xs[:]
    while xs:
        first.append(heappop(xs))
    return first


def tuple_heap(n: i64) -> list[tuple[i64, i64]]:
    import heapq
    h = [(0, 0)]
    h.pop()
    for i in range(n):
        heapq.heappush(h, ((i * 7) % 5, -i))
    return [heapq.heappop(h) for _ in range(len(h))]


def empty_pop() -> f64:
    import heapq
    h: list[f64] = []
    return heapq.heappop(h)


def bisects(xs: list[f64], x: f64, lo: i64, hi: i64) -> tuple[i64, i64, i64, i64, list[f64]]:
    import bisect
    ys = sorted(xs)
    a = bisect.bisect_left(ys, x)
    b = bisect.bisect_right(ys, x, lo)
    c = bisect.bisect(ys, x, lo, hi) if hi <= len(ys) else -1
    d = bisect.bisect_left(ys, x, hi=hi) if hi <= len(ys) else -1
    bisect.insort(ys, x)
    bisect.insort_left(ys, -x)
    return a, b, c, d, ys


def tuple_of_list(i_u: tuple[i64, list[f64]]) -> f64:
    i, u = i_u
    s = 0.0
    for j, x in enumerate(u):
        s += x * (i + j)
    return s


def tuple_of_text(t: tuple[str, f64, dict[str, i64], set[i64]]) -> f64:
    name, w, d, s = t
    return w * len(name) + d.get(name, 0) + len(s)


def _scale(xs):
    out = []
    for x in xs:
        out.append(x * 0.5)
    return out


def decided_by_helper(n: i64) -> list[f64]:
    u = [1] * n             # ints until _scale's body makes them floats, as Python would
    return _scale(u)


def fact(n: i64) -> i64:
    def go(k, acc):             # a nested function calling itself
        if k <= 1:
            return acc
        return go(k - 1, acc * k)
    return go(n, 1)


def count_paths(n: i64) -> i64:
    grid = [[0] * n for _ in range(n)]

    def walk(i, j):             # captures n and grid, recursion in two places
        if i == n - 1 and j == n - 1:
            return 1
        total = 0
        if i + 1 < n:
            total += walk(i + 1, j)
        if j + 1 < n:
            total += walk(i, j + 1)
        grid[i][j] = total
        return total
    return walk(0, 0)


def _fib(n):
    if n < 2:
        return n
    return _fib(n - 1) + _fib(n - 2)


def fib(n: i64) -> i64:
    return _fib(n)


def halving(n: i64) -> f64:
    def go(k):
        if k == 0:
            return 1            # an int first; the recursive call makes the result a float
        return go(k - 1) * 0.5
    return go(n)
