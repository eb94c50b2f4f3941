# ARGS: 1994
ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def from_roman(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        if i + 1 < len(s) and values[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def rle(s: str) -> str:
    if not s:
        return ""
    out = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev = ch
            count = 1
    out.append(f"{count}{prev}")
    return "".join(out)


def anagrams(words: list[str]) -> list[list[str]]:
    groups = {}
    for w in words:
        key = "".join(sorted(w))
        groups.setdefault(key, []).append(w)
    return [sorted(g) for g in groups.values() if len(g) > 1]


def is_palindrome(s: str) -> bool:
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]


def main(n: int) -> int:
    r = to_roman(n)
    print(n, r, from_roman(r))
    print(rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"))
    print(anagrams(["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "dog"]))
    print([is_palindrome(s) for s in ("A man, a plan, a canal: Panama", "race a car", "")])
    words = "the rain in spain stays mainly in the plain".split()
    print(max(words, key=len), words.count("in"), " ".join(w.capitalize() for w in words))
    print("{:>10}|{:<10}|{:^10}|".format("right", "left", "mid"))
    return len(r)
