# Topological sort of a course schedule (Kahn's algorithm) with a dict of lists and in-degree
# counts, plus cycle detection by depth-first search with colours.
from collections import defaultdict, deque

PREREQS = [
    ("algebra", "calculus"),
    ("calculus", "physics"),
    ("programming", "algorithms"),
    ("algebra", "algorithms"),
    ("algorithms", "compilers"),
    ("physics", "robotics"),
    ("programming", "robotics"),
]


def build(edges):
    graph = defaultdict(list)
    indegree = {}
    for before, after in edges:
        graph[before].append(after)
        indegree.setdefault(before, 0)
        indegree[after] = indegree.get(after, 0) + 1
    return graph, indegree


def kahn(graph, indegree):
    ready = deque(sorted(k for k, d in indegree.items() if d == 0))
    order = []
    while ready:
        node = ready.popleft()
        order.append(node)
        for nxt in sorted(graph[node]):
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order


def has_cycle(graph, nodes):
    colour = {n: 0 for n in nodes}

    def visit(n):
        colour[n] = 1
        for m in graph[n]:
            if colour[m] == 1:
                return True
            if colour[m] == 0 and visit(m):
                return True
        colour[n] = 2
        return False
    for n in nodes:
        if colour[n] == 0 and visit(n):
            return True
    return False


def main(show: int):
    graph, indegree = build(PREREQS)
    nodes = list(indegree)
    order = kahn(graph, dict(indegree))
    for i, course in enumerate(order, 1):
        print(f"{i}. {course}")
    print("cycle:", has_cycle(graph, nodes))
    graph2, indegree2 = build(PREREQS + [("robotics", "algebra")])
    print("with robotics -> algebra:", has_cycle(graph2, list(indegree2)), len(kahn(graph2, indegree2)))
    levels = {}
    for course in order:
        levels[course] = 0
    for course in order:
        for nxt in graph[course]:
            levels[nxt] = max(levels[nxt], levels[course] + 1)
    print(sorted(levels.items(), key=lambda kv: (kv[1], kv[0]))[:show])
    return len(order)
# ARGS: 4
