# ARGS: 12
def main(n: int) -> int:
    groups = {}
    for i in range(n):
        groups.setdefault(i % 3, []).append(i)
    for k in groups:
        print(k, groups[k])
    by_len = {}
    for w in ["a", "bb", "cc", "ddd", "e"]:
        if len(w) not in by_len:
            by_len[len(w)] = []
        by_len[len(w)].append(w)
    print(by_len)
    return sum(len(v) for v in groups.values())
