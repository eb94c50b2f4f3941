import math
def newton_sqrt(x: float, tol: float = 1e-12) -> float:
    g = x / 2 if x > 1 else 1.0
    while abs(g * g - x) > tol * x:
        g = 0.5 * (g + x / g)
    return g

def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum((x - mean) ** 2 for x in xs) / (n - 1)
    return mean, math.sqrt(var), min(xs), max(xs)

def main(n: int):
    print(round(newton_sqrt(2.0), 10))
    xs = [math.sin(i) * 10 for i in range(n)]
    m, sd, lo, hi = stats(xs)
    print(f"mean={m:.4f} sd={sd:.4f} range=[{lo:.3f}, {hi:.3f}]")
    med = sorted(xs)[n // 2]
    print("median", round(med, 6), math.inf > hi, -math.inf < lo, math.isclose(sd, sd))
    return m
# ARGS: 25
