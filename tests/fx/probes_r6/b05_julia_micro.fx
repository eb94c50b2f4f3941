# ARGS: 200
import random


def qsort_kernel(a, lo, hi):
    i = lo
    j = hi
    while i < hi:
        pivot = a[(lo + hi) // 2]
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        if lo < j:
            qsort_kernel(a, lo, j)
        lo = i
        j = hi
    return a


def pisum() -> float:
    s = 0.0
    for j in range(1, 11):
        s = 0.0
        for k in range(1, 1001):
            s += 1.0 / (k * k)
    return s


def parse_int(t: int) -> int:
    n = 0
    for i in range(1, t):
        n = random.randint(0, 2 ** 32 - 1)
        s = hex(n)
        if s[-1] == 'L':
            s = s[0:-1]
        m = int(s, 16)
        assert m == n
    return n


def main(n: int) -> float:
    random.seed(0)
    lst = [random.random() for i in range(n)]
    srt = qsort_kernel(lst, 0, len(lst) - 1)
    ok = all(srt[i] <= srt[i + 1] for i in range(len(srt) - 1))
    print(ok, parse_int(100) > 0)
    return pisum()
