# ARGS: "Hello, World! xyz", 3
def shift_char(c: str, k: int) -> str:
    if c.isupper():
        return chr((ord(c) - ord("A") + k) % 26 + ord("A"))
    if c.islower():
        return chr((ord(c) - ord("a") + k) % 26 + ord("a"))
    return c


def caesar(s: str, k: int) -> str:
    return "".join(shift_char(c, k) for c in s)


def main(s: str, k: int) -> str:
    enc = caesar(s, k)
    print(enc)
    print(caesar(enc, -k) == s)
    return enc
