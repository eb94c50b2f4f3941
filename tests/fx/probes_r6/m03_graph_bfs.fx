# ARGS: 6
def bfs(adj: dict[int, list[int]], start: int) -> dict[int, int]:
    dist = {start: 0}
    queue = [start]
    while queue:
        u = queue.pop(0)
        for v in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def main(n: int) -> int:
    adj = {i: [] for i in range(n)}
    for i in range(n - 1):
        adj[i].append(i + 1)
        adj[i + 1].append(i)
    adj[0].append(n - 1)
    adj[n - 1].append(0)
    d = bfs(adj, 0)
    print(d)
    return max(d.values())
