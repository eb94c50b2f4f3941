"""fasta (the Computer Language Benchmarks Game's description: a repeated sequence, then two
sequences drawn from cumulative probability tables with its linear congruential generator),
written as plain Python and annotated: module-level str and table constants, tuples of
(str, float), `bisect`, `"".join`, `print`."""
import bisect
from fastext import f64, i64

WIDTH = 60
ALU = (
    "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
    "GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
    "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
    "ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
    "GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
    "AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
    "AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA")

IUB = list(zip("acgtBDHKMNRSVWY", [0.27, 0.12, 0.12, 0.27] + [0.02] * 11))

HOMO_SAPIENS = [
    ("a", 0.3029549426680),
    ("c", 0.1979883004921),
    ("g", 0.1975473066391),
    ("t", 0.3015094502008),
]

IM = 139968
IA = 3877
IC = 29573


def next_random(seed: i64) -> tuple[i64, f64]:
    seed = (seed * IA + IC) % IM
    return seed, seed / IM


def cumulative(table):
    probs = []
    chars = []
    total = 0
    for char, p in table:
        total += p
        probs.append(total)
        chars.append(char)
    return probs, chars


def repeat_fasta(src: str, n: i64) -> None:
    r = len(src)
    s = src + src + src[:n % r]
    for j in range(n // WIDTH):
        i = j * WIDTH % r
        print(s[i:i + WIDTH])
    if n % WIDTH:
        print(s[-(n % WIDTH):])


def random_fasta(table, n: i64, seed: i64) -> i64:
    probs, chars = cumulative(table)
    line = []
    for _ in range(n):
        seed, x = next_random(seed)
        line.append(chars[bisect.bisect(probs, x)])
        if len(line) == WIDTH:
            print("".join(line))
            line = []
    if line:
        print("".join(line))
    return seed


def main(n: i64) -> i64:
    print(">ONE Homo sapiens alu")
    repeat_fasta(ALU, n * 2)
    print(">TWO IUB ambiguity codes")
    seed = random_fasta(IUB, n * 3, 42)
    print(">THREE Homo sapiens frequency")
    return random_fasta(HOMO_SAPIENS, n * 5, seed)
