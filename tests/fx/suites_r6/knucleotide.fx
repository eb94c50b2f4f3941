# ARGS: 600
def make_sequence(n: int) -> str:
    seed = 42
    out = []
    for i in range(n):
        seed = (seed * 3877 + 29573) % 139968
        r = seed / 139968.0
        if r < 0.3:
            out.append("a")
        elif r < 0.5:
            out.append("c")
        elif r < 0.7:
            out.append("g")
        else:
            out.append("t")
    return "".join(out)


def count_frames(seq: str, frame: int) -> dict[str, int]:
    counts = {}
    for i in range(len(seq) - frame + 1):
        key = seq[i:i + frame]
        counts[key] = counts.get(key, 0) + 1
    return counts


def main(n: int) -> int:
    seq = make_sequence(n).upper()
    total = 0
    for frame in (1, 2):
        counts = count_frames(seq, frame)
        n_frames = len(seq) - frame + 1
        for key, cnt in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print("%s %.3f" % (key, 100.0 * cnt / n_frames))
        print()
    for probe in ("GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"):
        counts = count_frames(seq, len(probe))
        c = counts.get(probe, 0)
        total += c
        print("%d\t%s" % (c, probe))
    return total
