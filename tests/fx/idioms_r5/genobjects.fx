# ARGS: 7
def gen(n: int):
    for i in range(n):
        yield i * i


def evens(xs: list[int]):
    for x in xs:
        if x % 2 == 0:
            yield x


def naturals(start: int):
    k = start
    while True:
        yield k
        k += 1


def is_prime(k: int) -> bool:
    if k < 2:
        return False
    d = 2
    while d * d <= k:
        if k % d == 0:
            return False
        d += 1
    return True


def primes():
    for k in naturals(2):
        if is_prime(k):
            yield k


def pairs(xs: list[int]):
    for i in range(len(xs)):
        yield i, xs[i]


def main(n: int) -> int:
    it = gen(n)
    first = next(it)
    second = next(it)
    print(first, second)
    rest = 0
    for v in it:
        rest += v
    print(rest)
    print(next(it, -1))
    xs = [3, 4, 5, 6, 8]
    e = evens(xs)
    print(next(e), next(e))
    it2 = iter(xs)
    print(next(it2))
    total = 0
    for x in it2:
        total += x
    print(total, next(it2, 99))
    g = (x * 3 for x in xs if x > 3)
    print(next(g), next(g))
    try:
        it3 = gen(1)
        next(it3)
        next(it3)
    except StopIteration:
        print("stop")
    nat = naturals(10)
    print(next(nat), next(nat), next(nat))
    for k in nat:
        if k > 15:
            break
        print("k", k)
    print(next(nat))
    ps = primes()
    print([next(ps) for _ in range(n)])
    pit = pairs(xs)
    i0, v0 = next(pit)
    print(i0, v0)
    for i, v in pit:
        print(i, v, end=" ")
    print()
    lines = ["header", "1", "2", "3"]
    rows = iter(lines)
    head = next(rows)
    body = [int(r) for r in lines[1:]]
    count = 0
    for r in rows:
        count += int(r)
    print(head, body, count)
    sq = gen(n)
    next(sq)
    print(sum(sq), list(sq))
    words = iter(["b", "a", "c"])
    print(next(words), sorted(words), list(evens(xs)))
    empty = iter([0] * 0)
    print(next(empty, 42))
    for z in empty:
        print("never", z)
    else:
        print("done")
    return first + second
