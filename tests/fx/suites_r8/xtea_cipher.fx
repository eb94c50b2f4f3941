# ARGS: "attack at dawn!!", 64
MASK = 0xFFFFFFFF
DELTA = 0x9E3779B9


def encipher(v0: int, v1: int, key: list[int], rounds: int) -> tuple[int, int]:
    total = 0
    for _ in range(rounds):
        v0 = (v0 + ((((v1 << 4) ^ (v1 >> 5)) + v1) ^ (total + key[total & 3]))) & MASK
        total = (total + DELTA) & MASK
        v1 = (v1 + ((((v0 << 4) ^ (v0 >> 5)) + v0) ^ (total + key[(total >> 11) & 3]))) & MASK
    return v0, v1


def decipher(v0: int, v1: int, key: list[int], rounds: int) -> tuple[int, int]:
    total = (DELTA * rounds) & MASK
    for _ in range(rounds):
        v1 = (v1 - ((((v0 << 4) ^ (v0 >> 5)) + v0) ^ (total + key[(total >> 11) & 3]))) & MASK
        total = (total - DELTA) & MASK
        v0 = (v0 - ((((v1 << 4) ^ (v1 >> 5)) + v1) ^ (total + key[total & 3]))) & MASK
    return v0, v1


def words(text: str) -> list[int]:
    out = []
    for i in range(0, len(text), 4):
        w = 0
        for ch in text[i:i + 4].ljust(4):
            w = (w << 8) | ord(ch)
        out.append(w)
    return out


def main(text: str, rounds: int) -> int:
    key = [0x01234567, 0x89ABCDEF, 0xFEDCBA98, 0x76543210]
    plain = words(text)
    if len(plain) % 2:
        plain.append(0)
    cipher = []
    for i in range(0, len(plain), 2):
        a, b = encipher(plain[i], plain[i + 1], key, rounds // 2)
        cipher += [a, b]
    print(" ".join("%08x" % w for w in cipher))
    back = []
    for i in range(0, len(cipher), 2):
        a, b = decipher(cipher[i], cipher[i + 1], key, rounds // 2)
        back.extend([a, b])
    print(back == plain, hex(sum(cipher) & MASK))
    return sum(cipher) % 1000003
