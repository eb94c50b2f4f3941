"""Bound generators resumed by position (frontend/resumable.py), each against plain Python
(tests/test_resumable.py)."""
from fastext import f64, i64
import numpy as np


def evens(xs: list[int]):
    for x in xs:
        if x % 2 == 0:
            yield x * 10


def scaled(xs: list[int], k: int):
    """A docstring, a second parameter, a `continue`."""
    for x in xs:
        if x < 0:
            continue
        yield x * k


def pulled(xs: list[int]) -> int:
    it = evens(xs)
    total = 0
    while True:
        v = next(it, -1)
        if v < 0:
            break
        total += v
    return total


def pairs(xs: list[int]) -> list[int]:
    """`next(it)` inside `for v in it`: both advance the same position."""
    it = iter(xs)
    out = []
    for a in it:
        b = next(it, 0)
        out.append(a * 100 + b)
    return out


def grows(xs: list[int]) -> list[int]:
    """An append between two `next()` is seen, as by Python's list iterator; once exhausted,
    the iterator stays exhausted."""
    it = iter(xs)
    out = [next(it)]
    xs.append(7)
    for v in it:
        out.append(v)
    xs.append(8)
    out.append(next(it, -5))
    return out


def broken(xs: list[int]) -> list[int]:
    """A `break` leaves the rest for later; `for ... else` runs when it is exhausted."""
    it = (x + 1 for x in xs if x != 3)
    out = []
    for v in it:
        if v > 4:
            break
        out.append(v)
    out.append(-1)
    for v in it:
        out.append(v)
    else:
        out.append(-2)
    return out


def shadow(xs: list[int]) -> str:
    """The generator's loop names do not touch the caller's locals of the same name."""
    x = "kept"
    it = scaled(xs, 3)
    first = next(it)
    second = next(it)
    return x + str(first + second)


def chars(s: str) -> str:
    it = (c.upper() for c in s if c != " ")
    out = ""
    for c in it:
        out += c
    return out


def tuples(xs: list[int]) -> int:
    it = ((a, a * a) for a in xs)
    p, q = next(it)
    r, t = next(it)
    return p + q * 10 + r * 100 + t * 1000


def array_items(a: f64[:]) -> f64:
    it = iter(a)
    s = next(it) * 2.0
    for v in it:
        s += v
    return s


def stop(xs: list[int]) -> int:
    it = evens(xs)
    next(it)
    return next(it)


def drained(xs: list[int]) -> list[int]:
    it = evens(xs)
    head = next(it)
    return [head] + sorted(it)
