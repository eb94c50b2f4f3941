# Number conversions written with dicts and string building: Roman numerals both ways,
# English words for numbers, and base conversion (Rosetta Code tasks).

ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def to_roman(n):
    out = ""
    for value, numeral in ROMAN:
        while n >= value:
            out += numeral
            n -= value
    return out


def from_roman(s):
    total = 0
    for i, ch in enumerate(s):
        v = VALUES[ch]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


def words(n):
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((1000000, "million"), (1000, "thousand")):
        if n >= scale:
            parts.append(words(n // scale) + " " + name)
            n %= scale
    if n >= 100:
        parts.append(ONES[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        parts.append(TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else ""))
    elif n > 0:
        parts.append(ONES[n])
    return " ".join(parts)


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    out = []
    while n:
        n, r = divmod(n, base)
        out.append(digits[r])
    return "".join(reversed(out))


def main(n: int):
    for x in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
        r = to_roman(x)
        print(f"{x:>5} {r:<12} {from_roman(r)}")
    for x in [0, 7, 13, 21, 100, 115, 999, 1001, 123456, n]:
        print(x, "->", words(x))
    print([to_base(255, b) for b in (2, 8, 16, 36)], int(to_base(n, 7), 7) == n)
    return sum(from_roman(to_roman(k)) for k in range(1, 50))
# ARGS: 2500017
