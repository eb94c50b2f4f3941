# ARGS: "  Hello, World! hello again  "
def main(s: str) -> int:
    t = s.strip()
    print(repr(t), t.upper(), t.lower())
    print(t.startswith("Hello"), t.endswith("again"), t.find("World"), t.find("zzz"))
    print(t.replace("hello", "bye"), t.replace("l", "L", 2))
    print(t.split(), t.split(","), t.split(" ", 1), t.split(maxsplit=2))
    print("-".join(["a", "b", "c"]), ", ".join(map(str, [1, 2, 3])))
    print(", ".join(str(x) for x in [1.5, 2.0]))
    print(s.lstrip(), s.rstrip() + "|", "xxhixx".strip("x"))
    print(len(t), t[0], t[-1], t[2:5], ord(t[0]), chr(65 + 2))
    n = 0
    for ch in t:
        if ch.isalpha():
            n += 1
    print(n, t[:2] < t[3:], t[:3] == "Hel" + "l"[:0], "a" * 3 + "b")
    print(t.count("l"), t.index("W"), t.title(), t.isdigit(), "123".isdigit())
    return n
