# ARGS: 360
from math import gcd


def factorize(n: int) -> dict[int, int]:
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def divisors(n: int) -> list[int]:
    small = [d for d in range(1, int(n ** 0.5) + 1) if n % d == 0]
    return sorted(set(small + [n // d for d in small]))


def caesar(text: str, shift: int) -> str:
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


def main(n: int) -> int:
    f = factorize(n)
    print(n, "=", " * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in sorted(f.items())))
    print("divisors:", divisors(n))
    print("gcd", gcd(n, 84), "lcm", n * 84 // gcd(n, 84))
    secret = caesar("Hello, World!", 3)
    print(secret, caesar(secret, -3))
    perfect = [k for k in range(2, 10000) if sum(divisors(k)[:-1]) == k]
    print("perfect:", perfect)
    return sum(f.values())
