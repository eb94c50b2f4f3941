# Versioned loops whose checked copy is outlined (lower/coldloops.py): eight or more provable
# indexings, so the copy that runs when the hoisted check fails is a function of its own.
# tests/test_coldloops.py runs each against plain Python where the check passes and fails.
from fastext import f64, i64


def window8(a: f64[:], out: f64[:], n: i64) -> f64:
    t = 0.0
    for i in range(n):
        out[i] = a[i] + a[i + 1] + a[i + 2] + a[i + 3] + a[i + 4] + a[i + 5] + a[i + 6] + a[i + 7]
        t += out[i]
    return t


def first_above(a: f64[:], n: i64, lim: f64) -> i64:
    """A `return` from inside the outlined loop."""
    for i in range(n):
        s = a[i] + a[i + 1] + a[i + 2] + a[i + 3] + a[i + 4] + a[i + 5] + a[i + 6] + a[i + 7]
        if s > lim:
            return i
    return -1


def rows(x: f64[:, :], m: i64, lim: f64) -> f64:
    """`break` and `continue` of a loop outside the versioned one (a `while` is not versioned)."""
    acc = 0.0
    r = 0
    while r < m:
        r += 1
        for i in range(3):
            s = x[r - 1, i] + x[r - 1, i + 1] + x[r - 1, 0] + x[r - 1, 1] + x[i, 0] + x[i, 1] + x[i, 2] + x[0, i]
            acc += s
        if acc > lim:
            break
        if acc < 0.0:
            continue
        acc += 1.0
    return acc


def guarded(a: f64[:], out: f64[:]) -> f64:
    """The check over-approximates (`a[i + 2]` only runs while `i + 2 < n`): the outlined copy
    is what runs, and it must give the same result."""
    n = len(a)
    t = 0.0
    for i in range(n):
        if i + 2 < n:
            x = a[i] * a[i + 1] + a[i + 2] * a[i] + a[i + 1] * a[i + 2]
            y = a[i] - a[i + 1] + a[i + 2] - a[i] + a[i + 1]
            out[i] = x + y
            t += out[i] * a[i + 2]
    return t


def body(pos: f64[:, :], vel: f64[:, :], n: i64) -> i64:
    """Straight-line runs in a `while` body (versioned on their own, or not), a counter assigned."""
    k = 0
    while k < n:
        vel[k, 0] -= pos[k, 0] * pos[k, 1]
        vel[k, 1] -= pos[k, 1] * pos[k, 2]
        vel[k, 2] -= pos[k, 2] * pos[k, 0]
        vel[k, 0] += vel[k, 1]
        k += 1
    return k


def shifted(a: f64[:], out: f64[:], c: i64) -> f64:
    """`k = c` is recomputed in the outlined copy, from a parameter the loop never mentions."""
    k = c
    t = 0.0
    for i in range(len(out)):
        out[i] = a[i + k] + a[i + k + 1] + a[i + k + 2] + a[i + k + 3] + a[i + k + 4] + a[i + k + 5] + a[i + k + 6]
        t += out[i]
    return t


def rows_guarded(a: f64[:, :], w: f64[:], out: f64[:], steps: i64, d: i64) -> f64:
    """The check over-approximates (`w[k + 1]` only runs while `k + 1 < steps`), so the outlined
    copy is what runs when `steps == len(w)`: its row loop is jammed and its inner loops
    speculated there too (a division by `k + j + d`, which may be zero)."""
    r, c = a.shape
    t = 0.0
    for k in range(steps):
        if k + 1 < steps:
            t += w[k] * w[k + 1] + w[k + 1] - w[k] + w[k] * w[k] + w[k + 1] * w[k + 1] - w[k]
        for i in range(r):
            s = 0.0
            for j in range(c):
                s += a[i, j] * (1.0 / (k + j + d))
            out[i] = s
        for i in range(r):
            t += out[i]
    return t
