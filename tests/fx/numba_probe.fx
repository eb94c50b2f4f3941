import numpy as np
import numba
from numba import njit, prange
from numba.typed import List, Dict
from numba import types
from numba.experimental import jitclass
from fastext import f64, i64

spec = [("value", numba.float64), ("count", numba.int64)]


@jitclass(spec)
class Acc:
    def __init__(self, value):
        self.value = value
        self.count = 0

    def add(self, x):
        self.value += x
        self.count += 1


@njit
def use_acc(a: f64[:]) -> float:
    acc = Acc(0.0)
    for v in a:
        acc.add(v)
    return acc.value / acc.count


@njit(parallel=True)
def par_sum(a: f64[:]) -> float:
    total = 0.0
    for i in prange(a.shape[0]):
        total += a[i] * 2.0
    return total


@njit
def typed_list(n: int) -> float:
    xs = List()
    for i in range(n):
        xs.append(i * 0.5)
    s = 0.0
    for x in xs:
        s += x
    return s


@njit
def typed_dict(keys: i64[:]) -> int:
    d = Dict.empty(key_type=types.int64, value_type=types.int64)
    for k in keys:
        d[k] = d.get(k, 0) + 1
    return len(d)


@njit(inline="always")
def _sq(x):
    return x * x


@njit
def sum_sq(a: f64[:]) -> float:
    s = 0.0
    for v in a:
        s += _sq(v)
    return s


@njit
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@njit(nogil=True, cache=True)
def clip_loop(a: f64[:], lo: float, hi: float) -> f64[:]:
    out = np.empty_like(a)
    for i in range(a.size):
        v = a[i]
        if v < lo:
            v = lo
        elif v > hi:
            v = hi
        out[i] = v
    return out
