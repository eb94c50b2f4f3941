# Memoised recursion as people write it: functools.lru_cache on Fibonacci, integer
# partitions and grid paths, a hand-written memo dict for Collatz lengths, and Catalan numbers.
from functools import lru_cache


@lru_cache(maxsize=None)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@lru_cache(maxsize=None)
def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    return partitions(n - largest, largest) + partitions(n, largest - 1)


@lru_cache(maxsize=None)
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


def collatz_length(n, memo):
    if n == 1:
        return 1
    if n in memo:
        return memo[n]
    nxt = n // 2 if n % 2 == 0 else 3 * n + 1
    length = 1 + collatz_length(nxt, memo)
    memo[n] = length
    return length


def catalan(n):
    c = [1] + [0] * n
    for i in range(1, n + 1):
        c[i] = sum(c[j] * c[i - 1 - j] for j in range(i))
    return c


def main(n: int):
    print([fib(i) for i in range(15)], fib(n))
    print([partitions(k, k) for k in range(1, 16)])
    print(grid_paths(10, 10), grid_paths(16, 16))
    memo = {}
    best = max(range(1, 10000), key=lambda k: collatz_length(k, memo))
    print("longest collatz under 10000:", best, collatz_length(best, memo), len(memo))
    print(catalan(12))
    return fib(n) % 1000007
# ARGS: 80
