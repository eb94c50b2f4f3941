# ARGS: "ab", 3
def main(s: str, n: int) -> str:
    t = s + ""
    print(t * n, "-" * n, s[0] * n, 2 * s[1], s * 0, s * -1 == "")
    return s * n
