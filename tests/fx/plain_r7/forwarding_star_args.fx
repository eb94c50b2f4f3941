import time

def total(*xs):
    s = 0.0
    for x in xs:
        s += x
    return s

def call_with(fn, *args):
    return fn(*args)

def timed(fn, *args):
    t0 = time.perf_counter()
    r = fn(*args)
    return r, time.perf_counter() >= t0

def add3(a, b, c):
    return a + b + c

def label(name, k):
    return f"{name}:{k}"

def main(n: int):
    print(total(1.0, 2.0, 3.5), total(1, 2.5))
    print(call_with(add3, 1, 2, n), call_with(label, "k", n), timed(add3, 1.5, 2, 3))
    return total(n, n)
# ARGS: 4
