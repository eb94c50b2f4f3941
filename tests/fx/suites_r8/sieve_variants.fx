# ARGS: 3000
def sieve_odd(n: int) -> list[int]:
    if n < 2:
        return []
    flags = [True] * ((n - 1) // 2)
    for i in range(len(flags)):
        if flags[i]:
            p = 2 * i + 3
            start = (p * p - 3) // 2
            for j in range(start, len(flags), p):
                flags[j] = False
    return [2] + [2 * i + 3 for i in range(len(flags)) if flags[i]]


def sundaram(n: int) -> list[int]:
    k = (n - 1) // 2
    marked = [False] * (k + 1)
    i = 1
    while i + i + 2 * i * i <= k:
        j = i
        while i + j + 2 * i * j <= k:
            marked[i + j + 2 * i * j] = True
            j += 1
        i += 1
    return [2] + [2 * m + 1 for m in range(1, k + 1) if not marked[m]]


def segmented(n: int, segment: int) -> list[int]:
    base = sieve_odd(int(n ** 0.5) + 1)
    primes = []
    low = 2
    while low <= n:
        high = min(low + segment - 1, n)
        mark = bytearray(high - low + 1)
        for p in base:
            if p * p > high:
                break
            start = max(p * p, (low + p - 1) // p * p)
            for m in range(start, high + 1, p):
                mark[m - low] = 1
        for i in range(len(mark)):
            if not mark[i]:
                primes.append(low + i)
        low = high + 1
    return primes


def main(n: int) -> int:
    a = sieve_odd(n)
    b = sundaram(n)
    c = segmented(n, 128)
    print(len(a), a[:10], a[-3:])
    print(a == b, a == c)
    twins = sum(1 for i in range(len(a) - 1) if a[i + 1] - a[i] == 2)
    print("twin pairs", twins)
    return sum(a)
