# ARGS: "It was the best of times,\nit was the worst of times;\nIt was the age of wisdom.\n"
from collections import Counter


def main(text: str) -> int:
    words = []
    for line in text.splitlines():
        for w in line.lower().replace(",", " ").replace(";", " ").replace(".", " ").split():
            words.append(w)
    c = Counter(words)
    for w, n in c.most_common(3):
        print("%-10s|%5.2f" % (w, n / len(words)))
    lengths = {len(w) for w in words}
    print(sorted(lengths), max(words, key=len))
    return len(c)
