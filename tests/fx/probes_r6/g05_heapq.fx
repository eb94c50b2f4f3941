# ARGS: 5
import heapq


def dijkstra(adj: dict[int, list[tuple[int, float]]], src: int) -> dict[int, float]:
    dist = {src: 0.0}
    heap = [(0.0, src)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist.get(u, 1e18):
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist.get(v, 1e18):
                dist[v] = nd
                heapq.heappush(heap, (nd, v))
    return dist


def main(n: int) -> float:
    adj = {i: [] for i in range(n)}
    for i in range(n):
        adj[i].append(((i + 1) % n, 1.5))
        adj[i].append(((i + 2) % n, 2.5))
    d = dijkstra(adj, 0)
    for k in sorted(d):
        print(k, d[k])
    return sum(d.values())
