# ARGS: 7
import sys

PAIRS = {"A": "T", "C": "G", "G": "C", "T": "A", "N": "N"}


def fasta(n: int) -> list[str]:
    lines = []
    seed = 11
    for k in range(n):
        if k % 4 == 0:
            lines.append(">seq%d description" % (k // 4))
        row = []
        for _ in range(12):
            seed = (seed * 3877 + 29573) % 139968
            row.append("ACGTN"[seed % 5])
        lines.append("".join(row))
    return lines


def reverse_complement(lines: list[str]) -> int:
    header = ""
    body: list[str] = []
    written = 0

    def flush():
        nonlocal written
        if not header:
            return
        seq = "".join(body)
        comp = "".join(PAIRS[c] for c in reversed(seq))
        sys.stdout.write(header + "\n")
        for i in range(0, len(comp), 10):
            sys.stdout.write(comp[i:i + 10] + "\n")
        written += len(comp)

    for line in lines:
        if line.startswith(">"):
            flush()
            header = line
            body.clear()
        else:
            body.append(line)
    flush()
    return written


def main(n: int) -> int:
    return reverse_complement(fasta(n))
