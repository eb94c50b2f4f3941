from collections import deque, defaultdict
def topo(n: int, edges):
    indeg = [0] * n
    adj = defaultdict(list)
    for a, b in edges:
        adj[a].append(b)
        indeg[b] += 1
    q = deque(i for i in range(n) if indeg[i] == 0)
    order = []
    while q:
        u = q.popleft()
        order.append(u)
        for v in adj[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    return order if len(order) == n else None

def main(n: int):
    edges = [(0, 1), (1, 2), (0, 3), (3, 2), (2, 4)]
    print(topo(5, edges))
    print(topo(3, [(0, 1), (1, 2), (2, 0)]))
    return n
# ARGS: 1
