# ARGS: 43, 48
import math


def egyptian(num: int, den: int) -> list[int]:
    out = []
    while num:
        d = -(-den // num)
        out.append(d)
        num, den = num * d - den, den * d
        g = math.gcd(num, den)
        num //= g
        den //= g
    return out


def continued(num: int, den: int) -> list[int]:
    terms = []
    while den:
        q, r = divmod(num, den)
        terms.append(q)
        num, den = den, r
    return terms


def convergents(terms: list[int]) -> list[tuple[int, int]]:
    h0, h1 = 1, terms[0]
    k0, k1 = 0, 1
    out = [(h1, k1)]
    for a in terms[1:]:
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
        out.append((h1, k1))
    return out


def stern_brocot(num: int, den: int) -> str:
    path = []
    ln, ld, rn, rd = 0, 1, 1, 0
    while True:
        mn, md = ln + rn, ld + rd
        if mn * den == num * md:
            return "".join(path)
        if num * md < mn * den:
            path.append("L")
            rn, rd = mn, md
        else:
            path.append("R")
            ln, ld = mn, md


def main(num: int, den: int) -> int:
    e = egyptian(num, den)
    print(e, sum(1 / d for d in e))
    c = continued(355, 113)
    print(c, convergents(continued(103993, 33102)))
    print(stern_brocot(num, den), stern_brocot(3, 7), math.lcm(12, 18), math.gcd(0, 5))
    return sum(e)
