"""Classes of another `.fx` module (tests/fx/classes.fx), used natively (tests/test_classes.py)."""
from __future__ import annotations

import classes
from classes import Vector


def combine(a: float) -> Vector:
    v = Vector(a, 1.0) + classes.Vector(1.0, a) * 2.0
    return -v


def through(v: Vector) -> float:
    return abs(v + Vector.zero())
