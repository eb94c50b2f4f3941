# ARGS: 5
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch
of incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair."""


def word_counts(text: str) -> dict[str, int]:
    counts = {}
    for line in text.splitlines():
        for word in line.split():
            word = word.strip(".,;:!?").lower()
            if word:
                counts[word] = counts.get(word, 0) + 1
    return counts


def main(top: int) -> int:
    counts = word_counts(TEXT)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for word, n in ranked[:top]:
        print(f"{word:>10} {n:3d} {'*' * n}")
    letters = {}
    for ch in TEXT.lower():
        if ch.isalpha():
            letters[ch] = letters.get(ch, 0) + 1
    common = max(letters, key=letters.get)
    print("most common letter:", common, letters[common])
    print(len(counts), "distinct words")
    return sum(counts.values())
