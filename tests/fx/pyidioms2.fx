"""More plain-Python idioms (tests/test_pyidioms.py): builtins, methods and inference orders."""
import math
from fastext import f64, i64

def absround(x: f64) -> i64:
    return abs(round(x)) + int(x // 1) + int(-7 / 2)


def bits(n: i64) -> i64:
    return bin(n).count("1") + n.bit_length()


def caesar(s: str, k: i64) -> str:
    out = []
    for c in s:
        if c.isalpha():
            base = ord("a") if c.islower() else ord("A")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)


def chainedcmp(a: i64, b: i64, c: i64) -> bool:
    return a < b <= c != a


def dictcomp(n: i64) -> dict[i64, list[i64]]:
    return {i: [j for j in range(i)] for i in range(n)}


def enumzip(a: list[f64], b: list[f64]) -> f64:
    s = 0.0
    for i, (x, y) in enumerate(zip(a, b)):
        s += i * x * y
    return s


def isclose(a: f64, b: f64) -> bool:
    return math.isclose(a, b, rel_tol=1e-9) and not math.isnan(float("nan"))


def listmethods(xs: list[i64]) -> tuple[i64, i64]:
    ys = xs.copy()
    ys.insert(0, 5)
    ys.extend([1, 2])
    ys.remove(5)
    return ys.index(1), ys.count(2)


def mapint(s: str) -> i64:
    xs = list(map(int, s.split()))
    ys = list(filter(lambda v: v % 2 == 0, xs))
    return sum(xs) + len(ys)


def matrixtranspose(m: list[list[f64]]) -> list[list[f64]]:
    return [[m[j][i] for j in range(len(m))] for i in range(len(m[0]))]


def maxkeyget(words: list[str]) -> str:
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    return max(d, key=d.get)


def powmod(a: i64, b: i64, m: i64) -> i64:
    return pow(a, b, m) + pow(a, 2)


def primes(n: i64) -> list[i64]:
    primes = []
    for k in range(2, n):
        if all(k % p for p in primes if p * p <= k):
            primes.append(k)
    return primes


def rev(s: str) -> bool:
    t = "".join(ch for ch in s.lower() if ch.isalnum())
    return t == t[::-1]


def roundn(x: f64) -> str:
    return str(round(x, 2)) + " " + format(x, ".3e") + " " + "{:,}".format(1234567)


def setcomp(words: list[str]) -> list[str]:
    return sorted({w.upper() for w in words if len(w) > 2})


def sortrev(xs: list[f64]) -> list[f64]:
    ys = sorted(xs, reverse=True)
    xs.sort(key=lambda v: -v)
    return ys[:3] + xs[-2:]


def strfmtpct(name: str, score: f64) -> str:
    return "%-10s|%8.3f|%05d" % (name, score, int(score))


def sumgen(xs: list[i64]) -> i64:
    return sum(1 for x in xs if x > 0) + sum(x * x for x in xs)


def trycatch(s: str) -> i64:
    try:
        return int(s)
    except ValueError:
        return -1


def tupleswap(n: i64) -> i64:
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def whileelse(n: i64) -> i64:
    i = 2
    while i * i <= n:
        if n % i == 0:
            break
        i += 1
    else:
        return -1
    return i


def zfill(n: i64) -> str:
    return str(n).zfill(8) + str(n).rjust(6) + str(n).center(9, "*")

