# ARGS: 3
import random


def dist2(p: tuple[float, float], q: tuple[float, float]) -> float:
    return (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2


def kmeans(points: list[tuple[float, float]], k: int, iters: int) -> list[tuple[float, float]]:
    centers = points[:k]
    for _ in range(iters):
        groups = [[] for _ in range(k)]
        for p in points:
            best = min(range(k), key=lambda j: dist2(p, centers[j]))
            groups[best].append(p)
        centers = [(sum(x for x, _ in g) / len(g), sum(y for _, y in g) / len(g)) if g else centers[j]
                   for j, g in enumerate(groups)]
    return centers


def main(k: int) -> int:
    pts = [(float(i % 7), float(i % 5) + (i // 20) * 10.0) for i in range(60)]
    cs = kmeans(pts, k, 5)
    for c in sorted(cs):
        print(f"({c[0]:.2f}, {c[1]:.2f})")
    return len(cs)
