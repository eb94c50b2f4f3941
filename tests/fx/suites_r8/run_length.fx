# ARGS: "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"
def encode(s: str) -> str:
    if not s:
        return ""
    out = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(str(count) + prev)
            prev = ch
            count = 1
    out.append(str(count) + prev)
    return "".join(out)


def decode(s: str) -> str:
    out = []
    num = 0
    for ch in s:
        if ch.isdigit():
            num = num * 10 + int(ch)
        else:
            out.append(ch * num)
            num = 0
    return "".join(out)


def pairs(s: str) -> list[tuple[str, int]]:
    result = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        result.append((s[i], j - i))
        i = j
    return result


def main(s: str) -> int:
    e = encode(s)
    print(e)
    print(decode(e) == s)
    print(pairs(s)[:4])
    print(encode("aabcccccaaa"), encode(""), decode("3x2y1z"))
    return len(e)
