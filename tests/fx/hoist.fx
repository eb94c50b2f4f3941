"""Loops whose bounds checks are hoisted (compiler/bounds.py, lower/hoist.py): each also runs
as plain Python, and an IndexError must come at the same iteration with the same message."""
from fastext import f64, i64


def shift_copy(a: f64[:], out: f64[:], n: i64, off: i64) -> i64:
    done = 0
    for i in range(n):
        out[i] = a[i + off] * 2.0
        done += 1
    return done


def backwards(a: f64[:], out: f64[:], start: i64, stop: i64) -> f64:
    s = 0.0
    k = 0
    for i in range(start, stop, -2):
        s += a[i]
        out[i - stop - 1] = s
        k += 1
    return s + k


def pairwise(x: f64[:, :], out: f64[:, :], n: i64) -> None:
    for i in range(n):
        for j in range(i + 1, n):
            d = 0.0
            for k in range(x.shape[1]):
                t = x[i, k] - x[j, k]
                d += t * t
            out[i, j] = d
            out[j, i] = d


def repeat(x: f64[:], y: f64[:], a: i64, n: i64) -> None:
    for i in range(len(x)):
        for r in range(n):
            y[a + i * n + r] = x[i]


def scaled(a: f64[:], out: f64[:], c: i64, n: i64) -> None:
    for i in range(n):
        out[i] = a[c * i - i * c + i * i - i * (i - 1)]


def stop_early(a: f64[:], n: i64) -> f64:
    s = 0.0
    for i in range(n):
        if a[i] < 0.0:
            break
        s += a[i + 1]
    return s


def reassigned(a: f64[:], n: i64) -> f64:
    s = 0.0
    for i in range(n):
        s += a[i]
        i = i + 5
        s += a[i]
    return s


def list_window(xs: list[i64], lo: i64, hi: i64, w: i64) -> i64:
    s = 0
    for i in range(lo, hi):
        for j in range(w):
            s += xs[i + j] * (j + 1)
    return s


def list_grows(xs: list[i64], n: i64) -> tuple[i64, list[i64]]:
    s = 0
    for i in range(n):
        s += xs[i]
        if i % 2 == 0:
            xs.append(i)
    return s, xs


def list_shrinks(xs: list[i64], n: i64) -> tuple[i64, list[i64]]:
    s = 0
    for i in range(n):
        s += xs[i]
        xs.pop()
    return s, xs


def list_writes(xs: list[i64], n: i64) -> list[i64]:
    for i in range(n):
        xs[i] = xs[n - 1 - i] + i
    return xs


def triple_update(lens: list[i64], d: f64) -> list[f64]:
    vs = [[1.0] * m for m in lens]
    status = 0.0
    try:
        _triple(vs, d)
    except IndexError:
        status = -1.0
    out = [status]
    for v in vs:
        for x in v:
            out.append(x)
    return out


def _triple(vs: list[list[f64]], d: f64) -> None:
    for i in range(len(vs)):
        v = vs[i]
        v[0] += d
        v[1] += d * 2.0
        v[2] += d * 3.0


def pair_store(a: f64[:], ks: i64[:]) -> None:
    for j in range(len(ks)):
        k = ks[j]
        a[k] = 1.0 + j
        a[k + 1] = 2.0 + j


def evens_at(xs: list[i64], n: i64) -> list[i64]:
    out: list[i64] = []
    for i in range(n):
        if xs[i] % 2 == 0:
            out.append(i)
    return out


def alias_grows(xs: list[i64], n: i64) -> tuple[i64, list[i64]]:
    ys = [0] * 0
    ys = xs
    s = 0
    for i in range(n):
        s += xs[i]
        ys.append(i)
    return s, xs


def repeat_counter(x: f64[:], y: f64[:], n: i64, k: i64) -> i64:
    for i in range(len(x)):
        for r in range(n):
            y[k] = x[i] + r
            k += 1
        y[k - 1] = -1.0
    return k


def counter_after(x: f64[:], y: f64[:], n: i64) -> i64:
    k = 0
    for i in range(n):
        k += 2
        y[k - 2] = x[i]
        if x[i] > 0.5:
            continue
        y[k - 1] = -x[i]
    return k
