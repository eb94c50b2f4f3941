# ARGS: 18
def next_term(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(str(j - i))
        out.append(s[i])
        i = j
    return "".join(out)


def main(n: int) -> int:
    s = "1"
    lengths = []
    for k in range(n):
        if k < 8:
            print(s)
        lengths.append(len(s))
        s = next_term(s)
    print(lengths)
    ratios = [lengths[i + 1] / lengths[i] for i in range(len(lengths) - 1)]
    print("%.4f" % ratios[-1])
    return len(s)
