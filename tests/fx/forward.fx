"""Names fused across statements (frontend/forward.py), and the cases that must not be."""
import numpy as np
from fastext import f64


def pairwise(x: f64[:, :]) -> f64[:, :]:
    diff = x[:, None, :] - x[None, :, :]
    return np.sqrt((diff * diff).sum(axis=2))


def two_names(x: f64[:], y: f64[:]) -> f64[:, :]:
    dx = x[:, None] - x[None, :]
    dy = y[:, None] - y[None, :]
    r = np.sqrt(dx ** 2 + dy ** 2)
    return r * 1.0


def store_between(x: f64[:]) -> f64[:]:
    t = x * 2.0
    x[0] = 100.0            # t was computed before: it must not see this
    return t + 1.0


def rebinding_between(x: f64[:]) -> f64[:]:
    t = x * 2.0
    x = x + 1.0             # t read the old x
    return t + x


def loop_carried(x: f64[:], n: int) -> f64:
    s = 0.0
    t = x * 0.0
    for k in range(n):
        s += (t * 1.0).sum()        # the previous iteration's t
        t = x * float(k)
    return s


def same_object_twice(x: f64[:]) -> f64:
    t = x * 2.0
    return _writes_first(t, t)


def _writes_first(a: f64[:], b: f64[:]) -> f64:
    a[0] = -1.0
    return b[0]


def inside_try(x: f64[:], y: f64[:]) -> int:
    flag = 0
    try:
        t = x - y
        flag = 1
        flag = int((t * 1.0).sum() * 0.0) + 2
    except ValueError:
        return flag
    return flag


def accelerations(pos: f64[:, :], mass: f64[:]) -> f64[:, :]:
    """Cheap differences used in several statements are computed again in each (no n×n arrays);
    `inv_r3` (a power) is stored once."""
    dx = pos[:, 0][None, :] - pos[:, 0][:, None]
    dy = pos[:, 1][None, :] - pos[:, 1][:, None]
    inv_r3 = (dx * dx + dy * dy + 0.01) ** -1.5
    acc = np.empty((pos.shape[0], 2))
    acc[:, 0] = (dx * inv_r3 * mass[None, :]).sum(axis=1)
    acc[:, 1] = (dy * inv_r3 * mass[None, :]).sum(axis=1)
    return acc


def store_into_what_it_reads(x: f64[:]) -> f64[:]:
    buf = np.zeros_like(x)
    t = buf + x
    u = t * 2.0
    buf[0] = 50.0           # t read buf before this store
    return u + t


def expensive_operand(x: f64[:]) -> f64[:]:
    """Read three times, `t` keeps its array: copies would compute the median three times."""
    t = x - np.median(x)
    return t * t + t


def store_through_a_view(x: f64[:, :]) -> f64[:]:
    """`acc` is seen through the view `row`: the store into acc must not reach t."""
    acc = np.zeros((2, x.shape[1]))
    row = acc[0]
    t = row + x[0]
    acc[0, 0] = 7.0
    u = t * 2.0
    return u + t
