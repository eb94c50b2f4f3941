"""Programs in the styles of other public benchmark collections (sieve, edit distance, pure-Python
matrix product, Collatz with a cache, n-queens by backtracking), written as plain Python."""
from fastext import f64, i64


def sieve(n: i64) -> list[i64]:
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, f in enumerate(flags) if f]


def levenshtein(a: str, b: str) -> i64:
    m = len(b)
    prev = list(range(m + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[m]


def matmul(n: i64) -> f64:
    A = [[float(i * n + j) for j in range(n)] for i in range(n)]
    B = [[float(i - j) for j in range(n)] for i in range(n)]
    C = [[0.0] * n for _ in range(n)]
    for i in range(n):
        Ai = A[i]
        Ci = C[i]
        for k in range(n):
            a = Ai[k]
            Bk = B[k]
            for j in range(n):
                Ci[j] += a * Bk[j]
    return sum(sum(row) for row in C)


def collatz(limit: i64) -> tuple[i64, i64]:
    cache = {1: 1}
    best, best_n = 0, 0
    for start in range(1, limit):
        n = start
        steps = 0
        path = []
        while n not in cache:
            path.append(n)
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        total = cache[n]
        for k in reversed(path):
            total += 1
            cache[k] = total
        if cache[start] > best:
            best, best_n = cache[start], start
    return best_n, best


def queens_lists(n: i64) -> i64:
    count = 0
    stack = [(0, [0] * 0)]
    while stack:
        row, placed = stack.pop()
        if row == n:
            count += 1
            continue
        for c in range(n):
            ok = True
            for r, pc in enumerate(placed):
                if pc == c or abs(pc - c) == row - r:
                    ok = False
                    break
            if ok:
                stack.append((row + 1, placed + [c]))
    return count


