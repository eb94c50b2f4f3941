# ARGS: 130
COMPLEMENT = str.maketrans("ACGTUMRWSYKVHDBN", "TGCAAKYWSRMBDHVN")


def reverse_complement(seq: str) -> str:
    return seq.translate(COMPLEMENT)[::-1]


def wrap(seq: str, width: int) -> list[str]:
    return [seq[i:i + width] for i in range(0, len(seq), width)]


def main(n: int) -> int:
    alu = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGG"
    seq = (alu * (n // len(alu) + 1))[:n]
    print(">ONE Homo sapiens alu")
    for line in wrap(reverse_complement(seq), 60):
        print(line)
    blocks = []
    for line in wrap(seq, 60):
        blocks.append(line.lower())
    text = "\n".join(blocks)
    print(text.count("gg"), len(text))
    return len(seq)
