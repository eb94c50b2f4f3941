# ARGS: "GATTACA"
COMP = str.maketrans("ACGTacgt", "TGCAtgca")


def revcomp(s: str) -> str:
    return s.translate(COMP)[::-1]


def rot13(s: str) -> str:
    lower = "abcdefghijklmnopqrstuvwxyz"
    upper = lower.upper()
    table = str.maketrans(lower + upper, lower[13:] + lower[:13] + upper[13:] + upper[:13])
    return s.translate(table)


def main(s: str) -> int:
    t = str.maketrans("ab", "xy")
    print(t, COMP[65])
    print("abcab".translate(t), "abcab".translate(str.maketrans("aab", "xyz")))
    print(revcomp(s), revcomp(s.lower()), revcomp(""))
    print(rot13("Hello, World!"), rot13(rot13("Hello")))
    custom = {ord("a"): "AA", ord("b"): "-"}
    print("abc".translate(custom))
    print(str.upper(s), str.join("-", ["a", "b"]), str.lower("ABC"))
    try:
        print(str.maketrans(s, "xy"))
    except ValueError as e:
        print("ValueError", e)
    return len(revcomp(s))
