# Text processing: greedy word wrap, full justification, a word-frequency table and a caesar
# cipher round trip over a paragraph.

TEXT = ("It was the best of times, it was the worst of times, it was the age of wisdom, "
        "it was the age of foolishness, it was the epoch of belief, it was the epoch of "
        "incredulity, it was the season of Light, it was the season of Darkness.")


def wrap(text, width):
    lines = []
    line = []
    used = 0
    for word in text.split():
        extra = len(word) if not line else len(word) + 1
        if used + extra > width and line:
            lines.append(line)
            line, used = [word], len(word)
        else:
            line.append(word)
            used += extra
    if line:
        lines.append(line)
    return lines


def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    each, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (each + (1 if i < extra else 0))
    return out + words[-1]


def frequencies(text):
    counts = {}
    for raw in text.lower().split():
        word = raw.strip(".,;:!?")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


def main(n: int):
    lines = wrap(TEXT, n)
    for words in lines[:-1]:
        print("|" + justify(words, n) + "|")
    print("|" + " ".join(lines[-1]).ljust(n) + "|")
    top = frequencies(TEXT)[:6]
    print(", ".join(f"{w}={c}" for w, c in top))
    secret = caesar(TEXT[:40], 13)
    print(secret)
    print(caesar(secret, -13) == TEXT[:40], len(lines))
    return len(lines)
# ARGS: 30
