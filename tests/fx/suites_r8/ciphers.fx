# ARGS: "Attack at dawn, retreat at dusk!", "LEMON"
def caesar(text: str, shift: int) -> str:
    out = []
    for ch in text:
        if ch.isupper():
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        elif ch.islower():
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


def vigenere(text: str, key: str, decrypt: bool) -> str:
    out = []
    k = 0
    for ch in text:
        if ch.isalpha():
            base = 65 if ch.isupper() else 97
            shift = ord(key[k % len(key)].upper()) - 65
            if decrypt:
                shift = -shift
            out.append(chr((ord(ch) - base + shift) % 26 + base))
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def rail_fence(text: str, rails: int) -> str:
    rows = [[] for _ in range(rails)]
    r, step = 0, 1
    for ch in text:
        rows[r].append(ch)
        if r == 0:
            step = 1
        elif r == rails - 1:
            step = -1
        r += step
    return "".join("".join(row) for row in rows)


def frequencies(text: str) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for ch in text.lower():
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]


def main(text: str, key: str) -> int:
    c = caesar(text, 3)
    print(c, caesar(c, -3) == text)
    v = vigenere(text, key, False)
    print(v, vigenere(v, key, True) == text)
    print(rail_fence(text, 3))
    print(frequencies(text))
    return sum(ord(ch) for ch in v)
