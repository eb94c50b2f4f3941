# ARGS: 5
def table(n: int) -> str:
    parts = []
    parts.append("n  sq   cube")
    for i in range(1, n + 1):
        parts.append(f"{i:<2} {i * i:<4} {i ** 3}")
    return "\n".join(parts)


def main(n: int) -> str:
    t = table(n)
    print(t)
    print("{:>6}|{:<6}|{:^6}".format("a", "b", "c"), "{0}-{1}-{0}".format(1, 2))
    print("{:.2f} and {:d}".format(3.14159, 42), "%s=%d" % ("x", 3))
    try:
        int("x")
    except ValueError as e:
        print(e)
    try:
        float("abc")
    except ValueError as e:
        print("E:", str(e))
    return t.splitlines()[-1]
