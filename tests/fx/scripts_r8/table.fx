# ARGS: 4
def main(n: int):
    rows = [(f"item{i}", i * 1.5, i * i) for i in range(n)]
    print(f"{'name':<10}|{'price':>8}|{'qty':>5}")
    print("-" * 25)
    for name, price, qty in rows:
        print(f"{name:<10}|{price:>8.2f}|{qty:>5d}")
    print("%-10s|%8.3f" % ("sum", sum(r[1] for r in rows)))
    print("{} and {:.3e}".format(n, 12345.678))
    print(str(3.0), repr(0.1 + 0.2), 1e16, 1e-5, 2.5e-10, float("inf"))
    return "|".join(r[0] for r in rows)
