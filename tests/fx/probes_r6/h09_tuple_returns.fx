# ARGS: 5
def stats(xs: list[float]) -> tuple[float, float, int]:
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / n
    return mean, var, n


def split_name(s: str) -> tuple[str, str]:
    parts = s.split(" ", 1)
    if len(parts) == 1:
        return parts[0], ""
    return parts[0], parts[1]


def main(n: int) -> tuple[float, float, int]:
    xs = [float(i) ** 1.5 for i in range(1, n + 1)]
    m, v, k = stats(xs)
    print(f"mean={m:.4f} var={v:.4f} n={k}")
    print(split_name("Ada Lovelace"), split_name("Plato"))
    return stats(xs)
