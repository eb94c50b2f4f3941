"""Names plain Python evaluates before they are bound: NameError under plain Python, so errors here."""
from fastext import f64, i64, struct


@struct
class P:
    x: f64
    y: f64

    def add(self, o: P) -> f64:
        return self.x + o.x


def first(q: Q) -> f64:
    return q.v


def limit(n: i64 = LIMIT) -> i64:
    return n


LIMIT = 3


@struct
class Q:
    v: f64
