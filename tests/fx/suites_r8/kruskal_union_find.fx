# ARGS: 60
def find(parent: list[int], x: int) -> int:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        nxt = parent[x]
        parent[x] = root
        x = nxt
    return root


def union(parent: list[int], rank: list[int], a: int, b: int) -> bool:
    ra, rb = find(parent, a), find(parent, b)
    if ra == rb:
        return False
    if rank[ra] < rank[rb]:
        ra, rb = rb, ra
    parent[rb] = ra
    if rank[ra] == rank[rb]:
        rank[ra] += 1
    return True


def make_edges(n: int) -> list[tuple[int, int, int]]:
    edges = []
    seed = 12345
    for u in range(n):
        for k in range(3):
            seed = (seed * 1103515245 + 12345) % 2147483648
            v = seed % n
            if v != u:
                edges.append(((seed >> 8) % 100 + 1, u, v))
    return edges


def main(n: int) -> int:
    edges = make_edges(n)
    edges.sort()
    parent = list(range(n))
    rank = [0] * n
    total = 0
    used = 0
    for w, u, v in edges:
        if union(parent, rank, u, v):
            total += w
            used += 1
    components = len({find(parent, i) for i in range(n)})
    print("edges", len(edges), "used", used, "weight", total, "components", components)
    return total
