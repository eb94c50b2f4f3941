# ARGS: "this is an example of a huffman tree"
import heapq


def huffman_codes(text: str) -> dict[str, str]:
    freq: dict[str, int] = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    heap = [(f, i, [(ch, "")]) for i, (ch, f) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    count = len(heap)
    while len(heap) > 1:
        f1, _, left = heapq.heappop(heap)
        f2, _, right = heapq.heappop(heap)
        merged = [(ch, "0" + code) for ch, code in left] + [(ch, "1" + code) for ch, code in right]
        heapq.heappush(heap, (f1 + f2, count, merged))
        count += 1
    return dict(heap[0][2])


def main(text: str) -> int:
    codes = huffman_codes(text)
    longest = None
    for ch in sorted(codes):
        print(repr(ch), codes[ch])
        if longest is None or len(codes[ch]) > len(codes[longest]):
            longest = ch
    encoded = "".join(codes[ch] for ch in text)
    print(len(encoded), "bits; longest code for", repr(longest))
    decode = {v: k for k, v in codes.items()}
    out = []
    cur = ""
    for bit in encoded:
        cur += bit
        if cur in decode:
            out.append(decode[cur])
            cur = ""
    print("".join(out) == text)
    return len(encoded)
