# ARGS: 6
from __future__ import annotations


class Node:
    def __init__(self, v: int):
        self.v = v
        self.next: Node | None = None


def longest(words: list[str]):
    best = None
    for w in words:
        if not best or len(w) > len(best):
            best = w
    return best


def smallest_set(n: int):
    chosen = None
    for k in range(1, n):
        s = {i * k % n for i in range(n)}
        if chosen is None or len(s) < len(chosen):
            chosen = s
    return chosen


def find_node(n: int) -> int:
    head = None
    for i in range(n):
        nd = Node(i)
        nd.next = head
        head = nd
    total = 0
    cur = head
    while cur is not None:
        total += cur.v
        cur = cur.next
    return total


def main(n: int) -> int:
    print(longest(["a", "abc", "ab"]), longest([]))
    print(smallest_set(n))
    print(find_node(n))
    prev = None
    out = []
    for x in [3, 3, 1, 2, 2, 5]:
        if prev is not None and x == prev:
            continue
        out.append(x)
        prev = x
    print(out, prev)
    lo = None
    hi = None
    for x in [4.5, -1.0, 9.25]:
        if lo is None or x < lo:
            lo = x
        if hi is None or x > hi:
            hi = x
    print(lo, hi)
    acc = None
    for i in range(n):
        if acc is None:
            acc = [i]
        else:
            acc = acc + [i]
    print(acc)
    return n
