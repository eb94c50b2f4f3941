# Round 10 trust programs: an f64 parameter handed Python's int (`_show(1)`), and `sum` of an
# empty list stored into a container.  Each printed `1.0` / `0.0` where Python prints `1` / `0`.


def _show(x: float) -> None:
    print(x)


def _same(t: float) -> float:
    return t


def _twice(t: float) -> float:
    y = t * 2
    return y


def _fmt(x: float, y: float) -> str:
    return f"{x}|{y:>5}|{x + y}"


def _total(xs: list[float]) -> None:
    sums = [sum(xs)]
    named = {"s": sum(xs)}
    more = [1.5]
    more.append(sum(xs))
    print(sums, named, more)


def literal_args(n: int) -> None:
    _show(1)
    _show(2.5)
    _show(n)
    _show(n / 2)


def local_args(n: int) -> None:
    total = 0
    _show(total)
    print(_same(total))
    for i in range(n):
        total += i
    _show(total)
    total += 0.5
    _show(total)


def through_results(n: int) -> None:
    print(_twice(n), _twice(1.5))
    y = _same(n)
    print(y)
    print(_fmt(n, 2.5), _fmt(1, 2))


def in_loops(n: int) -> None:
    for i in range(n):
        _show(i)
    s = 0.0
    for i in range(n):
        s += _same(i)
    print(s)


def sums_stored(n: int) -> None:
    _total([])
    _total([float(k) for k in range(n)])
    e: list[float] = []
    print([sum(e), 1.5])
