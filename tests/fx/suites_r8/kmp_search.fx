# ARGS: "abracadabra", "abra cadabra abracadabra abracadabracadabra abracadabra"
def prefix_table(pattern: str) -> list[int]:
    table = [0] * len(pattern)
    k = 0
    for i in range(1, len(pattern)):
        while k > 0 and pattern[i] != pattern[k]:
            k = table[k - 1]
        if pattern[i] == pattern[k]:
            k += 1
        table[i] = k
    return table


def kmp(text: str, pattern: str) -> list[int]:
    table = prefix_table(pattern)
    hits = []
    k = 0
    for i, ch in enumerate(text):
        while k > 0 and ch != pattern[k]:
            k = table[k - 1]
        if ch == pattern[k]:
            k += 1
        if k == len(pattern):
            hits.append(i - k + 1)
            k = table[k - 1]
    return hits


def naive(text: str, pattern: str) -> list[int]:
    return [i for i in range(len(text) - len(pattern) + 1) if text[i:i + len(pattern)] == pattern]


def main(pattern: str, text: str) -> int:
    print(prefix_table(pattern))
    hits = kmp(text, pattern)
    print(hits, hits == naive(text, pattern))
    long_text = (text + " ") * 50
    many = kmp(long_text, pattern)
    print(len(many), many[-3:], text.find(pattern), long_text.count(pattern))
    return len(many)
