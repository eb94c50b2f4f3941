"""Round-9 programs (Benchmarks Game and Rosetta Code styles), written for this table from the
public descriptions of binary-trees, k-nucleotide, reverse-complement, pidigits and the
look-and-say sequence.  Plain annotated Python: the same file runs under CPython."""
from __future__ import annotations


# --- binary-trees: allocate and walk many short-lived trees, keep one long-lived tree ---------

class Tree:
    def __init__(self, left: Tree | None, right: Tree | None):
        self.left = left
        self.right = right


def grow(depth: int) -> Tree:
    if depth <= 0:
        return Tree(None, None)
    return Tree(grow(depth - 1), grow(depth - 1))


def nodes(t: Tree) -> int:
    if t.left is None or t.right is None:
        return 1
    return 1 + nodes(t.left) + nodes(t.right)


def binary_trees(depth: int) -> int:
    shallowest = 4
    deepest = max(shallowest + 2, depth)
    print("stretch tree of depth %d\t check: %d" % (deepest + 1, nodes(grow(deepest + 1))))
    keep = grow(deepest)
    total = 0
    for d in range(shallowest, deepest + 1, 2):
        rounds = 1 << (deepest - d + shallowest)
        seen = 0
        for _ in range(rounds):
            seen += nodes(grow(d))
        print("%d\t trees of depth %d\t check: %d" % (rounds, d, seen))
        total += seen
    print("long lived tree of depth %d\t check: %d" % (deepest, nodes(keep)))
    return total


# --- a DNA sequence from the Benchmarks Game's linear congruential generator -----------------

def dna(n: int, seed: int) -> str:
    # cumulative probabilities of a, c, g, t (the homo sapiens frequencies of fasta)
    probs = [0.3029549426680, 0.5009432431601, 0.6984905497992, 1.0]
    bases = "acgt"
    chars = []
    last = seed
    for _ in range(n):
        last = (last * 3877 + 29573) % 139968
        r = last / 139968.0
        k = 0
        while probs[k] < r:
            k += 1
        chars.append(bases[k])
    return "".join(chars)


# --- k-nucleotide: frequencies of all 1- and 2-mers, counts of some longer ones --------------

def kmer_counts(seq: str, k: int) -> dict[str, int]:
    table: dict[str, int] = {}
    for i in range(len(seq) - k + 1):
        word = seq[i:i + k]
        if word in table:
            table[word] += 1
        else:
            table[word] = 1
    return table


def knucleotide(n: int) -> int:
    seq = dna(n, 42).upper()
    for k in (1, 2):
        table = kmer_counts(seq, k)
        windows = len(seq) - k + 1
        ranked = sorted(table.items(), key=lambda item: (-item[1], item[0]))
        for word, count in ranked:
            print("%s %.3f" % (word, count * 100.0 / windows))
        print()
    found = 0
    for probe in ["GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"]:
        c = kmer_counts(seq, len(probe)).get(probe, 0)
        print("%d\t%s" % (c, probe))
        found += c
    return found


# --- reverse-complement: complement each base, reverse, re-wrap at 60 columns ----------------

def revcomp(n: int) -> int:
    seq = dna(n, 7)
    pairs = {"a": "T", "c": "G", "g": "C", "t": "A"}
    flipped = []
    for i in range(len(seq) - 1, -1, -1):
        flipped.append(pairs[seq[i]])
    text = "".join(flipped)
    lines = []
    for start in range(0, len(text), 60):
        lines.append(text[start:start + 60])
    print(lines[0])
    print(lines[-1])
    checksum = 0
    for line in lines:
        checksum = (checksum * 31 + ord(line[0]) + len(line)) % 1000003
    return checksum


# --- pidigits: digits of pi from a bounded spigot (every value fits 64 bits for these n) -----

def pidigits(n: int) -> int:
    # ten digits more than asked for: a run of nines near the end is settled before the cut
    steps = n + 10
    width = steps * 10 // 3 + 2
    rem = [2] * width
    out = []
    held = 0
    nines = 0
    for step in range(steps):
        carry = 0
        for i in range(width - 1, 0, -1):
            num = rem[i] * 10 + carry * (i + 1)
            rem[i] = num % (2 * i + 1)
            carry = num // (2 * i + 1)
        num = rem[0] * 10 + carry
        rem[0] = num % 10
        digit = num // 10
        if digit == 9:
            nines += 1
        elif digit == 10:
            out.append(held + 1)
            out.extend([0] * nines)
            held = 0
            nines = 0
        else:
            if step > 0:
                out.append(held)
            out.extend([9] * nines)
            held = digit
            nines = 0
    digits = "".join([str(d) for d in out[:n]])
    for at in range(0, len(digits), 10):
        part = digits[at:at + 10]
        print(part + " " * (10 - len(part)) + "\t:" + str(at + len(part)))
    return sum(out[:n])


# --- look-and-say: each term reads the runs of the previous one aloud ------------------------

def say(term: str) -> str:
    spoken = ""
    run = 1
    for i in range(1, len(term) + 1):
        if i < len(term) and term[i] == term[i - 1]:
            run += 1
        else:
            spoken += str(run) + term[i - 1]
            run = 1
    return spoken


def look_and_say(n: int) -> int:
    term = "1"
    for k in range(n):
        if k < 6:
            print(term)
        term = say(term)
    print(len(term))
    return len(term)
