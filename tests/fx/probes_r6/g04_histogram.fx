# ARGS: "abracadabra alakazam"
def main(text: str) -> int:
    counts = {}
    for ch in text:
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    for ch, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        bar = "*" * n
        print(f"{ch:>3}: {bar:<8}|{n:3d}")
    top = max(counts, key=counts.get)
    print("top", top, counts[top])
    letters = "".join(sorted(counts))
    print(letters, letters.upper(), len(letters))
    return sum(counts.values())
