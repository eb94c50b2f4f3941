import time
def timed(fn, *args):
    t0 = time.perf_counter()
    r = fn(*args)
    dt = time.perf_counter() - t0
    return r, dt >= 0

def work(n):
    return sum(i * i for i in range(n))

def main(n: int):
    r, ok = timed(work, n)
    print(r, ok)
    return r
# ARGS: 1000
