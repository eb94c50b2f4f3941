# ARGS: 12
def build(n: int) -> list[tuple[int, int, int]]:
    edges = []
    for u in range(n):
        edges.append((u, (u + 1) % n, 4 + u % 3))
        edges.append((u, (u * 3 + 2) % n, 9 - u % 5))
        if u % 4 == 1:
            edges.append((u, (u + n - 2) % n, -2))
    return edges


def bellman_ford(n: int, edges: list[tuple[int, int, int]], src: int) -> tuple[list[float], bool]:
    dist = [float("inf")] * n
    dist[src] = 0.0
    for _ in range(n - 1):
        changed = False
        for u, v, w in edges:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                changed = True
        if not changed:
            break
    negative = any(dist[u] + w < dist[v] for u, v, w in edges)
    return dist, negative


def floyd_check(n: int, edges: list[tuple[int, int, int]], src: int) -> list[float]:
    d = [[float("inf")] * n for _ in range(n)]
    for i in range(n):
        d[i][i] = 0.0
    for u, v, w in edges:
        d[u][v] = min(d[u][v], float(w))
    for k in range(n):
        for i in range(n):
            for j in range(n):
                if d[i][k] + d[k][j] < d[i][j]:
                    d[i][j] = d[i][k] + d[k][j]
    return d[src]


def main(n: int) -> float:
    edges = build(n)
    dist, neg = bellman_ford(n, edges, 0)
    print(dist)
    print("negative cycle:", neg, dist == floyd_check(n, edges, 0))
    return sum(dist)
