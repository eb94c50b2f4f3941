# ARGS: "kitten sitting saturday sunday rosettacode raisethysword"
def levenshtein(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a):
        current = [i + 1]
        for j, cb in enumerate(b):
            insert = previous[j + 1] + 1
            delete = current[j] + 1
            change = previous[j] + (ca != cb)
            current.append(min(insert, delete, change))
        previous = current
    return previous[-1]


def main(text: str) -> int:
    words = text.split()
    total = 0
    for i in range(0, len(words) - 1, 2):
        d = levenshtein(words[i], words[i + 1])
        print("%s -> %s: %d" % (words[i], words[i + 1], d))
        total += d
    return total
