from functools import reduce
def call_with(fn, *args):
    return fn(*args)

def apply_all(f, xs):
    return [f(x) for x in xs]

def main(n: int):
    xs = [-3, 1, -2, n]
    print(call_with(abs, -n), apply_all(abs, xs), apply_all(str, xs), reduce(max, xs))
    print(sorted(xs, key=abs), list(map(abs, xs)))
    return reduce(max, xs)
# ARGS: 4
