"""Exported functions over the newer parameter kinds, for the bad-input checks of
tests/test_trust_r8.py."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Pt:
    x: float
    y: float


class ParseError(ValueError):
    pass


TABLE = {"a": 1, "b": 2}


def norm1(p: Pt) -> float:
    return abs(p.x) + abs(p.y)


def total_x(ps: list[Pt]) -> float:
    t = 0.0
    for p in ps:
        t += p.x
    return t


def dsum(d: dict[str, int]) -> int:
    return sum(d.values())


def star(first: int, *rest: float, scale: float = 1.0) -> float:
    return (first + sum(rest)) * scale


def kwonly(a: int, *, k: int, tol: float = 0.5) -> float:
    return a * k + tol


def kwargs(x: float, **opts: float) -> float:
    return x + sum(opts.values())


def find(xs: list, o: object) -> bool:
    return o in xs


def inset(st: object, o: object) -> bool:
    return o in st


def compiled_pattern(pattern: str, text: str) -> int:
    return len(re.compile(pattern).findall(text))


def parse(tok: str) -> int:
    if not tok.isdigit():
        raise ParseError(f"bad {tok!r}")
    return int(tok)


def uses_globals(k: str) -> int:
    return TABLE.get(k, 0) + parse("7")


def make_pt(a: float) -> Pt:
    return Pt(a, -a)
