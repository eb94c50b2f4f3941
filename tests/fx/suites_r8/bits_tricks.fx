# ARGS: 64
def popcount(x: int) -> int:
    count = 0
    while x:
        x &= x - 1
        count += 1
    return count


def gray(n: int) -> int:
    return n ^ (n >> 1)


def from_gray(g: int) -> int:
    n = 0
    while g:
        n ^= g
        g >>= 1
    return n


def reverse_bits(x: int, width: int) -> int:
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


def subsets_with_sum(items: list[int], target: int) -> list[list[int]]:
    found = []
    for mask in range(1 << len(items)):
        chosen = [items[i] for i in range(len(items)) if mask >> i & 1]
        if sum(chosen) == target:
            found.append(chosen)
    return found


def main(n: int) -> int:
    print([popcount(i) for i in range(17)], sum(popcount(i) for i in range(n)) == sum(bin(i).count("1") for i in range(n)))
    codes = [gray(i) for i in range(16)]
    print([format(c, "04b") for c in codes[:8]], all(from_gray(gray(i)) == i for i in range(n)))
    print(reverse_bits(0b1101, 8), bin(reverse_bits(n, 16)), (n).bit_length())
    subs = subsets_with_sum([3, 34, 4, 12, 5, 2, 9, 7], 16)
    print(len(subs), subs[:3])
    return sum(codes) + len(subs)
