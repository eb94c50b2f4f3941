# Word and letter statistics of a text with Counter and defaultdict: most common words,
# words grouped by length, first-letter index, average word length and a bar chart.
from collections import Counter, defaultdict

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""


def words_of(text):
    cleaned = ""
    for ch in text.lower():
        cleaned += ch if ch.isalpha() or ch.isspace() else " "
    return cleaned.split()


def main(top: int):
    words = words_of(TEXT)
    counts = Counter(words)
    print("words:", len(words), "distinct:", len(counts))
    for word, n in counts.most_common(top):
        print(f"{word:>8} {'#' * n} {n}")
    by_length = defaultdict(list)
    for w in sorted(counts):
        by_length[len(w)].append(w)
    for length in sorted(by_length):
        print(length, ", ".join(by_length[length]))
    letters = Counter(ch for ch in TEXT.lower() if ch.isalpha())
    print("letters:", "".join(ch for ch, _ in letters.most_common(5)))
    index = defaultdict(set)
    for w in words:
        index[w[0]].add(w)
    for first in sorted(index)[:4]:
        print(first, sorted(index[first]))
    average = sum(len(w) for w in words) / len(words)
    print(f"average length {average:.3f}, longest {max(words, key=len)!r}")
    once = [w for w, n in counts.items() if n == 1]
    print("hapax legomena:", len(once), once[:3])
    return counts["was"]
# ARGS: 4
