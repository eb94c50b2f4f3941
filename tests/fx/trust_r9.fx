"""Round 9 trust checks (tests/test_trust_r9.py): ints held among floats, shown as Python shows
them. Each function printed a float where Python prints an int (or raised) before its fix."""
from __future__ import annotations


def _halves(u: list[float]) -> list[float]:
    return [x * 0.5 for x in u]


def _norm(u: list[float]) -> float:
    s = 0.0
    for x in u:
        if x > 0:
            s += x / 2
    return s


def item_reads(n: int) -> None:
    """A list never printed whole: its items read one by one."""
    xs = [1, 2.5, n]
    print(xs[0], xs[2], f"{xs[0]}", str(xs[2]), repr(xs[0]))
    for x in xs:
        print(x)


def str_object_keys(n: int) -> None:
    d = {"a": 1, "b": 2.5}
    d["c"] = n
    for k in d:
        print(k, d[k])
    for k, v in d.items():
        print(k, v)


def tuple_of_items(n: int) -> None:
    xs = [1.5, 2.5]
    xs[0] = n
    t = (xs[0], 2.5)
    print(t, (xs[0], xs[1]))


def sorted_then_append(n: int) -> None:
    v = [3.5, 2.5]
    xs = sorted(v)
    xs.append(n)
    print(xs, xs[2], xs[0])


def copies_then_store(n: int) -> None:
    v = [3.5, 2.5]
    a = v[:1]
    a.append(n)
    b = list(v)
    b[0] = n
    c = v + v
    c.append(1)
    print(a, b, c)


def passed_to_arithmetic(n: int) -> None:
    u = [1] * n
    v = _halves(u)
    print(v, _norm(u), u)
    u = _halves(v)
    print(u)


def sum_of_mixed(n: int) -> None:
    xs = [0.5] * n
    for i in range(n):
        xs[i] = i
    print(sum(xs), xs)
    ys = [1, 2.5]
    print(sum(ys))


def call_result_then_store(n: int) -> None:
    u = _halves([0.5] * n)
    u.append(7)
    print(u)


def max_min_of_mixed(n: int) -> float:
    xs = [1, 2.5, n]
    m = max(xs)
    print(max(xs), min(xs), m, sum(xs) > 3)
    return min(xs)


def insert_ints(n: int) -> None:
    xs = [1.5, 2.5]
    xs.insert(0, 1)
    xs.insert(-1, n)
    xs.insert(100, 2)
    xs.insert(-100, 0.5)
    print(xs, xs[1])
