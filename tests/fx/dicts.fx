"""Native dicts and sets (docs/language.md, "Dicts and sets"): compiled vs CPython."""
from fastext import f64, i64

def counts(xs: list[i64]) -> dict[i64, i64]:
    d = {}
    for x in xs:
        d[x] = d.get(x, 0) + 1
    return d

def ops(n: i64) -> tuple[i64, f64, bool, list[i64]]:
    d = {1: 2.0, 3: 4.0}
    for i in range(n):
        d[i * 7 % 11] = i / 2
    del d[3]
    s = 0.0
    for k, v in d.items():
        s += k * v
    t = d.setdefault(100, 5.0) + d.pop(1, -1.0)
    ks = sorted(d.keys())
    return len(d), s + t, 5 in d, ks

def sets(xs: list[i64]) -> tuple[i64, list[i64]]:
    s = set()
    for x in xs:
        s.add(x % 5)
    s.discard(0)
    seen = {x * 2 for x in s}
    return len(seen), sorted(s)

def tkeys(n: i64) -> f64:
    grid = {(i, j): float(i * j) for i in range(n) for j in range(n)}
    total = 0.0
    for i in range(n):
        total += grid[(i, n - 1 - i)]
    return total + sum(grid.values())

def missing(k: i64) -> f64:
    d = {1: 1.0}
    return d[k]


def changed_during(n: i64) -> i64:
    d = {0: 0}
    for k in d:
        if k < n:
            d[k + 1] = k
    return len(d)


def updates(xs: list[i64]) -> tuple[dict[i64, f64], set[i64]]:
    d = {x: x / 4 for x in xs}
    d.update({100: 1.0})
    d[xs[0]] += 10.0
    s = set(xs)
    s.update([7, 8])
    s.remove(xs[0])
    e = d.copy()
    e.clear()
    return d, s


def bools(n: i64) -> tuple[i64, bool, bool]:
    d: dict[i64, bool] = {}
    if not d:
        d[n] = True
    return len(d), n in d, (n + 1) not in d


def deleted_order(n: i64) -> list[i64]:
    d = {i: i * i for i in range(n)}
    for i in range(0, n, 2):
        del d[i]
    for i in range(n, n + 3):
        d[i] = 0
    return list(d.keys())


def remove_missing(k: i64) -> i64:
    s = {1, 2}
    s.remove(k)
    return len(s)


def total(d: dict[i64, f64]) -> f64:
    s = 0.0
    for k, v in d.items():
        s += k * v
    return s

def grow(d: dict[i64, f64], n: i64) -> dict[i64, f64]:
    for i in range(n):
        d[i] = d.get(i, 0.0) + 1.0
    return d

def members(s: set[i64], xs: list[i64]) -> list[bool]:
    return [x in s for x in xs]


def groups(n: i64) -> list[dict[i64, i64]]:
    out = [{0: 0} for _ in range(3)]
    for i in range(n):
        d = out[i % 3]
        d[i] = d.get(i - 3, 0) + 1
    return out
