"""Values Python holds as ints in variables, results and dict values the compiler stores as f64
(tests/test_int_float_mix.py: compiled output byte for byte equal to plain Python's)."""
import heapq


def total_of(xs: list[float]) -> None:
    total = 0
    for x in xs:
        total += x
    print(total)
    print(str(total), repr(total), f"{total}|{total!r}|{total:5}|{total:.2f}", "%s %r" % (total, total))
    print(format(total, ">4"), -total, abs(total))


def total_result(xs: list[float]) -> float:
    total = 0
    for x in xs:
        total += x
    return total


def best_over(xs: list[float], limit: float) -> None:
    best = 0
    for x in xs:
        if x > limit:
            best = x
    print(best, best * 2, best + 1, best - 3, best // 2, best % 3, best ** 2, best / 2, -best)


def last_index(xs: list[float]) -> None:
    last = 0.5
    for i in range(len(xs)):
        if xs[i] > 0.0:
            last = i
    print(last, last + xs[0] if xs else last)


def half(x: int) -> float:
    if x == 0:
        return 0
    if x < 0:
        return x
    return x / 2


def picks(x: float) -> None:
    print(max(0, x), min(0, x), max(x, 0, -1), min(1, x, 2))
    y = 3 if x > 0.0 else x
    print(y, 3 if x > 0.0 else x)


def distances(n: int, edges: list[tuple[int, int, int]], src: int) -> None:
    graph = {v: [0 for _ in range(0)] for v in range(n)}
    weight = {(0, 0): 0 for _ in range(0)}
    for a, b, w in edges:
        graph[a].append(b)
        weight[(a, b)] = w
    dist = {v: float("inf") for v in graph}
    dist[src] = 0
    heap = [src]
    while heap:
        u = heapq.heappop(heap)
        for v in graph[u]:
            nd = dist[u] + weight[(u, v)]
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, v)
    print(dist)
    print(f"{dist}", len(dist), src in dist)


def relax(n: int) -> None:
    d = {0: 0.5, 1: 2}
    for k in range(2, n):
        d[k] = min(d[k - 1] + 1, d[k - 2] * 2)
    d[0] = d[1] / 2
    print(d)
    s = str(d)
    print(s, d[1], d[0])


def floats_stay(xs: list[float]) -> None:
    acc = 0.0
    for x in xs:
        acc += x
    print(acc, {0: acc})


def mixed_lists(n: int, x: float) -> None:
    a = [0, 1.5]
    print(a, a[0], a[1])
    b = [0.0] * n
    for i in range(n):
        if i % 2 == 0:
            b[i] = i
    b.append(7)
    b.append(x)
    print(b, b[0], b[-1], len(b))
    c = [y * 0.5 for y in b]
    c[0] = a[0] + 1
    print(c)
    s = 0
    for y in b:
        s += y
    print(f"{a} {s}")


def survives_raise(xs: list[float], k: int) -> None:
    t = 0
    d = {0: 0.5}
    ys = [0.5]
    try:
        for x in xs:
            t += x
        t = xs[k]
        d[0] = xs[k]
        ys[0] = xs[k]
    except IndexError:
        print("caught", t, d, ys)
    print(t, d, ys)
    d[0] = 0
    ys[0] = 0
    try:
        d[0] = xs[k]
        ys[0] = xs[k]
        ys = [0.5, xs[k]]
    except IndexError:
        print("caught", d, ys)
    print(d, ys)


def swaps(n: int) -> None:
    a = 0
    b = 0.5
    for i in range(n):
        a, b = b, a + b
    print(a, b)
    e = 1.5
    f = 2
    e, f = f, e
    print(e, f, [e, f])


def container_loops(n: int) -> None:
    d = {0: 0.5}
    d[1] = n
    xs = [0.5]
    xs.append(n)
    for k, v in d.items():
        print(k, v, d[k])
    for k in d:
        print(k, d[k])
    for y in xs:
        print(y, -y)
    print(d, xs, len(xs), 1 in d)


def _halve(x):
    if x > 0:
        return x / 2
    return 0


def _clamped(x: float) -> float:
    if x < 0.0:
        return 0
    return x


def through_calls(x: int) -> None:
    print(_halve(x), f"{_clamped(x - 1.5)}")
    y = _halve(x)
    z = _clamped(x * 1.0)
    print(y, z, str(y))
    s = 0
    for i in range(x):
        s += _clamped(i - 1.0)
    print(s)


def result_of_call(x: float) -> float:
    return _clamped(x)


def explicit_floats(n: int) -> None:
    a = 0
    a = float(n)
    b = 1.5
    b = float(3)
    c = 0.5
    c = n // float(n) if n else n
    print(a, b, c, float(n) + n, [float(n), n])


def finally_result(x: float) -> float:
    try:
        if x > 0.0:
            return 0
        return x
    finally:
        y = _clamped(x)
        print("finally", y)


def comprehensions(xs: list[float]) -> None:
    c = [y if y > 0.0 else 0 for y in xs]
    d = [y * 2 for y in c if y != 1.0]
    e = [0.5 for y in xs]
    print(c, d, e)
    c.append(3)
    print(c, c[0] if c else -1)


def calls_in_expressions(x: int) -> None:
    print(_clamped(x - 1.5) + 1, -_clamped(x * 1.0), 2 * _halve(x) - x, abs(_clamped(x - 2.0)) ** 2)
    y = _clamped(x * 1.0) * 3
    print(y, f"{_halve(x) + 1:>6}", str(_clamped(x - 3.5) - 1), repr(+_halve(x) // 1))
    print(_clamped(x - 0.5) / 2, float(_clamped(x - 9.0)) + 1)    # floats in Python too


def call_result_in_expression(x: float) -> float:
    return _clamped(x) + 1


def float_of_held_int(xs: list[float]) -> None:
    total = 0
    for x in xs:
        total += x
    print(float(total), total, float(min(total, 5)), f"{float(total)}")


def pair_result(xs: list[float]) -> tuple[float, int]:
    if not xs:
        return (0, -1)
    best = 0
    at = -1
    for i, x in enumerate(xs):
        if x > best:
            best = x
            at = i
    return best, at


def kept_pair(n: int) -> tuple[float, float]:
    pair: tuple[float, float] = (0, 1.5)
    if n > 2:
        pair = (n * 0.5, n)
    return pair


def shortest(n: int, edges: list[tuple[int, int, int]], src: int) -> dict[int, float]:
    dist = {v: float("inf") for v in range(n)}
    dist[src] = 0
    for _ in range(n):
        for u, v, w in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
    return dist


def scaled(xs: list[float], k: int) -> list[float]:
    out = [0, 0.5]
    for x in xs:
        out.append(x * k)
    out.append(k)
    return out


def maybe_empty(n: int) -> list[float]:
    if n < 0:
        return []
    ys = [n, 1.5]
    return ys


def several_calls(x: int) -> None:
    print(_clamped(x - 1.5) + _halve(x), _halve(x) * _halve(x + 2) - 1, f"{-_clamped(x * 1.0) + _halve(-x):4}")
    print(_halve(x) / _halve(x + 1) if x > 0 else 0.5, _halve(x) - _halve(x) // 2)
