# ARGS: "one two three two three three"
from collections import defaultdict, Counter


def main(s: str) -> int:
    pos = defaultdict(list)
    for i, w in enumerate(s.split()):
        pos[w].append(i)
    for w in sorted(pos):
        print(w, pos[w])
    c = Counter(s.split())
    print(c["three"], c["four"], sorted(c.items()))
    lens = defaultdict(int)
    for w in s.split():
        lens[len(w)] += 1
    print(dict(lens))
    return len(pos)
