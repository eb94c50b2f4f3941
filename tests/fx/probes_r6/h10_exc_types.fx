# ARGS: 10
def safe_div(a: int, b: int) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")


def check(x: int) -> int:
    if x < 0:
        raise ValueError(f"bad {x}")
    if x > 100:
        raise OverflowError("too big: %d" % x)
    return x


def main(n: int) -> int:
    print(safe_div(n, 4), safe_div(n, 0))
    total = 0
    for v in (-1, 5, 500, n):
        try:
            total += check(v)
        except (ValueError, OverflowError) as e:
            print("caught", e)
    try:
        d = {"a": 1}
        d["k"] += 1
    except KeyError as e:
        print("KeyError", e)
    return total
