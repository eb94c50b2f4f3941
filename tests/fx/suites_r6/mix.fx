# ARGS: 12
from collections import Counter


def stats(xs: list[float]) -> tuple[float, float]:
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    return mean, var ** 0.5


def histogram(words: list[str]) -> None:
    counts = Counter(words)
    for word, n in counts.most_common(3):
        print(f"{word:<8}|{'#' * n:>6}| {n / len(words):.1%}")


def main(n: int) -> int:
    xs = [float(i * i % 7) for i in range(1, n + 1)]
    m, s = stats(xs)
    print("mean={:.3f} sd={:.3f}".format(m, s))
    print(*[round(x) for x in xs[:5]], sep=", ")
    squares = {i: i * i for i in range(5)}
    print(squares, sorted(squares, key=squares.get, reverse=True))
    q, r = divmod(n * 17, 5)
    print(q, r, any(x > 5 for x in xs), all(x >= 0 for x in xs))
    for idx, x in enumerate(xs[:3], start=1):
        print(idx, x, end="; ")
    print()
    histogram("a b a c b a d a".split())
    total = 0
    k = 0
    while True:
        k += 1
        if k * k > n * 10:
            break
        total += k
    table = [[i * j for j in range(1, 4)] for i in range(1, 4)]
    print("\n".join(" ".join(f"{v:3d}" for v in row) for row in table))
    name_lens = sorted(["delta", "alpha", "charlie", "bo"], key=lambda w: (len(w), w))
    print(name_lens, max(name_lens, key=len), min(xs), max(xs))
    return total
