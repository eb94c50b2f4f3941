# ARGS: "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"
def encode(s):
    if not s:
        return []
    runs = []
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            runs.append((count, prev))
            prev, count = ch, 1
    runs.append((count, prev))
    return runs


def decode(runs):
    return "".join(ch * n for n, ch in runs)


def main(s: str) -> None:
    runs = encode(s)
    packed = "".join(f"{n}{ch}" for n, ch in runs)
    print(packed)
    print(decode(runs) == s)
