# ARGS: 15
def fizzbuzz(n: int) -> list[str]:
    out = []
    for i in range(1, n + 1):
        s = ""
        if i % 3 == 0:
            s += "Fizz"
        if i % 5 == 0:
            s += "Buzz"
        out.append(s or str(i))
    return out


def fibs(n: int):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b


def binsearch(xs: list[int], x: int) -> int:
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == x:
            return mid
        if xs[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def main(n: int) -> int:
    print(", ".join(fizzbuzz(n)))
    fs = list(fibs(n))
    print(fs, sum(fibs(10)), [f for f in fibs(n) if f % 2 == 0])
    sq = {i: i * i for i in range(n) if i % 4 == 0}
    print(sq, binsearch(fs, 89), binsearch(fs, 90))
    sieve = bytearray([1]) * (n + 1)
    sieve[0] = sieve[1] = 0
    for i in range(2, n + 1):
        if sieve[i]:
            for j in range(i * i, n + 1, i):
                sieve[j] = 0
    print([i for i in range(n + 1) if sieve[i]])
    return len(fs)
