# ARGS: 30
def main(n: int) -> int:
    seen = set()
    dup = []
    for i in range(n):
        v = (i * 7) % 11
        if v in seen:
            dup.append(v)
        else:
            seen.add(v)
    print(dup)
    by_len = {}
    for w in ["a", "bb", "cc", "ddd", "e"]:
        if len(w) not in by_len:
            by_len[len(w)] = []
        by_len[len(w)].append(w)
    print(by_len)
    return 0
