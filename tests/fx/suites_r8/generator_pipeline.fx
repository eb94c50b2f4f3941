# ARGS: 30
def naturals(start: int):
    n = start
    while True:
        yield n
        n += 1


def primes():
    for n in naturals(2):
        d = 2
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 1
        if prime:
            yield n


def fibonacci(limit: int):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


def chunks(xs: list[int], size: int):
    for i in range(0, len(xs), size):
        yield xs[i:i + size]


def main(n: int) -> int:
    ps = []
    for p in primes():
        if len(ps) == n:
            break
        ps.append(p)
    print(ps[-5:])
    fibs = [f for f in fibonacci(10 ** 6) if f % 2 == 0]
    print(fibs)
    total = 0
    for x in naturals(1):
        if x > n:
            break
        if x % 3 == 0:
            total += x * x
    for c in chunks(ps, 7):
        print(sum(c), len(c))
    return total + sum(fibs)
