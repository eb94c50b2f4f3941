# ARGS: 5
def render_tree(depth: int) -> str:
    lines = []
    for i in range(depth):
        lines.append(" " * (depth - i - 1) + "*" * (2 * i + 1))
    lines.append(" " * (depth - 1) + "|")
    return "\n".join(lines)

def to_json(d) -> str:
    parts = []
    for k, v in d.items():
        parts.append(f'"{k}": {v}')
    return "{" + ", ".join(parts) + "}"

def roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out

def rle(s: str) -> str:
    if not s:
        return ""
    out = []
    prev, count = s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)

def main(n: int):
    print(render_tree(n))
    print(to_json({"a": 1, "b": 25, "n": n}), to_json({"x": 0.5, "y": 2.25}))
    print([roman(x) for x in (1, 4, 9, 14, 40, 90, 400, 1994, 2024)])
    print(rle("aaabccddddde"), rle(""), rle("x" * n))
    words = "The Quick brown fox".split()
    print(" ".join(w[::-1] for w in words), words[-1].upper(), "-".join(sorted(words, key=str.lower)))
    s = "a,b,,c"
    print(s.split(","), s.split(",", 1), s.rsplit(",", 1), s.partition(","), "  x ".strip(), "x".ljust(3, ".") + "|")
    return len(render_tree(n))
