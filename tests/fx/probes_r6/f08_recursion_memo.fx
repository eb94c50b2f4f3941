# ARGS: 30
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main(n: int) -> int:
    memo = {0: 0, 1: 1}

    def mfib(k: int) -> int:
        if k in memo:
            return memo[k]
        r = mfib(k - 1) + mfib(k - 2)
        memo[k] = r
        return r

    print(fib(20), mfib(n), len(memo))
    return mfib(60)
