"""Python's `random` module in .fx code (tests/test_pyrandom.py; docs/random.md)."""
import random
import random as rnd
from random import randint, uniform as uni
import numpy as np
from fastext import f64, i64, i32, prange


def seed(s: i64) -> None:
    random.seed(s)


def seed_os() -> None:
    random.seed()


def randoms(n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = random.random()
    return out


def seeded_randoms(s: i64, n: i64) -> f64[:]:
    random.seed(s)
    return randoms(n)


def one_random() -> f64:
    return random.random()


def randints(a: i64, b: i64, n: i64) -> i64[:]:
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = random.randint(a, b)
    return out


def one_randint(a: i64, b: i64) -> i64:
    return randint(a, b)


def randrange1(stop: i64, n: i64) -> i64[:]:
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = random.randrange(stop)
    return out


def randrange2(start: i64, stop: i64, n: i64) -> i64[:]:
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = random.randrange(start, stop)
    return out


def randrange3(start: i64, stop: i64, step: i64, n: i64) -> i64[:]:
    out = np.empty(n, dtype=np.int64)
    for i in range(n):
        out[i] = rnd.randrange(start, stop, step)
    return out


def uniforms(a: f64, b: f64, n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = uni(a, b)
    return out


def gausses(mu: f64, sigma: f64, n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = random.gauss(mu, sigma)
    return out


def normals(n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = random.normalvariate(sigma=1.0) if i % 2 == 0 else random.gauss()
    return out


def expos(lambd: f64, n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = random.expovariate(lambd)
    return out


def choices(a: f64[:], n: i64) -> f64[:]:
    out = np.empty(n)
    for i in range(n):
        out[i] = random.choice(a)
    return out


def choice_int(a: i32[:]) -> i32:
    return random.choice(a)


def shuffled(a: i64[:]) -> None:
    random.shuffle(a)


def shuffle_every_other(a: f64[:]) -> None:
    random.shuffle(a[::2])


def imported_inside(s: i64, n: i64) -> i64:
    import random
    from random import randrange as rr
    random.seed(s)
    total = 0
    for i in range(n):
        total += rr(10)
    return total


def big_ints(s: i64, t: i64) -> i64:
    """The Julia micro-benchmark's parse_int loop, without its str part: 32-bit draws."""
    random.seed(s)
    top = 0
    for i in range(1, t):
        n = random.randint(0, 2 ** 32 - 1)
        assert 0 <= n <= 4294967295
        if n > top:
            top = n
    return top


def independent_of_numpy(s: i64) -> tuple[f64, f64]:
    """Seeding and drawing from np.random leaves the stream of `random` where it was."""
    random.seed(s)
    x = random.random()
    random.seed(s)
    np.random.seed(s + 1)
    np.random.random(10)
    y = random.random()
    return (x, y)


def prange_randoms(n: i64) -> f64[:]:
    out = np.zeros(n)
    for i in prange(n):
        out[i] = random.random()
    return out


def np_seeded(s: i64, n: i64) -> f64[:]:
    np.random.seed(s)
    return np.random.random(n)


def other_imports_inside(x: f64) -> f64:
    import math
    import numpy as np
    from math import sqrt
    return sqrt(x) + math.floor(x) + np.sum(np.ones(3))


def choice_of_expression(a: f64[:], n: i64) -> f64[:]:
    """The sequence is an expression: evaluated once per call, its item drawn."""
    out = np.empty(n)
    for i in range(n):
        out[i] = random.choice(a * 2.0 + 1.0)
    return out
