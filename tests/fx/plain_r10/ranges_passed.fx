# Helpers that take any iterable, called with ranges (as people test them), lists and names
# bound to ranges; joins of lists that may be empty.


def recent(items, k):
    window = []
    for x in items:
        window.append(x)
        if len(window) > k:
            window.pop(0)
    return window


def describe(seq):
    n = len(seq)
    if n == 0:
        return "empty"
    return f"{n} items, sum {sum(seq)}, max {max(seq)}, has 7: {7 in seq}"


def evens(seq):
    return [x for x in seq if x % 2 == 0]


def dashed(values):
    return "-".join([str(v) for v in values])


def main(n: int):
    print(recent(range(10), 3))
    print(recent([5, 6, 7, 8], 2))
    print(describe(range(n, 30, 4)), "|", describe(range(5, 0, -1)), "|", describe(range(0)))
    steps = range(1, n * 3, 2)
    print(recent(steps, 4), evens(range(n)), sorted(steps, reverse=True)[:3], list(steps)[-2:])
    print(repr(dashed(range(0))), repr(dashed(range(4))), repr("-".join([])), repr(", ".join(())))
    words = []
    header = " ".join(words)
    for i in range(n):
        if i % 3 == 0:
            words.append(f"w{i}")
    print(repr(header), "/".join(words), sum(range(n)), len(set(range(0, n, 3))))
    return len(recent(range(n, 40, 3), n))
# ARGS: 8
