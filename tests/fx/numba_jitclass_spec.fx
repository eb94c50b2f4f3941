"""jitclass specs in the other spellings Numba takes: an OrderedDict, types.Array, UniTuple, a
field holding another jitclass (`Leaf.class_type.instance_type`, which plain Python with the JIT
off cannot read: compiled only, checked against Numba-run values)."""
from collections import OrderedDict
import numpy as np
import numba as nb
from numba import njit, types, float64
from numba.typed import List
from numba.experimental import jitclass
from fastext import f64, i64


@jitclass([("a", types.float64), ("b", types.float64)])
class Leaf:
    def __init__(self, a, b):
        self.a = a
        self.b = b


grid_spec = OrderedDict([("cells", types.Array(types.float64, 2, "C")), ("origin", types.UniTuple(types.int64, 2)),
                         ("leaf", Leaf.class_type.instance_type), ("tags", types.ListType(types.unicode_type))])


@jitclass(grid_spec)
class Grid:
    def __init__(self, n, leaf):
        self.cells = np.zeros((n, n))
        self.origin = (1, 2)
        self.leaf = leaf
        self.tags = List.empty_list(types.unicode_type)

    def fill(self):
        for i in range(self.cells.shape[0]):
            for j in range(self.cells.shape[1]):
                self.cells[i, j] = self.leaf.a * i + self.leaf.b * j
        self.tags.append("filled")


@njit
def grid_sum(n: i64) -> float:
    g = Grid(n, Leaf(1.0, 0.5))
    g.fill()
    return g.cells.sum() + g.origin[0] * 10 + g.origin[1] + len(g.tags)


@njit
def give_list(n: i64):
    xs = List()
    for i in range(n):
        xs.append(i)
    return xs


@jitclass([("x", float64), ("y", float64), ("mass", float64)])
class Body:
    def __init__(self, x, y, mass):
        self.x = x
        self.y = y
        self.mass = mass


body_type = Body.class_type.instance_type


@njit
def centre(xs: f64[:], ms: f64[:]) -> float:
    bodies = List.empty_list(body_type)
    for i in range(xs.size):
        bodies.append(Body(xs[i], 2.0 * xs[i], ms[i]))
    m = 0.0
    cx = 0.0
    for b in bodies:
        m += b.mass
        cx += b.x * b.mass
    return cx / m
