# ARGS: 12
def rows(n: int) -> list[tuple[str, int, float]]:
    names = ["alpha", "beta", "gamma", "delta", "epsilon"]
    out = []
    for i in range(n):
        name = names[i % len(names)] + "-" + str(i // len(names))
        out.append((name, (i * 7919) % 10007, ((i * 37) % 101) / 7.0))
    return out


def main(n: int) -> int:
    data = rows(n)
    header = "{:<12}|{:>8}|{:>10}".format("name", "qty", "price")
    print(header)
    print("-" * len(header))
    total = 0.0
    for i, (name, qty, price) in enumerate(data, start=1):
        print("{:<12}|{:>8,}|{:>10.3f}".format(name, qty * 100, price))
        total += qty * price
    print(f"{'total':<12}|{sum(q for _, q, _ in data):>8d}|{total:>10.2e}")
    best = sorted(data, key=lambda r: (-r[2], r[0]))[:3]
    print(", ".join(f"{nm}={p:.1f}" for nm, _, p in best))
    print(f"{n:05d} {n:x} {n:o} {n:b} {total:,.1f} {0.5:%}")
    return int(total)
