# ARGS: "Python,Is;Fun  and,FAST"
def main(s: str) -> str:
    parts = s.replace(";", ",").split(",")
    parts = [p.strip() for p in parts if p.strip()]
    print(parts, len(parts))
    print([p.lower() for p in parts], [p.upper()[:2] for p in parts])
    print(" | ".join(p.center(8, ".") for p in parts))
    print(s.count(","), s.rfind(","), s.lower().startswith("py"), s[::-1][:4])
    title = " ".join(w.capitalize() for w in s.lower().replace(",", " ").replace(";", " ").split())
    print(title, title.swapcase())
    print(str(3.0), str(1e100), repr(0.1), str(-0.0), f"{2**0.5!r}", f"{10**15}")
    a, b = "abc", "B"
    print(a < "abd", b < "a", "x" in "xyz", "é".upper(), len("héllo"))
    return title
