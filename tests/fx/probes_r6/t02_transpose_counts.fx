# ARGS: 20
def main(n: int) -> int:
    matrix = [[(r * n + c) % 7 for c in range(4)] for r in range(3)]
    transposed = list(map(list, zip(*matrix)))
    print(transposed)
    flat = [v for row in matrix for v in row]
    uniq = sorted(set(flat))
    index = {v: i for i, v in enumerate(uniq)}
    print(uniq, index)
    pairs = list(zip(flat, flat[1:]))
    print(pairs[:4], len(pairs))
    counts = {}
    for a, b in pairs:
        counts[(a, b)] = counts.get((a, b), 0) + 1
    common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    print(common)
    words = ["apple", "Banana", "cherry", "date"]
    print(sorted(words, key=lambda w: w.lower()), [w[0].upper() + w[1:] for w in words])
    print({w: len(w) for w in words if len(w) > 4})
    return len(counts)
