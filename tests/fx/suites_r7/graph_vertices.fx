# ARGS: 4
from __future__ import annotations


class Vertex:
    def __init__(self, name: int):
        self.name = name
        self.edges: list[Vertex] = []
        self.seen = False


def bfs_order(n: int) -> list[int]:
    vs = [Vertex(i) for i in range(n * n)]
    for i in range(n * n):
        if (i + 1) % n != 0:
            vs[i].edges.append(vs[i + 1])
            vs[i + 1].edges.append(vs[i])
        if i + n < n * n:
            vs[i].edges.append(vs[i + n])
    order = []
    queue = [vs[0]]
    vs[0].seen = True
    while queue:
        v = queue.pop(0)
        order.append(v.name)
        for w in v.edges:
            if not w.seen:
                w.seen = True
                queue.append(w)
    return order


def main(n: int) -> int:
    o = bfs_order(n)
    print(o)
    a = Vertex(1)
    b = Vertex(2)
    a.edges = [b, b]
    b.edges.extend(a.edges)
    print(len(a.edges), len(b.edges), a.edges[-1].name, [e.name for e in b.edges])
    return len(o)
