from collections import Counter, defaultdict
# ARGS: "the quick brown fox jumps over the lazy dog the fox", 3

def main(text: str, k: int):
    words = text.lower().split()
    counts = Counter(words)
    for w, c in counts.most_common(k):
        print(f"{w:<8}{c:>4}")
    by_len = defaultdict(list)
    for w in sorted(set(words)):
        by_len[len(w)].append(w)
    for n in sorted(by_len):
        print(n, ", ".join(by_len[n]))
    return dict(counts)
