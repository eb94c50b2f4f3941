"""Misuse of Python objects: each is a located error with a hint."""
from fastext import f64, i64, nogil


def arith(o: object, x: f64) -> f64:
    return o * x


def to_list(o: object) -> i64:
    items: list = o.items
    return len(items)


def star_arg(cb: object, a: f64[:]) -> f64:
    return f64(cb(*a))


def compare(o: object) -> bool:
    return o == 1


@nogil
def no_gil(o: object) -> f64:
    return f64(o)


def to_array(o: object) -> f64:
    a: f64[:] = o
    return a[0]


def iterate(d: dict) -> i64:
    n = 0
    for k, v in enumerate(d):
        n += 1
    for k in d:
        n += 1
    else:
        n = 0
    return n


def bad_default(xs: list = None) -> i64:
    return len(xs)


def store_text(a: f64[:], n: i64) -> None:
    a[0] = "text"


def in_number(x: i64, n: i64) -> bool:
    return x in n
