# ARGS: 600
def make_sequence(n: int) -> str:
    seed = 42
    out = []
    for _ in range(n):
        seed = (seed * 3877 + 29573) % 139968
        out.append("ACGT"[seed * 4 // 139968])
    return "".join(out)


def frequencies(seq: str, k: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i in range(len(seq) - k + 1):
        frag = seq[i:i + k]
        counts[frag] = counts.get(frag, 0) + 1
    return counts


def most_common(counts: dict[str, int]):
    best = None
    best_count = 0
    for frag, c in counts.items():
        if best is None or c > best_count or c == best_count and frag < best:
            best = frag
            best_count = c
    return best


def main(n: int) -> int:
    seq = make_sequence(n)
    for k in (1, 2):
        counts = frequencies(seq, k)
        total = sum(counts.values())
        for frag, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print("%s %.3f" % (frag, 100.0 * c / total))
        print()
    for frag in ("GGT", "GGTA", "GGTATT"):
        print("%d\t%s" % (frequencies(seq, len(frag)).get(frag, 0), frag))
    print(most_common(frequencies(seq, 3)), most_common({}))
    return len(frequencies(seq, 3))
