# ARGS: "aaabccddddde"
def encode(s: str) -> list[tuple[str, int]]:
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append((s[i], j - i))
        i = j
    return out


def decode(runs: list[tuple[str, int]]) -> str:
    return "".join(c * n for c, n in runs)


def main(s: str) -> list[tuple[str, int]]:
    r = encode(s)
    print(r, decode(r) == s)
    print("".join(f"{n}{c}" for c, n in r))
    return r
