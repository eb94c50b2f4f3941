# ARGS: 200
def sieve(limit: int) -> list[int]:
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    return [k for k, is_prime in enumerate(flags) if is_prime]


def main(n: int) -> int:
    primes = sieve(n)
    print(len(primes), "primes below", n)
    print(primes[:10], primes[-3:])
    twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
    print("twin pairs:", len(twins), twins[-1])
    return sum(primes)
