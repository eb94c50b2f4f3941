# ARGS: 3999, 10000
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    out = ""
    for v, s in VALUES:
        while n >= v:
            out += s
            n -= v
    return out


def from_roman(s: str) -> int:
    total = 0
    for i, ch in enumerate(s):
        v = DIGITS[ch]
        if i + 1 < len(s) and DIGITS[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def collatz_len(n: int, cache: dict[int, int]) -> int:
    path = []
    while n not in cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = cache[n]
    for m in reversed(path):
        length += 1
        cache[m] = length
    return length


def factorize(n: int) -> list[tuple[int, int]]:
    out = []
    p = 2
    while p * p <= n:
        e = 0
        while n % p == 0:
            n //= p
            e += 1
        if e:
            out.append((p, e))
        p += 1 if p == 2 else 2
    if n > 1:
        out.append((n, 1))
    return out


def main(limit: int, collatz_limit: int) -> int:
    ok = all(from_roman(to_roman(i)) == i for i in range(1, limit + 1))
    print(to_roman(1994), to_roman(limit), ok)
    cache = {1: 1}
    best = max(range(1, collatz_limit), key=lambda k: collatz_len(k, cache))
    print("longest collatz below", collatz_limit, best, cache[best])
    for n in (360, 97, 1001, 2 ** 31 - 1, 600851475143):
        print(n, " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in factorize(n)))
    return best
