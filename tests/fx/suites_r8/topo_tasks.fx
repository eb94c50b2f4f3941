# ARGS: "shirt tie\ntie jacket\ntrousers shoes\ntrousers belt\nbelt jacket\nshirt belt\nsocks shoes\nundershorts trousers\nundershorts shoes"
from collections import deque


def parse(text: str) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for line in text.splitlines():
        a, b = line.split()
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    return graph


def kahn(graph: dict[str, list[str]]) -> list[str]:
    indeg = {k: 0 for k in graph}
    for outs in graph.values():
        for v in outs:
            indeg[v] += 1
    ready = deque(sorted(k for k, d in indeg.items() if d == 0))
    order = []
    while ready:
        k = ready.popleft()
        order.append(k)
        for v in sorted(graph[k]):
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
    return order


def dfs_order(graph: dict[str, list[str]]) -> list[str]:
    state: dict[str, int] = {}
    out: list[str] = []

    def visit(k: str):
        state[k] = 1
        for v in graph[k]:
            if state.get(v, 0) == 0:
                visit(v)
        state[k] = 2
        out.append(k)

    for k in sorted(graph):
        if state.get(k, 0) == 0:
            visit(k)
    out.reverse()
    return out


def valid(graph: dict[str, list[str]], order: list[str]) -> bool:
    pos = {k: i for i, k in enumerate(order)}
    return all(pos[a] < pos[b] for a in graph for b in graph[a])


def main(text: str) -> int:
    g = parse(text)
    o1 = kahn(g)
    o2 = dfs_order(g)
    print(o1)
    print(o2)
    print(valid(g, o1), valid(g, o2))
    return len(o1)
