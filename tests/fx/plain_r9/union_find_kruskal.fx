# A union-find (disjoint set) class with path compression and union by rank, used for
# Kruskal's minimum spanning tree and for counting islands on a grid.


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.rank = [0] * n
        self.count = n

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.count -= 1
        return True


def kruskal(n, edges):
    uf = UnionFind(n)
    tree = []
    weight = 0
    for w, a, b in sorted(edges):
        if uf.union(a, b):
            tree.append((a, b, w))
            weight += w
    return tree, weight


GRID = [
    "11000110",
    "11000100",
    "00100001",
    "00011011",
    "10000000",
]


def islands(grid):
    rows, cols = len(grid), len(grid[0])
    uf = UnionFind(rows * cols)
    water = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "0":
                water += 1
                continue
            if r + 1 < rows and grid[r + 1][c] == "1":
                uf.union(r * cols + c, (r + 1) * cols + c)
            if c + 1 < cols and grid[r][c + 1] == "1":
                uf.union(r * cols + c, r * cols + c + 1)
    return uf.count - water


def main(n: int):
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            edges.append(((i * 7 + j * 13) % 17 + 1, i, j))
    tree, weight = kruskal(n, edges)
    print("edges considered:", len(edges))
    for a, b, w in tree:
        print(f"  {a} - {b} ({w})")
    print("total weight:", weight)
    print("islands:", islands(GRID))
    uf = UnionFind(6)
    print([uf.union(a, b) for a, b in [(0, 1), (1, 2), (0, 2), (3, 4)]], uf.count, uf.find(2) == uf.find(0))
    return weight
# ARGS: 7
