"""defaultdict and Counter (tests/test_pycollections.py)."""
from collections import defaultdict, Counter
import collections
from fastext import f64, i64


def hist(xs: list[i64]) -> dict[i64, i64]:
    d = defaultdict(int)
    for x in xs:
        d[x] += 1
    return d


def fhist(xs: list[i64]) -> dict[i64, f64]:
    d = defaultdict(int)
    for x in xs:
        d[x % 3] += 0.5
    return d


def groups(words: list[str]) -> dict[str, list[str]]:
    g = defaultdict(list)
    for w in words:
        g[w[:1]].append(w)
    return g


def reads(xs: list[i64]) -> tuple[i64, i64]:
    d = defaultdict(int)
    d[5] = 2
    return d[5] + d[7], len(d)


def counts(words: list[str]) -> list[tuple[str, i64]]:
    c = Counter(words)
    c.update(["zz", "zz"])
    return c.most_common(3)


def counter_read(words: list[str]) -> tuple[i64, i64, i64]:
    c = collections.Counter()
    for w in words:
        c[w] += 1
    return c["nope"], len(c), c.total()


def sets(pairs: list[tuple[i64, i64]]) -> dict[i64, set[i64]]:
    adj = defaultdict(set)
    for a, b in pairs:
        adj[a].add(b)
        adj[b].add(a)
    return adj
