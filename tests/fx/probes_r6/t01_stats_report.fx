# ARGS: 6
import math
import sys


def stats(xs: list[float]) -> dict[str, float]:
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    srt = sorted(xs)
    mid = n // 2
    median = srt[mid] if n % 2 else (srt[mid - 1] + srt[mid]) / 2
    return {"mean": mean, "sd": math.sqrt(var), "median": median, "min": srt[0], "max": srt[-1]}


def main(n: int) -> int:
    data = [math.sin(i) * 10 for i in range(n)]
    s = stats(data)
    for k, v in s.items():
        print(f"{k:>6}: {v:8.3f}")
    print("warning: small sample" if n < 10 else "ok", file=sys.stderr)
    table = [[round(x, 1) for x in data[i:i + 3]] for i in range(0, n, 3)]
    for row in table:
        print(" ".join(f"{v:6.1f}" for v in row))
    hist = [0] * 5
    for x in data:
        b = min(4, max(0, int((x + 10) / 4)))
        hist[b] += 1
    for i, h in enumerate(hist):
        print(f"{-10 + 4 * i:4d} {'#' * h}")
    return sum(hist)
