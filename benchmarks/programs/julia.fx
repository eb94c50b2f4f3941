# The Julia micro-benchmarks' Python kernels, as perf.py writes them.
import random
import numpy as np
from numpy import random as nprandom
from fastext import f64, i64


def fib(n: i64) -> i64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def parse_int(t: i64) -> i64:
    n = 0
    for i in range(1, t):
        n = random.randint(0, 2 ** 32 - 1)
        s = hex(n)
        if s[-1] == 'L':
            s = s[0:-1]
        m = int(s, 16)
        assert m == n
    return n


def qsort_kernel(a: list[f64], lo: i64, hi: i64) -> list[f64]:
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


def sortperf(n: i64) -> list[f64]:
    lst = [random.random() for i in range(n)]
    qsort_kernel(lst, 0, n - 1)
    return lst


def mandel(z: complex) -> i64:
    maxiter = 80
    c = z
    for n in range(maxiter):
        if abs(z) > 2:
            return n
        z = z * z + c
    return maxiter


def mandelperf() -> list[i64]:
    r1 = [-2.0 + 0.1 * i for i in range(26)]
    r2 = [-1.0 + 0.1 * i for i in range(21)]
    return [mandel(complex(r, i)) for r in r1 for i in r2]


def pisum() -> f64:
    sum = 0.0
    for j in range(1, 500 + 1):
        sum = 0.0
        for k in range(1, 10000 + 1):
            sum += 1.0 / (k * k)
    return sum


def randmatstat(t: i64) -> tuple[f64, f64]:
    n = 5
    v = np.zeros(t)
    w = np.zeros(t)
    for i in range(t):
        a = nprandom.randn(n, n)
        b = nprandom.randn(n, n)
        c = nprandom.randn(n, n)
        d = nprandom.randn(n, n)
        P = np.concatenate((a, b, c, d), axis=1)
        Q = np.concatenate((np.concatenate((a, b), axis=1), np.concatenate((c, d), axis=1)), axis=0)
        v[i] = np.trace(np.linalg.matrix_power(P.T @ P, 4))
        w[i] = np.trace(np.linalg.matrix_power(Q.T @ Q, 4))
    return (np.std(v) / np.mean(v), np.std(w) / np.mean(w))


def randmatmul(n: i64) -> f64[:, :]:
    A = nprandom.rand(n, n)
    B = nprandom.rand(n, n)
    return np.dot(A, B)
