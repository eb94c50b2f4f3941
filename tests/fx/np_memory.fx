"""Array names reassigned in loops (lower/reuse.py): recycled buffers, and names that escape."""
import numpy as np
from fastext import f64


def steps(u: f64[:], n: int) -> f64:
    """`lap` is confined: each step computes into a buffer the name does not hold."""
    total = 0.0
    for _ in range(n):
        lap = u[:-2] - 2.0 * u[1:-1] + u[2:]
        total += lap.sum()
    return total


def self_ref(x: f64[:], n: int) -> f64[:]:
    """`y = y * 0.5 + x`: the new value reads the old one, computed into the other buffer."""
    y = x * 1.0
    for _ in range(n):
        y = y * 0.5 + x
    return y


def escapes(x: f64[:], n: int) -> tuple[f64[:], f64[:]]:
    """`keep = y` holds the old buffer: `y` is not confined, every value is kept."""
    y = x + 0.0
    keep = y
    for _ in range(n):
        keep = y
        y = y + 1.0
    return keep, y


def escapes_by_view(x: f64[:], n: int) -> f64:
    y = x + 0.0
    head = y[:2]
    for _ in range(n):
        head = y[:2]
        y = y * 2.0
    return head[0] + head[1] + y[0]


def big_loop(n: int, size: int) -> f64:
    """A 4 MB array each step: with recycled buffers the memory stays at two of them."""
    x = np.ones(size)
    t = 0.0
    for k in range(n):
        y = x * float(k)
        t += y[0]
    return t


def horner_loop(coeffs: f64[:], x: f64[:]) -> f64[:]:
    """Horner's rule as NumPy users write it: `y` starts as a new array, is rebound each step and
    returned at the end — its earlier buffers are dead, so the site recycles them."""
    y = np.zeros_like(x)
    for c in coeffs:
        y = y * x + c
    return y


def rotate_swap(u0: f64[:], steps: int) -> f64[:]:
    """Leapfrog time steps, the names rotated by a tuple assignment: prev, cur and nxt are one
    group (their buffers move between them), so each step computes into a buffer none holds."""
    prev = u0.copy()
    cur = u0 * 1.0
    for _ in range(steps):
        nxt = 2.0 * cur - prev + 0.01 * cur[::-1]
        prev, cur = cur, nxt
    return cur


def rotate_names(u0: f64[:], steps: int) -> tuple[f64[:], f64[:]]:
    """The same rotation by plain assignments, with a fourth name keeping an older value."""
    prev = u0 + 0.0
    cur = u0 * 2.0
    older = prev
    for k in range(steps):
        nxt = cur * 0.5 + prev
        older = prev
        prev = cur
        cur = nxt
    return older, cur


def mask_steps(x: f64[:], steps: int) -> f64[:]:
    """The parameter itself rebound each step, through a mask: `x`'s first buffer is the caller's
    (never computed into), the later ones the site's two."""
    for t in range(steps):
        m = np.exp(x) > 0.5
        x = np.where(m, x * 0.5, x + 1.0)
    return x


def masked_sums(x: f64[:], steps: int) -> f64:
    """`x[m]`, `np.sort(...)` and `np.abs(...)` are temporaries each statement makes and consumes:
    one buffer per site, not one per step."""
    total = 0.0
    for t in range(steps):
        m = x > 0.0
        total += float(np.sum(x[m])) + float(np.sort(np.abs(x))[0])
        x = x - 0.001
    return total


def appended(x: f64[:], n: int) -> f64:
    """`ys.append(y)` keeps y's buffer: y is not confined (each step a new array)."""
    ys = []
    for t in range(n):
        y = x * float(t)
        ys.append(y)
    total = 0.0
    for z in ys:
        total += float(z.sum())
    return total
