# ARGS: "alice 3.5\nbob 12.25\ncarol 7\n"
def main(data: str) -> float:
    rows = []
    for line in data.strip().split("\n"):
        name, val = line.split()
        rows.append((name, float(val)))
    total = sum(v for _, v in rows)
    print(f"{'name':<8}|{'value':>8}")
    print("-" * 17)
    for name, v in rows:
        print(f"{name:<8}|{v:>8.2f}")
    print("%-8s|%8.2f" % ("total", total))
    width = max(len(n) for n, _ in rows)
    print(width, ", ".join(n.upper() for n, _ in rows))
    return total
