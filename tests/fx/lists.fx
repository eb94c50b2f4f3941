"""Native lists (docs/language.md, "Lists"): compiled vs the same file run by CPython."""
from fastext import f64, i64, prange


def squares(n: i64) -> list[i64]:
    xs = []
    for i in range(n):
        xs.append(i * i)
    return xs


def display_ops(n: i64) -> list[f64]:
    a = [1.0, 2.5, -3.0]
    b = [0.5] * n
    c = a + b
    c += [9.0]
    c.extend(a)
    c.insert(1, 7.0)
    c.insert(-100, 8.0)
    c.insert(100, 6.0)
    return c


def pops(xs: list[i64], k: i64) -> tuple[i64, i64, list[i64]]:
    last = xs.pop()
    at = xs.pop(k)
    return last, at, xs


def slice_of(xs: list[i64], a: i64, b: i64, c: i64) -> list[i64]:
    return xs[a:b:c]


def slice_parts(xs: list[i64], a: i64, b: i64) -> tuple[list[i64], list[i64], list[i64], list[i64]]:
    return xs[a:], xs[:b], xs[::-1], xs[a:b]


def assign_slice(xs: list[i64], a: i64, b: i64, ys: list[i64]) -> list[i64]:
    xs[a:b] = ys
    return xs


def assign_extended(xs: list[i64], ys: list[i64]) -> list[i64]:
    xs[::2] = ys
    return xs


def self_slice(n: i64) -> list[i64]:
    xs = list(range(n))
    xs[1:3] = xs
    xs[:2] = xs[1::-1]
    return xs


def item(xs: list[f64], k: i64) -> f64:
    return xs[k]


def set_item(xs: list[f64], k: i64, v: f64) -> list[f64]:
    xs[k] = v
    xs[k] += 1.0
    return xs


def searching(xs: list[i64], v: i64) -> tuple[bool, bool, i64]:
    return v in xs, v not in xs, xs.count(v)


def index_of(xs: list[i64], v: i64) -> i64:
    return xs.index(v)


def remove(xs: list[i64], v: i64) -> list[i64]:
    xs.remove(v)
    return xs


def methods(xs: list[i64]) -> tuple[list[i64], list[i64], list[i64], i64]:
    ys = xs.copy()
    ys.reverse()
    zs = list(xs)
    zs.sort()
    ws = sorted(xs, reverse=True)
    xs.clear()
    return ys, zs, ws, len(xs)


def folds(xs: list[f64]) -> tuple[f64, f64, f64, bool, bool]:
    return sum(xs), min(xs), max(xs), any(x > 2.0 for x in xs), all([x > 0.0 for x in xs])


def fold_empty(n: i64) -> f64:
    return max([float(i) for i in range(n)])


def comprehensions(n: i64) -> list[i64]:
    return [i * j for i in range(n) if i % 2 == 0 for j in range(i) if j != 1]


def nested_sum(n: i64) -> f64:
    u = [1.0] * n
    return sum([sum([u_j / (i + j + 1) for j, u_j in enumerate(u)]) for i in range(len(u))])


def generator_sum(xs: list[f64], ys: list[f64]) -> f64:
    return sum(x * y for x, y in zip(xs, ys))


def loops(xs: list[i64]) -> i64:
    total = 0
    for k, x in enumerate(xs):
        total += k * x
    for x in reversed(xs):
        total = total * 3 + x
    for x, y in zip(xs, xs[1:]):
        total -= x * y
    return total


def aliasing(n: i64) -> list[i64]:
    a = [0] * n
    b = a
    b.append(5)
    a[0] = 1
    return b


def table(n: i64) -> list[i64]:
    rows = [[i * 10 + j for j in range(3)] for i in range(n)]
    rows[0][1] = -1
    out = []
    for row in rows:
        for v in row:
            out.append(v)
    return out


def pairs(n: i64) -> f64:
    bodies = [([float(i), 0.0], [0.0, float(i)], float(i + 1)) for i in range(n)]
    ps = []
    for x in range(len(bodies) - 1):
        for y in bodies[x + 1:]:
            ps.append((bodies[x], y))
    e = 0.0
    for (([x1, y1], v1, m1), ([x2, y2], v2, m2)) in ps:
        v1[0] += m2
        v2[1] -= m1
        e += (x1 - x2) * m1 + (y1 - y2) * m2
    for (r, [vx, vy], m) in bodies:
        e += vx * vy * m
    return e


def unpack(xs: list[i64]) -> i64:
    a, b, c = xs
    return a * 100 + b * 10 + c


def truth(xs: list[i64]) -> i64:
    if xs:
        return 1
    return 0


def from_range(a: i64, b: i64, c: i64) -> list[i64]:
    return list(range(a, b, c))


def bools(n: i64) -> list[bool]:
    flags = [False] * n
    for i in range(0, n, 3):
        flags[i] = True
    return flags


def declared(n: i64) -> list[f64]:
    ys: list[f64] = []
    for i in range(n):
        ys.append(i / 2)
    return ys


def repeat_many(n: i64) -> list[i64]:
    return [1, 2] * n + n * [3]


def grow(n: i64) -> i64:
    xs = [0]
    for i in range(n):
        xs.append(i)
        if len(xs) > 5:
            xs.pop(0)
    return sum(xs)


def reuse_alias(n: i64) -> tuple[list[i64], list[i64]]:
    a = list(range(n))
    b = a
    for i in range(3):
        a = a[1:]
    return b, a


def reuse_confined(n: i64) -> i64:
    src = list(range(n))
    out = 0
    for i in range(n):
        cur = src[i:]
        out += len(cur) * 1000 + cur[0]
        cur = src[::2]
        out += cur[-1]
    return out


def big_self(n: i64) -> list[i64]:
    xs = list(range(n))
    xs[:] = xs[::-1]
    xs[1:n - 1] = xs[n - 2:0:-1]
    xs[::3] = xs[:(n + 2) // 3]
    return xs


def in_prange(n: i64) -> f64:
    xs = [1.0] * n
    out = 0.0
    for i in prange(n):
        ys = [xs[i], 2.0]
        ys.append(3.0)
        out += sum(ys)
    return out


def assign_from_slice(xs: list[i64], a: i64, b: i64, c: i64, d: i64, e: i64) -> list[i64]:
    xs[a:b] = xs[c:d:e]
    return xs


def assign_ext_from_slice(xs: list[i64], c: i64, d: i64, e: i64) -> list[i64]:
    xs[::2] = xs[c:d:e]
    return xs


def flip_other(xs: list[i64], ys: list[i64], a: i64, b: i64) -> list[i64]:
    xs[a:b] = ys[b - 1:a - 1:-1] if a > 0 else ys[b - 1::-1]
    return xs
def _times(u: list[f64]) -> list[f64]:
    return [x * 0.5 for x in u]

def spectral_style(n: i64) -> f64:
    u = [1] * n
    for k in range(3):
        v = _times(u)
        u = _times(v)
    return sum(u)

def ints(n: i64) -> list[i64]:
    xs = [0] * n
    xs[1] += 3
    return xs

def widened(n: i64) -> list[f64]:
    xs = [0, 1] * n
    xs.append(2.5)
    return xs

def flags(n: i64) -> list[i64]:
    xs = [0] * n
    xs.append(True)
    return xs


def show(n: i64) -> None:
    xs = [i * 0.5 for i in range(n)]
    d = {i: [i, i * i] for i in range(3)}
    s = {1, 2}
    t = (n, 2.5, True)
    print(xs, d, s, t)
    print(len(str(xs)), repr([1, 2]))

def describe(n: i64) -> str:
    return f"{[k for k in range(n)]} and {(n, n + 1)}"


def flip_self(xs: list[i64], a: i64, b: i64) -> list[i64]:
    if a > 0:
        xs[a:b] = xs[b - 1:a - 1:-1]
    else:
        xs[:b] = xs[b - 1::-1]
    return xs


def flip_prefix(xs: list[i64], k: i64) -> list[i64]:
    xs[:k + 1] = xs[k::-1]
    return xs


def sized_comprehensions(a: i64, b: i64) -> list[i64]:
    out = [i * 2 for i in range(a, b)]
    total: list[i64] = []
    for r in range(3):
        row = [x + r for x in out]
        row.append(r)
        total += row
    return total + [len(s) for s in ["ab", "c"]] + [ord(c) for c in "hey"]


def fill_slices(n: i64, a: i64, b: i64, c: i64, k: i64) -> list[f64]:
    xs = [float(i) for i in range(n)]
    if c == 0:
        xs[a:b] = [0.5] * k
    else:
        xs[a:b:c] = [0.5] * k
    return xs


def sieve_flags(n: i64) -> list[i64]:
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            flags[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, f in enumerate(flags) if f]
