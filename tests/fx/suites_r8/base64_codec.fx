# ARGS: "Many hands make light work. Base64 by hand!"
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def encode(data: str) -> str:
    raw = [ord(c) for c in data]
    out = []
    for i in range(0, len(raw), 3):
        chunk = raw[i:i + 3]
        pad = 3 - len(chunk)
        chunk += [0] * pad
        n = (chunk[0] << 16) | (chunk[1] << 8) | chunk[2]
        quad = [ALPHABET[(n >> s) & 63] for s in (18, 12, 6, 0)]
        if pad:
            quad[4 - pad:] = ["="] * pad
        out.append("".join(quad))
    return "".join(out)


def decode(text: str) -> str:
    index = {ch: i for i, ch in enumerate(ALPHABET)}
    out = []
    for i in range(0, len(text), 4):
        quad = text[i:i + 4]
        pad = quad.count("=")
        n = 0
        for ch in quad:
            n = (n << 6) | (index[ch] if ch != "=" else 0)
        for s in (16, 8, 0)[:3 - pad]:
            out.append(chr((n >> s) & 255))
    return "".join(out)


def main(text: str) -> int:
    total = 0
    for k in range(len(text) - 3, len(text) + 1):
        e = encode(text[:k])
        d = decode(e)
        print(e, d == text[:k])
        total += len(e)
    return total
