"""@struct value records: fields, constructors, methods, nesting, boundary."""
from __future__ import annotations

import math

from fastext import c128, f32, f64, i32, i64, struct


@struct
class Vec:
    """A 2-D vector."""
    x: f64
    y: f64

    def norm(self) -> f64:
        return math.sqrt(self.dot(self))

    def dot(self, other: Vec) -> f64:
        return self.x * other.x + self.y * other.y

    def scaled(self, k: f64) -> Vec:
        return Vec(self.x * k, self.y * k)

    def plus(self, other: Vec) -> Vec:
        return Vec(self.x + other.x, self.y + other.y)


@struct
class Particle:
    pos: Vec
    vel: Vec
    mass: f32
    id: i32
    charge: c128
    alive: bool


def make(x: f64, y: f64) -> Vec:
    return Vec(x, y)


def norm(v: Vec) -> f64:
    return v.norm()


def add(a: Vec, b: Vec) -> Vec:
    return a.plus(b)


def scale(v: Vec, k: f64) -> Vec:
    return v.scaled(k)


def ints(a: i64, b: i64) -> Vec:
    return Vec(a, y=b)


def swap(v: Vec) -> Vec:
    x, y = v
    return Vec(y=x, x=y)


def _step(p: Particle, dt: f64) -> Particle:
    return Particle(p.pos.plus(p.vel.scaled(dt)), p.vel, p.mass, p.id + 1, p.charge * 1j, p.alive)


def simulate(p: Particle, dt: f64, n: i64) -> Particle:
    for _ in range(n):
        p = _step(p, dt)
    return p


def energy(p: Particle) -> f64:
    return 0.5 * p.mass * p.vel.dot(p.vel)


def pick(c: bool, a: Vec, b: Vec) -> Vec:
    return a if c else b


def pair(v: Vec) -> tuple[Vec, f64]:
    return v.scaled(2.0), v.norm()


def centroid(xs: f64[:], ys: f64[:]) -> Vec:
    acc = Vec(0.0, 0.0)
    for i in range(len(xs)):
        acc = acc.plus(Vec(xs[i], ys[i]))
    n = len(xs)
    return acc.scaled(1.0 / n) if n > 0 else acc


def longest(xs: f64[:], ys: f64[:]) -> tuple[i64, f64]:
    best = -1
    best_norm = -1.0
    for i in range(len(xs)):
        v = Vec(xs[i], ys[i])
        if v.norm() > best_norm:
            best, best_norm = i, v.norm()
    return best, best_norm


@struct
class Body:
    pos: Vec
    mass: f32
    tag: i32
    live: bool


def total_norm(vs: Vec[:]) -> f64:
    total = 0.0
    for v in vs:
        total += v.norm()
    return total


def scale_all(vs: Vec[:], k: f64) -> None:
    for i in range(len(vs)):
        vs[i] = vs[i].scaled(k)


def grid_sum(g: Vec[:, :]) -> Vec:
    acc = Vec(0.0, 0.0)
    for i in range(g.shape[0]):
        for j in range(g.shape[1]):
            acc = acc.plus(g[i, j])
    return acc


def heaviest(bs: Body[:]) -> tuple[i64, Vec]:
    best = -1
    for i in range(len(bs)):
        if bs[i].live and (best < 0 or bs[i].mass > bs[best].mass):
            best = i
    if best < 0:
        return best, Vec(0.0, 0.0)
    return best, bs[best].pos


def retag(bs: Body[:], dt: f64) -> None:
    for i in range(len(bs)):
        b = bs[i]
        bs[i] = Body(b.pos.scaled(dt), b.mass * 2, b.tag + 1, not b.live)


def every_other(vs: Vec[:]) -> f64:
    return total_norm(vs[::2])


ORIGIN = Vec(0, 0)
UNIT: Vec = Vec(x=1.0, y=0.0)
HOME = Particle(Vec(1.5, -2.0), Vec(0.0, 1.0), 2.0, 7, 1 + 2j, True)


def from_origin(v: Vec) -> Vec:
    return v.plus(ORIGIN).plus(UNIT).scaled(UNIT.x)


def home() -> Particle:
    return HOME


def home_energy() -> f64:
    return energy(HOME) + HOME.pos.x
