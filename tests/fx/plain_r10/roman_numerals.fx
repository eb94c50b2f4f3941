# Roman numerals both ways, with validation by round trip (a classic exercise).

NUMERALS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError(f"{n} is out of range")
    out = []
    for value, letters in NUMERALS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def from_roman(s):
    total = 0
    prev = 0
    for ch in reversed(s.upper()):
        if ch not in VALUES:
            raise ValueError(f"bad numeral {ch!r}")
        v = VALUES[ch]
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
    if to_roman(total) != s.upper():
        raise ValueError(f"{s!r} is not canonical")
    return total


def main(n: int):
    for x in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999][:n]:
        r = to_roman(x)
        print(f"{x:>5} -> {r:<12} -> {from_roman(r)}")
    for s in ["mcmxc", "IIII", "IC", "XLII", "MMXZ"]:
        try:
            print(s, "=", from_roman(s))
        except ValueError as e:
            print(s, "error:", e)
    try:
        to_roman(0)
    except ValueError as e:
        print("error:", e)
    lengths = [len(to_roman(i)) for i in range(1, 100)]
    longest = max(range(1, 100), key=lambda i: len(to_roman(i)))
    print(sum(lengths), longest, to_roman(longest))
    return sum(lengths)
# ARGS: 10
