# ARGS: "The quick brown fox jumps over the lazy dog", 5
def make_table() -> list[int]:
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            if c & 1:
                c = 0xEDB88320 ^ (c >> 1)
            else:
                c >>= 1
        table.append(c)
    return table


def crc32(data: str, table: list[int]) -> int:
    crc = 0xFFFFFFFF
    for ch in data:
        crc = table[(crc ^ ord(ch)) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def adler32(data: str) -> int:
    a, b = 1, 0
    for ch in data:
        a = (a + ord(ch)) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fnv1a(data: str) -> int:
    h = 0x811C9DC5
    for ch in data:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def main(text: str, reps: int) -> int:
    table = make_table()
    print(hex(table[1]), hex(table[255]))
    data = text * reps
    c = crc32(data, table)
    print("crc32 %08x adler32 %08x fnv1a %08x" % (c, adler32(data), fnv1a(data)))
    print(crc32("", table), crc32("a", table))
    return c
