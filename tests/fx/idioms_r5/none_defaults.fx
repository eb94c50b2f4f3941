# ARGS: 6
def dfs(g: dict[int, list[int]], start: int, visited=None):
    if visited is None:
        visited = set()
    visited.add(start)
    for nxt in g[start]:
        if nxt not in visited:
            dfs(g, nxt, visited)
    return visited


def walk(g: dict[int, list[int]], u: int, order: list[int] | None = None) -> list[int]:
    if order is None:
        order = []
    order.append(u)
    for v in g[u]:
        if v not in order:
            walk(g, v, order)
    return order


def tally(words: list[str], counts=None):
    if counts is None:
        counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def span(xs: list[int], lo=0, hi=None) -> int:
    hi = len(xs) if hi is None else hi
    return sum(xs[lo:hi])


def memo_fib(k: int, memo: dict[int, int] | None = None) -> int:
    if memo is None:
        memo = {}
    if k in memo:
        return memo[k]
    r = k if k < 2 else memo_fib(k - 1, memo) + memo_fib(k - 2, memo)
    memo[k] = r
    return r


def scaled(x: float, factor=None, offset=None) -> float:
    if factor is not None:
        x *= factor
    if offset is None:
        offset = 0.5
    return x + offset


def main(n: int) -> int:
    g: dict[int, list[int]] = {}
    for i in range(n):
        g[i] = [(i + 1) % n, (i * 2) % n]
    seen = dfs(g, 0)
    print(sorted(seen))
    print(walk(g, 1))
    mine = [5]
    print(walk(g, 2, mine), mine)
    print(tally(["a", "b", "a"]))
    print(tally(["c"], {"c": 2}))
    print(span([1, 2, 3, 4], 1), span([1, 2, 3, 4], 1, 3), span([5, 6], hi=1))
    print(memo_fib(n * 5), memo_fib(10, None))
    print(scaled(2.0), scaled(2.0, 3.0), scaled(2.0, None, 1.0), scaled(1.0, offset=2.0))
    print(sorted(dfs(g, 1, None)))
    return len(seen)
