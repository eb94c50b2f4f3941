from functools import lru_cache
@lru_cache(maxsize=None)
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def count_paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    v = count_paths(r - 1, c, memo) + count_paths(r, c - 1, memo)
    memo[key] = v
    return v

def main(n: int):
    print(fib(n))
    print(count_paths(10, 10, {}))
    return fib(n)
# ARGS: 60
