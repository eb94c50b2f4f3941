"""Numba code in the styles its users write: jitclasses, typed containers, Numba's type objects,
prange reductions, inline helpers (frontend/numbatyped.py, frontend/numba.py).  Runs as plain
Python with NUMBA_DISABLE_JIT (numba.config.DISABLE_JIT), which is how the tests read it."""
import numpy as np
import numba as nb
from numba import njit, prange, int32, int64, float32, float64, literal_unroll
from numba.core import types
from numba.typed import List, Dict
from numba import typed, typeof
from numba.experimental import jitclass
from fastext import f64, i64

bag_spec = [
    ("value", int32),
    ("array", float32[:]),
]


@jitclass(bag_spec)
class Bag(object):
    def __init__(self, value):
        self.value = value
        self.array = np.zeros(value, dtype=np.float32)

    @property
    def size(self):
        return self.array.size

    def increment(self, val):
        for i in range(self.size):
            self.array[i] += val
        return self.array


@njit
def bag_total(n: i64, times: i64) -> float:
    b = Bag(n)
    for _ in range(times):
        b.increment(0.5)
    return float(b.array.sum())


@jitclass
class Point:
    x: float64
    y: nb.float64

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dist(self, other):
        return np.sqrt((self.x - other.x) ** 2 + (self.y - other.y) ** 2)


@njit
def path_length(xs: f64[:], ys: f64[:]) -> float:
    pts = List()
    for i in range(len(xs)):
        pts.append(Point(xs[i], ys[i]))
    total = 0.0
    for i in range(1, len(pts)):
        total += pts[i].dist(pts[i - 1])
    return total


hist_spec = [("counts", types.DictType(types.int64, types.int64)),
             ("seen", types.ListType(types.int64)),
             ("width", types.float64)]


@nb.experimental.jitclass(hist_spec)
class Histogram:
    def __init__(self, width):
        self.counts = Dict.empty(key_type=types.int64, value_type=types.int64)
        self.seen = List.empty_list(types.int64)
        self.width = width

    def add(self, x):
        k = int(np.floor(x / self.width))
        if k not in self.counts:
            self.counts[k] = 0
            self.seen.append(k)
        self.counts[k] += 1


@njit
def histogram_modes(a: f64[:], width: float) -> int:
    h = Histogram(width)
    for v in a:
        h.add(v)
    best = 0
    for k in h.seen:
        if h.counts[k] > best:
            best = h.counts[k]
    return best * 1000 + len(h.seen)


@njit(parallel=True)
def par_dot(a: f64[:], b: f64[:]) -> float:
    acc = 0.0
    for i in prange(a.shape[0]):
        acc += a[i] * b[i]
    return acc


@njit(parallel=True)
def par_count(a: f64[:], lo: float) -> int:
    n = 0
    for i in prange(len(a)):
        if a[i] > lo:
            n += 1
    return n


@njit(parallel=True, fastmath=True)
def par_rows(m: f64[:, :]) -> f64[:]:
    out = np.empty(m.shape[0], dtype=np.float64)
    for i in nb.prange(m.shape[0]):
        s = 0.0
        for j in range(m.shape[1]):
            s += m[i, j] * m[i, j]
        out[i] = np.sqrt(s)
    return out


@njit
def primes_below(n: i64) -> list:
    found = List.empty_list(types.int64)
    for k in range(2, n):
        prime = True
        for p in found:
            if p * p > k:
                break
            if k % p == 0:
                prime = False
                break
        if prime:
            found.append(k)
    return list(found)


@njit
def word_ids(codes: i64[:]) -> float:
    first = Dict.empty(key_type=types.int64, value_type=types.float64)
    for i, c in enumerate(codes):
        if c not in first:
            first[c] = float(i)
    s = 0.0
    for k, v in first.items():
        s += k * v
    return s


@njit
def unrolled(x: float) -> float:
    acc = 0.0
    for c in literal_unroll((1.0, 2.5, -3.0)):
        acc = acc * x + c
    return acc


@njit(inline="always")
def _clamp(v, lo, hi):
    return min(max(v, lo), hi)


@njit(cache=True, nogil=True)
def clamp_all(a: f64[:], lo: float, hi: float) -> f64[:]:
    out = np.empty_like(a)
    for i in range(a.size):
        out[i] = _clamp(a[i], lo, hi)
    return out


@njit("int64(int64)")
def ackermann_ish(n):
    if n < 2:
        return 1
    return n * ackermann_ish(n - 1) % 1000003


@njit
def cast_types(x: float) -> float:
    k = types.int64(x)
    return types.float64(k) + nb.float32(0.5)


@njit
def from_array(a: i64[:]) -> int:
    xs = List(a)
    xs.append(7)
    return len(xs) * 100 + xs[-1]


@njit
def typed_empty(n: i64) -> int:
    """Numba's type objects as dtypes (NumPy itself refuses them: compiled-only, tests say so)."""
    a = np.empty(n, dtype=nb.int64)
    for i in range(n):
        a[i] = i * i
    b = np.zeros((2, n), dtype=types.float32)
    b[1, :] = 1.5
    return a.sum() + int(b.sum())


float_array_type = nb.types.float64[:]
DT = nb.float64

node_spec = [("id", nb.types.string), ("history", nb.types.DictType(nb.types.unicode_type, float_array_type)),
             ("weights", float_array_type), ("n", int64)]


@jitclass(node_spec)
class Node(object):
    def __init__(self, n):
        self.id = "node"
        self.n = n
        self.history = nb.typed.Dict.empty(key_type=nb.types.unicode_type, value_type=float_array_type)
        self.weights = np.ones(n)

    def record(self, key, values):
        self.history[key] = values * self.weights

    @staticmethod
    def combine(x, y):
        return x + y

    def total(self):
        s = 0.0
        for k in self.history:
            s = self.combine(s, self.history[k].sum())
        return s


@njit
def node_total(a: f64[:]) -> float:
    node = Node(a.size)
    node.record("first", a)
    node.record("second", a * 2.0)
    return node.total()


@njit(parallel=True)
def par_max(a: f64[:]) -> float:
    m = -np.inf
    for i in prange(a.size):
        m = max(m, a[i])
    return m


@njit(parallel=True)
def par_prod(a: f64[:]) -> float:
    p = 1.0
    for i in prange(a.size):
        p *= a[i]
    return p


@njit
def alias_dtype(n: i64) -> f64[:]:
    out = np.zeros(n, dtype=DT)
    for i in range(n):
        out[i] = i / 2
    return out


@njit
def list_of_arrays(n: i64) -> float:
    rows = List()
    for i in range(n):
        rows.append(np.arange(i + 1) * 1.0)
    s = 0.0
    for r in rows:
        s += r.sum()
    return s


@njit
def pairs(a: i64[:]) -> int:
    seen = Dict()
    for i in range(a.size - 1):
        seen[(a[i], a[i + 1])] = i
    return len(seen)


@njit(parallel=True)
def par_histogram(a: f64[:], nbins: i64) -> i64[:]:
    counts = np.zeros(nbins, dtype=np.int64)
    lo, hi = a.min(), a.max()
    for i in prange(a.size):
        k = int((a[i] - lo) / (hi - lo) * nbins)
        if k == nbins:
            k -= 1
        counts[k] += 1
    return counts


@njit
def words(text: str) -> int:
    d = Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for w in text.split():
        d[w] = d.get(w, 0) + 1
    best = 0
    for w, c in d.items():
        best = max(best, c)
    return best


@njit(types.float64(types.float64[:]))
def sig_total(a):
    return a.sum()


@nb.njit(nb.types.int64(nb.types.int64, nb.types.int64))
def sig_add(a, b):
    return a + b


@njit(types.UniTuple(types.float64, 2)(types.float64[:]))
def sig_lohi(a):
    return a.min(), a.max()


@njit
def tuples(n: i64) -> int:
    edges = typed.List.empty_list(types.UniTuple(types.int64, 2))
    for i in range(n):
        edges.append((i, (i * 7) % n))
    s = 0
    for a, b in edges:
        s += a * b
    edges.sort()
    last = edges.pop()
    return s + last[0]


@njit
def dict_of_arrays(n: i64) -> float:
    d = typed.Dict.empty(key_type=types.int64, value_type=types.float64[:])
    for i in range(n):
        d[i] = np.full(i + 1, 0.5)
    s = 0.0
    for k in d:
        s += d[k].sum()
    return s


@njit(types.void(types.float64[:], types.float64))
def fill(a, v):
    for i in range(a.size):
        a[i] = v


@njit
def list_display() -> float:
    xs = typed.List([1.0, 2.0, 3.5])
    xs.extend([4.0])
    xs.insert(0, -1.0)
    return sum(xs) + len(xs)


@njit
def typeof_literal(n: i64) -> float:
    xs = List.empty_list(typeof(1.0))
    for i in range(n):
        xs.append(i / 4)
    return sum(xs)


@njit(parallel=True)
def col_sums(m: f64[:, :]) -> f64[:]:
    acc = np.zeros(m.shape[1])
    for i in prange(m.shape[0]):
        acc += m[i, :]
    return acc


@njit(parallel=True)
def count_and_min(a: f64[:]) -> tuple:
    lo = np.inf
    k = 0
    for i in prange(a.size):
        if a[i] < 0.5:
            k += 1
        lo = min(lo, a[i])
    return k, lo


@jitclass([("count", int32), ("scale", float32)])
class Counter32:
    def __init__(self, start):
        self.count = start
        self.scale = 0.5

    def bump(self, by):
        self.count += by
        self.scale *= 2.0
        return self.count


@njit
def bumps(n: i64) -> float:
    c = Counter32(3)
    for i in range(n):
        c.bump(i)
    return c.count + c.scale


@njit(parallel=True)
def int_start_sum(a: f64[:]) -> float:
    s = 0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


@njit
def as_array(n: i64) -> i64[:]:
    my_list = nb.typed.List()
    for i in np.arange(n, dtype=nb.int64):
        my_list.append(i * 3)
    return np.asarray(my_list)


@njit
def nested(n: i64) -> int:
    rows = List(List(range(i)) for i in range(n))
    rows[0].append(4)
    t = 0
    for r in rows:
        t += len(r)
    return t
