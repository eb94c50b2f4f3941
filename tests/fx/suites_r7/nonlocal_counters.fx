# ARGS: 7
def make_counter_demo(n: int) -> int:
    calls = 0
    best = -1

    def visit(k: int) -> int:
        nonlocal calls, best
        calls += 1
        if k > best:
            best = k
        return k * 2

    s = 0
    for i in range(n):
        s += visit((i * 7) % n)
    print("calls", calls, "best", best, "sum", s)
    return calls


def fib_memo(n: int) -> int:
    hits = 0
    memo: dict[int, int] = {}

    def fib(k: int) -> int:
        nonlocal hits
        if k in memo:
            hits += 1
            return memo[k]
        r = k if k < 2 else fib(k - 1) + fib(k - 2)
        memo[k] = r
        return r

    v = fib(n)
    print("fib", n, v, "hits", hits)
    return v


def param_cell(n: int) -> int:
    def step():
        nonlocal n
        n = n // 2
    while n > 1:
        step()
    return n


def main(n: int) -> int:
    count = 0
    total = 0.0
    text = ""

    def inc(k: int):
        nonlocal count, total, text
        count += 1
        total += k * 0.5
        text = text + str(k)

    for i in range(n):
        inc(i)
    print(count, total, text)
    print(make_counter_demo(n), fib_memo(n + 10), param_cell(n * 13))
    return count
