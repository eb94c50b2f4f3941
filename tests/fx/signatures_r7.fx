"""Python's calling and assignment idioms (tests/test_signatures_r7.py): *args, keyword-only
parameters without defaults, positional-only parameters, f(*t), tuple assignments that turn
ints into floats, min/max of several arguments with key=, list-of-lists fields, function tables
as module attributes, np.apply_along_axis."""
import numpy as np
from fastext import f64, i64, struct
from signatures_r7_helpers import total as other_total, scaled as other_scaled


# -- *args
def total(*xs: float) -> float:
    s = 0.0
    for x in xs:
        s += x
    return s


def head(first: int, *rest: int, sep: int = 0) -> int:
    return first * 100 + len(rest) * 10 + sep


def _count(*xs):
    n = 0
    for x in xs:
        n += x
    return n


def _pair(a, b):
    return a * 10 + b


def _kept(*xs: float) -> list[float]:
    return xs          # the packed list escapes: it stays in the arena


def loop(n: int) -> float:
    acc = 0.0
    for i in range(n):
        acc += total(acc * 1e-9, 1.0, i * 0.5) + len(_kept(1.0, acc))
    return acc


# -- keyword-only without defaults, positional-only
def scaled(a: float, *, scale: float) -> float:
    return a * scale


def mixed(a: float, b: float = 2.0, *, c: float, d: int = 3) -> float:
    return a + b * c + d


def pos(a: float, b: float, /, c: float = 1.0) -> float:
    return a - b + c


def calls(n: int) -> float:
    t = (1.0, 2.0, 3.0)
    xs = [1, 2, n]
    p = (n, 2)
    r = scaled(2.0, scale=3.0) + mixed(1.0, c=2.0) + mixed(1.0, 4.0, d=1, c=0.5) + pos(5.0, 1.0)
    r += total() + total(1.0, 2.5) + total(*t) + total(0.5, *t) + pos(*t)
    r += head(3, 4, 5, sep=1) + head(first=2) + _count(1, 2, n) + _count(*xs) + _count(n, *xs) + _pair(*p)
    return r


# -- **kwargs: the keywords no parameter names, as a dict[str, T]
def weighted(x: float, *, k: float = 1.0, **opts: float) -> float:
    t = x * k
    for name in opts:
        t += opts[name] * len(name)
    return t


def _loose(x, **kw):
    return x + len(kw) + kw.get("p", 0)


def keywords(a: float) -> float:
    return weighted(a) + weighted(a, k=2.0, scale=2.0, shift=0.5) + weighted(x=a, tol=1e-3) + _loose(a, p=1, q=2)


def every_kind(a: float, /, b: float, *xs: float, c: float, **kw: float) -> float:
    return a + b * 10.0 + len(xs) * 100.0 + c * 1000.0 + len(kw) * 10000.0


def across(a: float) -> float:
    """The signatures of another .fx module's functions hold at calls from this one."""
    return other_total(a, 1.0, 2.0) + other_total() + other_scaled(a, k=2.0, z=1.0)


def _every_kind_calls() -> float:
    return every_kind(1.0, 2.0, 3.0, 4.0, c=5.0, z=1.0, a=3.0) + every_kind(1.0, b=2.0, c=3.0)


# -- methods take them too (`self` first)
@struct
class Vec:
    x: float
    y: float

    def scaled(self, *, k: float) -> float:
        return (self.x + self.y) * k

    def plus(self, *zs: float) -> float:
        s = self.x + self.y
        for z in zs:
            s += z
        return s


class Acc:
    def __init__(self, start: float):
        self.total = start

    def add(self, *xs: float):
        for x in xs:
            self.total += x

    def get(self, *, scale: float) -> float:
        return self.total * scale


def methods(a: float) -> float:
    v = Vec(1.0, 2.0)
    acc = Acc(a)
    acc.add(1.0, 2.0)
    acc.add()
    return v.scaled(k=2.0) + v.plus(1.0, 2.0) + v.plus() + acc.get(scale=2.0)


# -- tuple assignment: an int that becomes a float
def fib(n: int) -> float:
    a, b = 0, 0.5
    for _ in range(n):
        a, b = b, a + b
    return a


# -- min / max of several arguments with a key
def _neg(x: int) -> int:
    return -x


def extremes(a: int, b: int) -> int:
    return min(4, 2, key=_neg) * 1000 + max(a, b, key=_neg) * 100 + min(a, b, 7, key=lambda v: v % 3) \
        + max(a, b, key=None)


# -- a list field filled by nested appends
class Graph:
    def __init__(self, n: int):
        self.n = n
        self.adj = []
        for _ in range(n):
            self.adj.append([])

    def add_edge(self, u: int, v: int):
        self.adj[u].append(v)
        self.adj[v].append(u)


class Rows:
    def __init__(self, n: int):
        self.rows = [[] for _ in range(n)]

    def put(self, i: int, x: float):
        self.rows[i].append(x)


def bfs(n: int) -> list[int]:
    g = Graph(n)
    for i in range(n - 1):
        g.add_edge(i, i + 1)
    g.add_edge(0, n - 1)
    dist = [-1] * n
    dist[0] = 0
    q = [0]
    while q:
        u = q.pop(0)
        for v in g.adj[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + 1
                q.append(v)
    return dist


def row_sums(n: int) -> list[float]:
    r = Rows(n)
    for i in range(2 * n):
        r.put(i % n, i * 0.5)
    return [sum(row) for row in r.rows]


# -- function tables
def add(a: float, b: float) -> float:
    return a + b


def sub(a: float, b: float) -> float:
    return a - b


OPS = {"+": add, "-": sub}
HANDLERS = [add, sub]


def calc(op: str, a: float, b: float) -> float:
    return OPS[op](a, b)


# -- np.apply_along_axis
def _spread(v: f64[:]) -> float:
    return v.max() - v.min()


def _stats(v: f64[:]) -> f64[:]:
    return np.array([v.min(), v.max(), v.mean()])


def spread_rows(a: f64[:, :]) -> f64[:]:
    return np.apply_along_axis(_spread, 1, a)


def col_sums(a: f64[:, :]) -> f64[:]:
    return np.apply_along_axis(lambda v: v.sum(), 0, a)


def doubled(a: f64[:, :]) -> f64[:, :]:
    return np.apply_along_axis(lambda v: v * 2.0, 1, a)


def col_stats(a: f64[:, :]) -> f64[:, :]:
    return np.apply_along_axis(_stats, 0, a)


def sorted_cols(a: f64[:, :]) -> f64[:, :]:
    return np.apply_along_axis(np.sort, 0, a)


def stats3(a: f64[:, :, :], axis: int) -> f64[:, :, :]:
    if axis == 0:
        return np.apply_along_axis(_stats, 0, a)
    if axis == 1:
        return np.apply_along_axis(_stats, 1, a)
    return np.apply_along_axis(_stats, 2, a)


def sums3(a: f64[:, :, :], scale: float) -> f64[:, :]:
    return np.apply_along_axis(lambda v: v.sum() * scale, 1, a)


def argmax3(a: f64[:, :, :]) -> i64[:, :]:
    return np.apply_along_axis(np.argmax, -1, a)


def main(n: int) -> int:
    print(calls(n), fib(n), fib(0), extremes(n, 5), methods(n * 0.5), loop(n), keywords(n * 0.25))
    print(_every_kind_calls(), across(n * 0.5))
    print(bfs(n), row_sums(3))
    print(calc("+", 1.5, 2.0), calc("-", 1.5, 2.0), total(1.0, 2.0, 3.5))
    a = np.arange(6.0).reshape(2, 3)
    print(spread_rows(a), col_sums(a), doubled(a).sum())
    return n
