# Dijkstra's shortest paths with heapq over a road map held as a dict of lists of
# (neighbour, distance) tuples, with path reconstruction and an all-pairs table.
import heapq

ROADS = [
    ("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
    ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9),
]


def graph_of(roads):
    g = {}
    for a, b, d in roads:
        g.setdefault(a, []).append((b, d))
        g.setdefault(b, []).append((a, d))
    return g


def dijkstra(g, source):
    dist = {node: float("inf") for node in g}
    prev = {}
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in g[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev


def path_to(prev, source, target):
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    return " -> ".join(reversed(path))


def main(unused: int):
    g = graph_of(ROADS)
    dist, prev = dijkstra(g, "A")
    for node in sorted(dist):
        print(f"{node}: {dist[node]:>4} via {path_to(prev, 'A', node)}")
    names = sorted(g)
    print("    " + "".join(f"{n:>4}" for n in names))
    total = 0
    for a in names:
        row, _ = dijkstra(g, a)
        total += sum(row.values())
        print(f"{a:>4}" + "".join(f"{row[b]:>4}" for b in names))
    far = max(names, key=lambda n: dist[n])
    print("farthest from A:", far, dist[far], "sum of all pairs:", total)
    return total
# ARGS: 0
