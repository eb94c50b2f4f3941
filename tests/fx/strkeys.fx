"""Dicts keyed by slices and characters of str values (lower/strkeys.py): found from the
characters, the key's str made only when it is inserted or named by a KeyError."""


def kmers(seq: str, k: int) -> dict[str, int]:
    table: dict[str, int] = {}
    for i in range(len(seq) - k + 1):
        word = seq[i:i + k]
        if word in table:
            table[word] += 1
        else:
            table[word] = 1
    return table


def bounds(seq: str, a: int, b: int) -> dict[str, int]:
    # negative and out-of-range bounds, an omitted one, an empty slice
    d: dict[str, int] = {}
    d[seq[a:b]] = 1
    d[seq[a:]] = d.get(seq[a:], 0) + 2
    d[seq[:b]] = d.get(seq[:b], 0) + 4
    key = seq[b:a]
    d[key] = d.get(key, 0) + 8
    return d


def lookup(seq: str, a: int, b: int, table: dict[str, int]) -> int:
    return table[seq[a:b]]


def has(seq: str, a: int, b: int, table: dict[str, int]) -> bool:
    return seq[a:b] in table


def complement(seq: str) -> str:
    pairs = {"a": "T", "c": "G", "g": "C", "t": "A", "é": "E"}
    out = []
    for i in range(len(seq) - 1, -1, -1):
        out.append(pairs[seq[i]])
    return "".join(out)


def complement_local(n: int) -> str:
    seq = "acgté" * n
    pairs = {"a": "T", "c": "G", "g": "C", "t": "A", "é": "E"}
    out = []
    for i in range(len(seq) - 1, -1, -1):
        out.append(pairs[seq[i]])
    return "".join(out)


def char_counts(seq: str) -> list[int]:
    counts: dict[str, int] = {"x": 0}
    for i in range(len(seq)):
        counts[seq[i]] = counts.get(seq[i], 0) + 1
    return [counts[c] for c in counts]


def mixed(seq: str, words: list[str]) -> dict[str, int]:
    # keys stored from objects, found by bytes, and the other way round
    d: dict[str, int] = {}
    for w in words:
        d[w] = len(w)
    for i in range(len(seq) - 1):
        word = seq[i:i + 2]
        if word in d:
            d[word] += 10
        else:
            d[word] = 0
    total = 0
    for w in words:
        total += d[w]
    d["total"] = total
    return d


def reassigned(seq: str) -> dict[str, int]:
    # a local also given a str object, and one also read as a value: the object path
    d: dict[str, int] = {}
    word = "start"
    d[word] = 0
    last = ""
    for i in range(len(seq) - 1):
        word = seq[i:i + 2]
        d[word] = d.get(word, 0) + 1
        last = seq[i:i + 1]
        d[last] = d.get(last, 0) + 100
    d[last + "!"] = 1
    return d
