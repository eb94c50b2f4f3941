# ARGS: 10000
def main(limit: int) -> tuple[int, int]:
    cache = {1: 1}
    best, arg = 1, 1
    for start in range(2, limit):
        n = start
        path = []
        while n not in cache:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
        length = cache[n]
        for m in reversed(path):
            length += 1
            cache[m] = length
        if length > best:
            best, arg = length, start
    print(f"{arg} -> {best} steps, cache {len(cache)}")
    return arg, best
