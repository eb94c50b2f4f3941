"""The module namespace: constants, struct classes, internal and imported functions (tests/test_namespace.py)."""
from __future__ import annotations

import math

import numpy as np
from fastext import boolean, c128, f32, f64, i32, i64, struct, u8

from nspkg.geometry import SCALE, scale, _secret

N = 100
HALF = 0.5
TWO_PI = 2 * math.pi
FLAG = True
W = 2 - 3j
NEG = -7
TILE: i32 = 16
HUGE = 1e300


@struct
class Point:
    """A point in the plane."""
    x: f64
    y: f64

    def norm(self) -> f64:
        return math.sqrt(self.x * self.x + self.y * self.y)

    def plus(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)

    def scaled(self, k: f64 = 2.0) -> Point:
        return Point(self.x * k, self.y * k)


@struct
class Particle:
    pos: Point
    mass: f32
    id: i32
    alive: boolean
    tag: u8
    charge: c128


ORIGIN = Point(0.0, 0.0)
UNIT: Point = Point(x=1.0, y=0.0)


def _hessian_det(a: f64[:, :]) -> f64:
    return a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0]


def _every_other(x: f64[:]) -> f64[:]:
    return x[::2]


def _pair_sum(t: tuple[i64, i64]) -> i64:
    return t[0] + t[1]


def _item_of(t: tuple[list[f64[:]], i64]) -> f64:
    rows, k = t
    return rows[0][k]


def _norm_all(ps: Point[:]) -> f64:
    s = 0.0
    for i in range(len(ps)):
        s += ps[i].norm()
    return s


def public(n: i64) -> i64:
    return _pair_sum((n, N)) + _secret(n)


def weights(ps: Particle[:]) -> f64:
    s = 0.0
    for i in range(len(ps)):
        s += ps[i].mass * ps[i].pos.x
    return s
