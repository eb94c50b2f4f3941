# ARGS: 1000
import time


def work(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def main(n: int) -> int:
    t0 = time.perf_counter()
    r = work(n)
    dt = time.perf_counter() - t0
    print(r, dt >= 0.0)
    t = time.time()
    print(t > 1.0e9)
    return r
