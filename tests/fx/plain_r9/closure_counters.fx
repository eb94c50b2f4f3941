# Closures that keep state with `nonlocal`, returned from factory functions: the counter
# factory, a running average, a bank of ids and a rate limiter (interview / tutorial style).


def make_counter(start=0):
    count = start

    def increment():
        nonlocal count
        count += 1
        return count
    return increment


def make_averager():
    total = 0.0
    n = 0

    def add(value):
        nonlocal total, n
        total += value
        n += 1
        return total / n
    return add


def make_id_maker(prefix):
    next_id = 0

    def new_id():
        nonlocal next_id
        next_id += 1
        return f"{prefix}-{next_id:03d}"
    return new_id


def make_limiter(capacity):
    tokens = capacity

    def allow(cost):
        nonlocal tokens
        if cost <= tokens:
            tokens -= cost
            return True
        return False
    return allow


def main(n: int):
    counter = make_counter()
    other = make_counter(100)
    for _ in range(n):
        counter()
    print("counter:", counter(), "other:", other(), other())
    avg = make_averager()
    for x in [10, 20, 30, 45]:
        print(f"average so far: {avg(x):.2f}")
    ids = make_id_maker("user")
    print([ids() for _ in range(3)])
    allow = make_limiter(10)
    print([allow(c) for c in [3, 4, 5, 2, 1, 1]])
    return counter()
# ARGS: 4
