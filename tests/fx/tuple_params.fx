"""Tuple parameters of exported functions and nested unpacking (tests/test_tuple_params.py)."""
from __future__ import annotations

from fastext import f32, f64, i32, i64, struct, u8


@struct
class V:
    x: f64
    y: f64


@struct(mutable=True)
class Acc:
    total: f64


def mask_sum(mask: tuple[i64, i64, i64], scale: f64) -> f64:
    a, b, c = mask
    return (a + b * 10 + c * 100) * scale


def mixed(t: tuple[f64, i32, bool, u8, f32, complex]) -> tuple[f64, i32, bool, u8, f32, complex]:
    return t


def nested(t: tuple[tuple[f64, f64], i32], v: V) -> tuple[f64, i32]:
    (a, b), c = t
    return a * b + v.x, c


def with_structs(t: tuple[V, tuple[V, f64]]) -> f64:
    p, (q, w) = t
    return p.x * q.y + w


def with_record(t: tuple[Acc, f64]) -> f64:
    acc, k = t
    acc.total += k          # the record is the function's own copy
    return acc.total


def pair_loop(pairs: list[tuple[f64, f64]], vals: list[f64]) -> f64:
    s = 0.0
    for (x, y), v in zip(pairs, vals):
        s += x * y * v
    return s


def enumerate_pairs(pairs: list[tuple[f64, f64]]) -> f64:
    s = 0.0
    for k, (x, y) in enumerate(pairs):
        s += k * x - y
    return s


def struct_list(vs: list[V]) -> f64:
    s = 0.0
    for v in vs:
        s += v.x - v.y
    return s


def built_pairs(n: i64) -> f64:
    pairs = [(i * 1.0, i + 0.5) for i in range(n)]
    vals = [i * 2.0 for i in range(n)]
    s = 0.0
    for (x, y), v in zip(pairs, vals):
        s += x * y - v
    t = ((1.0, 2.0), 3.0)
    (a, b), c = t
    [d, e], f = t
    return s + a * 100.0 + b * 10.0 + c + d + e + f


def default_after(mask: tuple[i64, i64], k: i64 = 2) -> i64:
    a, b = mask
    return a * k + b
