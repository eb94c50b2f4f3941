# ARGS: 8
def topo_sort(n: int, edges: list[tuple[int, int]]) -> list[int]:
    indeg = [0] * n
    adj: dict[int, list[int]] = {i: [] for i in range(n)}
    for a, b in edges:
        adj[a].append(b)
        indeg[b] += 1
    ready = sorted(i for i in range(n) if indeg[i] == 0)
    order = []
    while ready:
        v = ready.pop(0)
        order.append(v)
        for w in adj[v]:
            indeg[w] -= 1
            if indeg[w] == 0:
                ready.append(w)
                ready.sort()
    return order


def lis(xs: list[int]) -> list[int]:
    best_end = None
    length = [1] * len(xs)
    prev = [-1] * len(xs)
    for i in range(len(xs)):
        for j in range(i):
            if xs[j] < xs[i] and length[j] + 1 > length[i]:
                length[i] = length[j] + 1
                prev[i] = j
        if best_end is None or length[i] > length[best_end]:
            best_end = i
    out = []
    k = best_end if best_end is not None else -1
    while k >= 0:
        out.append(xs[k])
        k = prev[k]
    return out[::-1]


def binary_search(xs: list[int], target: int):
    lo, hi = 0, len(xs) - 1
    found = None
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            found = mid
            break
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return found


def main(n: int) -> int:
    edges = [(i, (i * 3 + 1) % n) for i in range(n) if i < (i * 3 + 1) % n]
    print("edges", edges)
    print("topo", topo_sort(n, edges))
    xs = [(i * 37 + 11) % 50 for i in range(n * 3)]
    print("lis of", xs, "is", lis(xs))
    ys = sorted(set(xs))
    for t in (ys[0], ys[-1], 1000):
        print(t, binary_search(ys, t))
    return len(lis(xs))
