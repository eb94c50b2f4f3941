# Iteration written with generators, as Python tutorials teach it: a countdown generator,
# a Fibonacci generator with a limit, a sliding window, chunks, and a pipeline of generator
# expressions summed and filtered.


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def fib_upto(limit):
    a, b = 0, 1
    while a <= limit:
        yield a
        a, b = b, a + b


def windows(xs, size):
    for i in range(len(xs) - size + 1):
        yield xs[i:i + size]


def chunks(xs, size):
    for i in range(0, len(xs), size):
        yield xs[i:i + size]


def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1


def main(n: int):
    print(list(countdown(5)), sum(countdown(n)))
    print(list(fib_upto(100)))
    data = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
    sums = [sum(w) for w in windows(data, 3)]
    print(sums, max(sums))
    print(list(chunks(data, 4)))
    first = []
    for p in primes():
        if p > 50:
            break
        first.append(p)
    print(first)
    evens = (x * x for x in range(n) if x % 2 == 0)
    print(sum(evens), any(x > 7 for x in data), all(x > 0 for x in data))
    return len(first)
# ARGS: 20
