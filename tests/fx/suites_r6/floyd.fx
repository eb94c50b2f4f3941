# ARGS: 6
INF = float("inf")


def floyd_warshall(n: int, edges: list[tuple[int, int, float]]):
    dist = [[INF] * n for _ in range(n)]
    nxt = [[-1] * n for _ in range(n)]
    for i in range(n):
        dist[i][i] = 0.0
        nxt[i][i] = i
    for u, v, w in edges:
        dist[u][v] = w
        nxt[u][v] = v
    for k in range(n):
        for i in range(n):
            dik = dist[i][k]
            for j in range(n):
                if dik + dist[k][j] < dist[i][j]:
                    dist[i][j] = dik + dist[k][j]
                    nxt[i][j] = nxt[i][k]
    return dist, nxt


def path(nxt, u, v):
    if nxt[u][v] == -1:
        return []
    p = [u]
    while u != v:
        u = nxt[u][v]
        p.append(u)
    return p


def main(n: int) -> float:
    edges = [(0, 2, -2.0), (2, 3, 2.0), (3, 1, -1.0), (1, 0, 4.0), (1, 2, 3.0)]
    for i in range(4, n):
        edges.append((i - 1, i, 1.5 * i))
    dist, nxt = floyd_warshall(n, edges)
    total = 0.0
    for i in range(n):
        for j in range(n):
            if i != j and dist[i][j] < INF:
                print("%d -> %d  %5.1f  %s" % (i, j, dist[i][j], " -> ".join(str(x) for x in path(nxt, i, j))))
                total += dist[i][j]
    return total
