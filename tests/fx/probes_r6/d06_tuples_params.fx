# ARGS: (1, 0, 1)
def apply_mask(mask: tuple[int, int, int], xs: list[int]) -> int:
    a, b, c = mask
    return a * xs[0] + b * xs[1] + c * xs[2]


def minmax(xs: list[float]) -> tuple[float, float]:
    return min(xs), max(xs)


def main(mask: tuple[int, int, int]) -> tuple[float, float]:
    print(apply_mask(mask, [10, 20, 30]))
    lo, hi = minmax([3.5, -1.0, 8.25])
    print(lo, hi)
    pts = [((1, 2), 3.0), ((4, 5), 6.0)]
    for (x, y), v in pts:
        print(x + y, v)
    t = (1, 2.5, "s")
    print(t, t[0], t[-1], len(t))
    return minmax([lo, hi, 0.5])
