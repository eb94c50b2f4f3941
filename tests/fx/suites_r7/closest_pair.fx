# ARGS: 200
from math import hypot


def brute(points: list[tuple[float, float]]):
    best = None
    pair = None
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            d = hypot(points[i][0] - points[j][0], points[i][1] - points[j][1])
            if best is None or d < best:
                best = d
                pair = (i, j)
    return best, pair


def strip_search(points: list[tuple[float, float]]) -> float:
    pts = sorted(points)
    best = None
    for i in range(len(pts)):
        j = i + 1
        while j < len(pts) and (best is None or pts[j][0] - pts[i][0] < best):
            d = hypot(pts[j][0] - pts[i][0], pts[j][1] - pts[i][1])
            if best is None or d < best:
                best = d
            j += 1
    return best if best is not None else 0.0


def main(n: int) -> float:
    points = [((i * 7919) % 1009 * 0.1, (i * 104729) % 997 * 0.1) for i in range(n)]
    d, pair = brute(points)
    print("%.6f" % d, pair)
    print("%.6f" % strip_search(points))
    return round(d, 9)
