"""Native lists where NumPy takes arrays: np.array / np.asarray of lists of numbers, of rows
and of tuples, reductions and joins of lists, a.tolist() (tests/test_np_lists.py)."""
import numpy as np
from fastext import f64, i64, f32, boolean


def stats_of_list(n: i64) -> tuple[f64, f64, f64, f64, i64]:
    times = []
    for i in range(n):
        times.append((i * 7919 % 101) / 10.0)
    return np.mean(times), np.std(times), np.median(times), np.percentile(times, 95), np.argmax(times)


def table(n: i64) -> f64[:, :]:
    rows = []
    for i in range(n):
        rows.append([i * 1.0, i * i * 0.5, -i * 1.0])
    return np.array(rows)


def points(n: i64) -> f32[:, :]:
    pts = [(i * 0.5, i * 2.0) for i in range(n)]
    return np.array(pts, dtype=np.float32)


def stacked(a: f64[:, :]) -> f64[:, :]:
    parts = []
    for row in a:
        parts.append(row * 2.0)
    return np.vstack(parts)


def joined(a: f64[:]) -> f64[:]:
    pieces = [a[:3], a[5:], a[::2]]
    return np.concatenate(pieces)


def stack_list(a: f64[:, :]) -> f64[:, :]:
    cols = [a[:, j] for j in range(a.shape[1])]
    return np.stack(cols, axis=1)


def to_list(a: f64[:]) -> list[f64]:
    return sorted(a.tolist())[:3] + list(a[:2])


def ragged(n: i64) -> f64[:, :]:
    rows = [[1.0, 2.0], [3.0]]
    for i in range(n):
        rows.append([1.0 * i, 2.0])
    return np.array(rows)


def cat_bad(a: f64[:, :], b: f64[:, :]) -> f64[:, :]:
    parts = [a, b]
    parts.append(a)
    return np.concatenate(parts, axis=1)


def cat_empty(n: i64) -> f64[:]:
    parts = []
    for i in range(n):
        parts.append(np.ones(i))
    return np.concatenate(parts)


def cat_none(a: f64[:, :]) -> f64[:]:
    parts = [a, a * 2.0]
    return np.concatenate(parts, axis=None)


def stack_bad(n: i64) -> f64[:, :]:
    parts = []
    for i in range(n):
        parts.append(np.ones(i + 1))
    return np.stack(parts)


def ints_and_bools(n: i64) -> tuple[i64[:], boolean[:], f64]:
    xs = [i * 3 for i in range(n)]
    flags = [i % 2 == 0 for i in range(n)]
    return np.array(xs), np.array(flags), np.sum(xs) + np.max(xs) + np.mean(flags)


def hstack_cols(a: f64[:, :]) -> tuple[f64[:, :], f64[:, :], f64[:]]:
    cols = [a[:, j] for j in range(a.shape[1])]
    blocks = [a, a]
    return np.column_stack(cols), np.hstack(blocks), np.hstack(cols)


def tolist2(a: f64[:, :]) -> list[list[f64]]:
    return a.tolist()


def sorted_list(xs: list[f64]) -> f64[:]:
    return np.sort(xs)[::-1]


def comprehension_array(xs: f64[:], k: i64) -> tuple[f64[:], i64[:], f64[:, :]]:
    squares = np.array([x * x for x in xs])
    picks = np.asarray([i for i in range(k) if i % 3 != 1], dtype=np.int64)
    grid = np.array([[x + j for j in range(3)] for x in xs])
    return squares, picks, grid


def list_param(xs: list[f64], ys: list[i64]) -> tuple[f64, f64, i64, f64[:]]:
    return np.mean(xs), np.std(xs), np.argmax(ys), np.cumsum(ys) * 0.5
