# ARGS: 3
import numpy as np
from fastext import f64


def main(n: int) -> float:
    rows = []
    for i in range(n):
        rows.append(np.full(4, float(i)))
    tot = 0.0
    for r in rows:
        tot += r.sum()
    pair = (np.ones(3), np.zeros(3))
    a, b = pair
    print(a + b, len(rows), rows[1])
    edges = [(0, 1, 2.5), (1, 2, 0.5), (0, 2, 4.0)]
    edges.sort(key=lambda e: e[2])
    for u, v, w in edges:
        print(u, v, w)
    pts = [(1, 2), (3, 4)]
    pts.append((5, 6))
    print(pts, pts[-1][0])
    return tot
