# ARGS: [(1, 2.5), (2, 0.5)], {"a": 3, "b": 4}, {5, 1, 3}, ["x", "yy"]
import numpy as np
from fastext import f64


def weighted(pairs: list[tuple[int, float]]) -> float:
    return sum(k * w for k, w in pairs)


def total(d: dict[str, int]) -> int:
    return sum(d.values())


def rows(n: int) -> list[f64[:]]:
    return [np.full(2, float(i)) for i in range(n)]


def main(pairs: list[tuple[int, float]], d: dict[str, int], s: set[int], names: list[str]) -> dict[str, float]:
    print(weighted(pairs), total(d), sorted(s), max(s), [n.upper() for n in names])
    d["c"] = 10
    out = {name: float(len(name)) for name in names}
    out["w"] = weighted(pairs)
    print(len(rows(3)))
    return out
