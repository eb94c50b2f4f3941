"""Functions that build str values, dicts, lists of instances, raise and catch module exception
classes and call into `re`: the leak checks of tests/test_trust_r8.py call each many times."""
from __future__ import annotations
import re
from dataclasses import dataclass


class Oops(ValueError):
    pass


@dataclass
class Item:
    k: int
    w: float


class Node:
    def __init__(self, v: int, name: str):
        self.v = v
        self.name = name


def build_str(n: int, x: float) -> str:
    s = f"{n:>5}|{x:.3f}|" + "%d-%s" % (n, str(x))
    return s.upper() + repr(x)[::-1]


def build_dict(n: int, s: str) -> dict[str, int]:
    d = {w: len(w) for w in s.split(",")}
    d[str(n)] = n
    return d


def build_items(n: int) -> list[Item]:
    return [Item(i, i * 0.5) for i in range(n)]


def build_nodes(n: int, s: str) -> int:
    nodes = [Node(i, s + str(i)) for i in range(n)]
    return sum([len(x.name) for x in nodes])


def raise_catch(n: int) -> int:
    try:
        if n >= 0:
            raise Oops(f"n={n}")
    except Oops as e:
        return len(str(e)) + len(e.args)
    return -1


def raise_out(n: int) -> int:
    if n >= 0:
        raise Oops(f"n={n}")
    return n


def key_miss(d: dict[str, int], k: str) -> int:
    try:
        return d[k]
    except KeyError as e:
        return -len(str(e))


def use_re(text: str) -> int:
    m = re.search(r"(\d+)-(\d+)", text)
    n = len(re.findall(r"[a-z]+", text))
    if m:
        n += int(m.group(1))
    return n


def split_join(s: str) -> str:
    parts = s.split(",")
    parts.sort()
    return "+".join(parts) + str(sorted({len(p) for p in parts}))
