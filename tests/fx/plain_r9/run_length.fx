# Run-length encoding and decoding of strings (Rosetta Code style), a look-and-say sequence
# built from it, and compression ratios for a few inputs.


def encode(text):
    if not text:
        return ""
    out = []
    prev = text[0]
    count = 1
    for ch in text[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev = ch
            count = 1
    out.append(f"{count}{prev}")
    return "".join(out)


def decode(code):
    out = []
    num = ""
    for ch in code:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


def runs(text):
    result = []
    i = 0
    while i < len(text):
        j = i
        while j < len(text) and text[j] == text[i]:
            j += 1
        result.append((text[i], j - i))
        i = j
    return result


def look_and_say(seed, steps):
    seq = [seed]
    for _ in range(steps):
        seq.append("".join(str(n) + ch for ch, n in runs(seq[-1])))
    return seq


def main(steps: int):
    samples = ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
               "abc", "", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "zzzyyyxxx"]
    for s in samples:
        code = encode(s)
        ok = decode(code) == s
        ratio = len(code) / len(s) if s else 0.0
        print(f"{code!r:>24} ok={ok} ratio={ratio:.3f}")
    seq = look_and_say("1", steps)
    for term in seq:
        print(term)
    print([len(t) for t in look_and_say("3", 10)])
    print(runs("aabccc"), max(runs("aabcccbb"), key=lambda r: r[1]))
    return len(seq[-1])
# ARGS: 7
