# ARGS: 100
def primes_upto(n: int) -> list[int]:
    sieve = [True] * (n + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(sieve) if p]


def main(n: int) -> int:
    ps = primes_upto(n)
    print(ps[:10], ps[-3:], len(ps))
    gaps = [b - a for a, b in zip(ps, ps[1:])]
    print(max(gaps), gaps.count(2), sorted(set(gaps)))
    return sum(ps)
