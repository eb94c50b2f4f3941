import functools
from functools import cache, lru_cache

@cache
def ways(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return ways(n - k, k) + ways(n, k - 1)

@functools.lru_cache(maxsize=128)
def collatz_len(n: int) -> int:
    if n == 1:
        return 1
    return 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)

def main(n: int):
    print(ways(n, n))
    best = max(range(1, 3000), key=collatz_len)
    print(best, collatz_len(best))
    return ways(n, n)
# ARGS: 40
