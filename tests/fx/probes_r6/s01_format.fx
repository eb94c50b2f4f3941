# ARGS: 3.14159, 42, "abc"
def main(x: float, n: int, s: str) -> str:
    print(f"{x:.3f} {n:>5} {n:<4}| {s!r} {x!r} {n:05d} {x:10.4e} {n:x} {n:#o} {x:%}")
    print("%-10s|%5.2f|%d|%x|%e" % (s, x, n, n, x))
    print("%s and %r" % (s, s), "%5d%%" % n)
    print(str(x), repr(x), str(n), str(0.1 + 0.2), 1e20, 1e-7, 1.0 / 3.0, -0.0, float("inf"))
    print(hex(n), oct(n), bin(n), hex(-n))
    print(int("ff", 16), int("101", 2), int("  12 "), float("2.5"), float("1e3"))
    print(f"{s:^9}|{s:*<6}|{x:+.1f}|{n:,}|{1234567.891:,.2f}")
    return f"{s}-{n}-{x:.2f}"
