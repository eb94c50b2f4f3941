from collections import Counter
def anagrams(words):
    groups = {}
    for w in words:
        key = "".join(sorted(w))
        groups.setdefault(key, []).append(w)
    return [g for g in groups.values() if len(g) > 1]

def main(n: int):
    words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
    for g in anagrams(words):
        print(sorted(g))
    c = Counter("mississippi")
    print(c.most_common(2), c["s"], sum(c.values()))
    letters = Counter(w[0] for w in words)
    print(sorted(letters.items()))
    return len(anagrams(words))
# ARGS: 1
