"""Growth, deletion, re-insertion and reused tables of native dicts and sets (lower/dicts.py),
run compiled and as plain Python: the same items in the same order, the same errors."""
from fastext import f64, i64


def replay(ops: list[tuple[i64, i64, i64]]) -> tuple[list[tuple[i64, i64]], list[i64]]:
    """Apply (kind, key, value) operations to one dict; the items in order and what reads saw."""
    d = {}
    seen = []
    for kind, k, v in ops:
        if kind == 0:
            d[k] = v
        elif kind == 1:
            seen.append(d.pop(k, -1))
        elif kind == 2:
            seen.append(d.get(k, -2))
        elif kind == 3:
            if k % 7 == 0:
                d.clear()
            seen.append(len(d))
        elif kind == 4:
            copy = d.copy()
            seen.append(len(copy))
            for ck in copy:
                seen.append(ck)
        else:
            seen.append(1 if k in d else 0)
    return [(k, v) for k, v in d.items()], seen


def replay_set(ops: list[tuple[i64, i64]]) -> tuple[list[i64], list[i64]]:
    """(kind, item) operations on one set: its items sorted (CPython orders a set by hash) and
    what membership and `len` saw."""
    s = set()
    seen = []
    for kind, x in ops:
        if kind == 0:
            s.add(x)
        elif kind == 1:
            s.discard(x)
        elif kind == 2:
            seen.append(1 if x in s else 0)
        else:
            seen.append(len(s))
    return sorted(s), seen


def float_keys(ops: list[tuple[i64, f64]]) -> list[tuple[f64, i64]]:
    """Keys that keep their hash (and a live mark): 0.0 and -0.0 are one key."""
    d = {}
    for kind, k in ops:
        if kind == 0:
            d[k] = len(d)
        elif k in d:
            del d[k]
    return [(k, v) for k, v in d.items()]


def big(n: i64, step: i64) -> tuple[i64, i64, list[i64]]:
    """A dict past the malloc'd-table size: grown, half deleted, re-inserted, grown again."""
    d = {}
    for i in range(n):
        d[i * step] = i
    for i in range(0, n, 2):
        del d[i * step]
    for i in range(0, n, 4):
        d[i * step] = -i
    for i in range(n, 2 * n):
        d[i * step] = i
    total = 0
    for k in d:
        total += d[k] * 3 + k
    first = []
    for k in d:
        if len(first) < 20:
            first.append(k)
    return len(d), total, first


def big_then_missing(n: i64) -> i64:
    """KeyError after growth: the call's release frees the malloc'd tables on the error path."""
    d = {}
    for i in range(n):
        d[i] = i
    return d[-5]


def temporaries(n: i64) -> tuple[i64, i64]:
    """`len(set(...))` and `s = set()` in a loop: tables reused, results as if new each time."""
    distinct = 0
    members = 0
    for i in range(n):
        if len(set((i * j) % 7 for j in range(8))) == len({j % (i % 5 + 1) for j in range(6)}):
            distinct += 1
        s = set()
        for j in range(i % 40):
            s.add(j * j % 13)
        if 3 in s:
            members += len(s)
    return distinct, members


def reassigned(n: i64) -> list[i64]:
    """A display reassigned to the name it reads: the items are evaluated before the reuse."""
    d = {0: 0}
    out = []
    for i in range(n):
        d = {i: len(d) + d.get(i - 1, 100), i + 1: i}
        out.append(d[i])
    return out


def escaping(n: i64) -> tuple[list[list[i64]], list[i64], list[i64]]:
    """Sets kept in a list, and a set iterated while its name is rebound: never reused."""
    kept = []
    for i in range(n):
        s = {i, i + 1, i * 2}
        kept.append(s)
    out = []
    for s2 in kept:
        out.append(sorted(s2))
    t = {1, 2, 3}
    seen = []
    for x in t:
        seen.append(x)
        t = {x * 10}
    return out, sorted(seen), sorted(t)


def shrink_big(n: i64, rounds: i64) -> i64:
    """A name given a big table once, then small ones: the big tables are freed on reuse."""
    total = 0
    for r in range(rounds):
        d = {}
        size = n if r == 0 else 3
        for i in range(size):
            d[i * 31] = i
        total += len(d)
    return total


def rebound_while_iterated(n: i64) -> tuple[list[i64], list[i64], list[i64], list[tuple[i64, i64]]]:
    """Loops over a list, its reversal and a dict whose names the body rebinds: Python iterates
    the old container to its end, so none of them may be emptied for reuse."""
    xs = [1, 2, 3]
    out = []
    for x in xs:
        out.append(x)
        xs = []
        xs.append(x * 10)
    ys = [4, 5, 6]
    for y in reversed(ys):
        out.append(y)
        ys = [y]
    d = {1: 1, 2: 2, 3: n}
    for k in d:
        out.append(k)
        d = {k: 0}
    return out, xs, ys, [(k, v) for k, v in d.items()]


def memo_paths(limit: i64) -> tuple[i64, i64, i64]:
    """collatz of benchmarks/programs/others.fx: a memo dict, a path list rebuilt per start and
    walked in reverse (the list reused, the dict grown past the malloc'd size)."""
    cache = {1: 1}
    best, best_n = 0, 0
    for start in range(1, limit):
        n = start
        path = []
        while n not in cache:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        total = cache[n]
        for k in reversed(path):
            total += 1
            cache[k] = total
        if cache[start] > best:
            best, best_n = cache[start], start
    return best_n, best, len(cache)


def iterated_temporaries(n: i64) -> i64:
    """A set built, iterated and rebuilt per round under one name (its table reused)."""
    total = 0
    for r in range(n):
        s = {r % 5, r % 7, r % 3}
        for x in s:
            total += x * (r + 1)
        d = {}
        for x in range(r % 9):
            d[x] = x * x
        for k, v in d.items():
            total += k + v
    return total


def boxed_after_deletions(ops: list[tuple[i64, i64]]) -> tuple[dict[i64, i64], set[i64]]:
    """A dict and a set returned to Python after deletions and re-insertions (boxing skips the
    dead entries, which integer keys do not mark)."""
    d = {}
    s = set()
    for kind, k in ops:
        if kind == 0:
            d[k] = len(d)
            s.add(k)
        elif k in d:
            del d[k]
            s.discard(k)
    return d, s
