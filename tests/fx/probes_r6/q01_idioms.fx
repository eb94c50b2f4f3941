# ARGS: 12
import math
from collections import deque
from operator import itemgetter


def bfs_order(n: int) -> list[int]:
    adj = {i: [(i * 2) % n, (i * 3 + 1) % n] for i in range(n)}
    seen = {0}
    q = deque([0])
    order = []
    while q:
        u = q.popleft()
        order.append(u)
        for v in adj[u]:
            if v not in seen:
                seen.add(v)
                q.append(v)
    return order


def main(n: int) -> int:
    print(bfs_order(n))
    xs = [5, 3, 9]
    empty = [x for x in xs if x > 100]
    print(max(empty, default=0), max(xs, default=-1), sum(xs, 10), min((x * 2 for x in xs), default=7))
    words = ["b", "A", "c"]
    print(sorted(words, key=str.lower), sorted(words))
    pairs = [("x", 3), ("y", 1), ("z", 2)]
    pairs.sort(key=itemgetter(1))
    print(pairs, f"{pairs[0]}", "%s" % xs, str(xs), f"{ {'a': 1} }")
    print(math.gcd(12, n), math.factorial(5), math.comb(5, 2), bin(n).count("1"), n.bit_length())
    print(format(n, "08b"), str(n).zfill(5), (2.0).is_integer(), abs(3 + 4j))
    return len(bfs_order(n))
