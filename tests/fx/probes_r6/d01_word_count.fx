# ARGS: "the quick brown fox jumps over the lazy dog the fox"
def main(text: str) -> int:
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    for w, c in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{w:>6} {c}")
    print(len(counts), "fox" in counts, "cat" in counts)
    del counts["the"]
    print(list(counts.keys())[:3], sum(counts.values()))
    return len(counts)
