"""Container features people write in Python: key= sorting, min/max with keys, container
comparisons, set and dict operators, random on lists, print(*xs), list(t) (tests/test_listops.py)."""
import random
import sys

from fastext import f64, i64


def _second(p: tuple[i64, f64]) -> f64:
    return p[1]


def _pairs(keys: list[i64], vals: list[f64]) -> list[tuple[i64, f64]]:
    return [(k, v) for k, v in zip(keys, vals)]


def sort_by_key(keys: list[i64], vals: list[f64]) -> list[tuple[i64, f64]]:
    ps = _pairs(keys, vals)
    ps.sort(key=lambda p: p[0])
    return ps


def sort_by_key_reversed(keys: list[i64], vals: list[f64]) -> list[tuple[i64, f64]]:
    return sorted(_pairs(keys, vals), key=lambda p: p[0], reverse=True)


def sort_by_function(keys: list[i64], vals: list[f64]) -> list[tuple[i64, f64]]:
    f = _second
    return sorted(_pairs(keys, vals), key=f)


def sort_plain(keys: list[i64], vals: list[f64]) -> list[tuple[i64, f64]]:
    return sorted(_pairs(keys, vals))


def sort_plain_reversed(keys: list[i64], vals: list[f64]) -> list[tuple[i64, f64]]:
    ps = _pairs(keys, vals)
    ps.sort(reverse=True)
    return ps


def sort_abs(xs: list[f64]) -> list[f64]:
    return sorted(xs, key=abs)


def sort_captured(xs: list[i64], m: i64) -> list[i64]:
    ys = xs[:]
    ys.sort(key=lambda v: v % m, reverse=True)
    return ys


def sort_lists(n: i64) -> list[list[i64]]:
    rows = [[i % 3, (i * 5) % 4] for i in range(n)]
    return sorted(rows, reverse=True)


def sort_bools(xs: list[i64]) -> list[bool]:
    return sorted([x % 2 == 0 for x in xs])


def extremes(keys: list[i64], vals: list[f64]) -> tuple[tuple[i64, f64], tuple[i64, f64], tuple[i64, f64], tuple[i64, f64]]:
    ps = _pairs(keys, vals)
    return min(ps, key=_second), max(ps, key=lambda p: p[0]), min(ps), max(ps)


def extreme_generator(xs: list[i64]) -> tuple[i64, i64, tuple[i64, i64]]:
    lo = min((x * 7 % 11 for x in xs), key=lambda v: -v)
    hi = max(xs, key=lambda v: v % 5)
    return lo, hi, max((x % 3, x) for x in xs)


def list_compare(a: list[f64], b: list[f64]) -> tuple[bool, bool, bool, bool, bool, bool]:
    return a == b, a != b, a < b, a <= b, a > b, a >= b


def nested_compare(n: i64, m: i64) -> tuple[bool, bool, bool]:
    a = [[i, i * 2] for i in range(n)]
    b = [[i, i * 2] for i in range(m)]
    return a == b, a < b, (n, 0.5) < (m, 0.25)


def empty_compare(a: list[i64]) -> tuple[bool, bool]:
    return a == [], [] < a


def tuple_in(n: i64, k: i64) -> tuple[bool, bool, i64]:
    ps = [(i, i * 0.5) for i in range(n)]
    return (k, k * 0.5) in ps, (k, 1.0) not in ps, ps.count((1, 0.5))


def index_float(xs: list[f64], v: f64) -> i64:
    return xs.index(v)


def set_ops(xs: list[i64], ys: list[i64]) -> tuple[set[i64], set[i64], set[i64], set[i64]]:
    a = set(xs)
    b = set(ys)
    return a | b, a & b, a - b, a ^ b


def set_order(xs: list[i64], ys: list[i64]) -> tuple[bool, bool, bool, bool, bool, bool]:
    a = set(xs)
    b = set(ys)
    return a <= b, a < b, a >= b, a > b, a == b, a != b


def set_inplace(xs: list[i64], ys: list[i64]) -> tuple[set[i64], set[i64], set[i64], set[i64]]:
    a = set(xs)
    alias = a           # the operators change the set itself: the alias sees it
    a |= set(ys)
    b = set(xs)
    b &= set(ys)
    c = set(xs)
    c -= set(ys)
    d = set(xs)
    d ^= set(ys)
    return alias, b, c, d


def set_self(xs: list[i64]) -> tuple[set[i64], set[i64]]:
    a = set(xs)
    a -= a
    b = set(xs)
    b ^= b
    return a, b


def dict_ops(n: i64, m: i64) -> tuple[dict[i64, f64], bool, bool, dict[i64, f64]]:
    d = {i: i * 0.5 for i in range(n)}
    e = {i: 1.0 for i in range(m // 2, m)}
    merged = d | e
    g = dict(d)
    g |= e
    same = merged == g
    return merged, same, d == e, g


def random_on_lists(n: i64, k: i64, seed: i64) -> tuple[f64, list[f64], list[f64]]:
    random.seed(seed)
    xs = [i * 0.5 for i in range(n)]
    c = random.choice(xs)
    ys = xs[:]
    random.shuffle(ys)
    return c, ys, random.sample(xs, k)


def printing(n: i64) -> None:
    xs = [i * 0.5 for i in range(n)]
    print(*xs)
    print("a", *xs, n, sep=", ", end="!\n")
    print(*[i for i in range(n)], sep="|", file=sys.stdout)
    print(*(1, 2.5, True))
    print(*{i % 2 for i in range(n)})


def from_tuple(x: f64) -> tuple[list[f64], i64]:
    # `(1, 2.5, x)` is refused: the int 1 would reach Python as 1.0 inside the returned tuple
    t = (1.0, 2.5, x)
    u = tuple(t)
    return list(t), len(u)
