# ARGS: 3000
def collatz_len(n: int, cache: dict[int, int]) -> int:
    steps = 0
    m = n
    path = []
    while m != 1 and m not in cache:
        path.append(m)
        m = m // 2 if m % 2 == 0 else 3 * m + 1
    base = cache[m] if m != 1 else 1
    for k in reversed(path):
        base += 1
        cache[k] = base
    return cache.get(n, 1)


def main(limit: int):
    cache: dict[int, int] = {}
    best = None
    for n in range(1, limit):
        length = collatz_len(n, cache)
        if best is None or length > best[1]:
            best = (n, length)
    print("longest chain below %d starts at %d (%d terms)" % (limit, best[0], best[1]))
    hist = {}
    for n in range(1, 50):
        hist[collatz_len(n, cache) // 10] = hist.get(collatz_len(n, cache) // 10, 0) + 1
    for k in sorted(hist):
        print(f"{k * 10:3d}-{k * 10 + 9:3d}: {'#' * hist[k]}")
    return best
