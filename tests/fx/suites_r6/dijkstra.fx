# ARGS: 30
import heapq


def dijkstra(graph: dict[int, list[tuple[int, int]]], source: int) -> dict[int, int]:
    dist = {source: 0}
    heap = [(0, source)]
    done = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:
            continue
        done.add(u)
        for v, w in graph.get(u, []):
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def main(n: int) -> int:
    graph = {}
    seed = 7
    for u in range(n):
        for k in range(3):
            seed = (seed * 1103515245 + 12345) % 2147483648
            v = seed % n
            w = 1 + seed % 17
            graph.setdefault(u, []).append((v, w))
    dist = dijkstra(graph, 0)
    reach = sorted(dist.items())
    for node, d in reach[:8]:
        print(node, d)
    print("reached", len(dist), "of", n, "max", max(dist.values()))
    return sum(dist.values())
