# Word puzzles with dicts of lists: anagram groups keyed by sorted letters, a word ladder by
# breadth-first search over wildcard buckets, and palindrome pairs.
from collections import defaultdict, deque

WORDS = ["cold", "cord", "card", "ward", "warm", "word", "worm", "corm", "wore", "core",
         "care", "race", "acre", "dear", "read", "dare", "stop", "pots", "tops", "spot",
         "post", "opts", "listen", "silent", "enlist", "tinsel", "god", "dog"]


def anagram_groups(words):
    groups = defaultdict(list)
    for w in words:
        groups["".join(sorted(w))].append(w)
    return [g for g in groups.values() if len(g) > 1]


def ladder(start, goal, words):
    buckets = defaultdict(list)
    for w in words:
        for i in range(len(w)):
            buckets[w[:i] + "_" + w[i + 1:]].append(w)
    prev = {start: ""}
    queue = deque([start])
    while queue:
        w = queue.popleft()
        if w == goal:
            break
        for i in range(len(w)):
            for nxt in buckets[w[:i] + "_" + w[i + 1:]]:
                if nxt not in prev:
                    prev[nxt] = w
                    queue.append(nxt)
    if goal not in prev:
        return []
    path = []
    w = goal
    while w:
        path.append(w)
        w = prev[w]
    return path[::-1]


def palindrome_pairs(words):
    index = {w: i for i, w in enumerate(words)}
    pairs = []
    for i, w in enumerate(words):
        r = w[::-1]
        if r in index and index[r] != i:
            pairs.append((w, r))
    return pairs


def main(k: int):
    for g in anagram_groups(WORDS):
        print(len(g), " ".join(g))
    print(" -> ".join(ladder("cold", "warm", WORDS)))
    print(ladder("cold", "spot", WORDS), len(ladder("care", "word", WORDS)))
    print(palindrome_pairs(WORDS)[:k])
    lengths = sorted({len(w) for w in WORDS})
    return len(anagram_groups(WORDS)) * 10 + len(lengths)
# ARGS: 3
