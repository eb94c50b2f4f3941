# ARGS: 10000
def digit_square_sum(n: int) -> int:
    total = 0
    while n:
        n, d = divmod(n, 10)
        total += d * d
    return total


def is_happy(n: int) -> bool:
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = digit_square_sum(n)
    return n == 1


def divisor_sums(limit: int) -> list[int]:
    sums = [0] * (limit + 1)
    for d in range(1, limit // 2 + 1):
        for m in range(2 * d, limit + 1, d):
            sums[m] += d
    return sums


def narcissistic(limit: int) -> list[int]:
    out = []
    for n in range(limit):
        digits = str(n)
        if sum(int(d) ** len(digits) for d in digits) == n:
            out.append(n)
    return out


def catalan(n: int) -> list[int]:
    c = [1]
    for i in range(n):
        c.append(c[-1] * 2 * (2 * i + 1) // (i + 2))
    return c


def pascal(rows: int) -> list[list[int]]:
    tri = [[1]]
    for _ in range(rows - 1):
        prev = tri[-1]
        tri.append([1] + [a + b for a, b in zip(prev, prev[1:])] + [1])
    return tri


def main(limit: int) -> int:
    happy = [n for n in range(1, 50) if is_happy(n)]
    print("happy", happy)
    sums = divisor_sums(limit)
    perfect = [n for n in range(2, limit + 1) if sums[n] == n]
    amicable = [(a, sums[a]) for a in range(2, limit + 1) if a < sums[a] <= limit and sums[sums[a]] == a]
    print("perfect", perfect, "amicable", amicable)
    print("narcissistic", narcissistic(limit))
    print("catalan", catalan(15))
    for row in pascal(7):
        print(" ".join(str(v) for v in row).center(30))
    return sum(perfect) + len(happy)
