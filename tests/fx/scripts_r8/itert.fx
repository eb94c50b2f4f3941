import itertools
# ARGS: 5
def main(n: int):
    xs = list(range(1, n + 1))
    print(list(itertools.accumulate(xs)))
    print(list(itertools.combinations(xs, 2))[:5])
    print(list(itertools.chain(xs, [10, 20])))
    pairs = [(a, b) for a, b in itertools.product(xs, repeat=2) if a < b and (a + b) % 3 == 0]
    print(pairs)
    print(list(zip(xs, xs[1:])))
    print(max(xs, key=lambda v: (v % 3, v)))
    return sum(a * b for a, b in pairs)
