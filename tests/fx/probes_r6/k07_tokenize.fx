# ARGS: "x1 = 42 + foo*(3.5 - y)"
def tokenize(src: str) -> list[tuple[str, str]]:
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(("num", src[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            toks.append(("name", src[i:j]))
            i = j
        else:
            toks.append(("op", c))
            i += 1
    return toks


def main(src: str) -> int:
    toks = tokenize(src)
    for kind, text in toks:
        print(f"{kind:>5} {text!r}")
    nums = [float(t) for k, t in toks if k == "num"]
    print(nums, sum(nums))
    kinds = {}
    for k, _ in toks:
        kinds[k] = kinds.get(k, 0) + 1
    print(kinds)
    return len(toks)
