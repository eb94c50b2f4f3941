# ARGS: 4
from itertools import groupby
import itertools


def first_letter(w: str) -> str:
    return w[0]


def rle(s: str) -> str:
    return "".join(f"{len(list(g))}{ch}" for ch, g in groupby(s))


def main(n: int) -> int:
    words = sorted(["apple", "avocado", "banana", "blueberry", "cherry", "cranberry", "date"])
    for key, grp in groupby(words, key=lambda w: w[0]):
        print(key, list(grp))
    for key, grp in itertools.groupby(words, first_letter):
        print(key, sum(1 for _ in grp))
    nums = sorted([3, 1, 3, 2, 1, 3, n])
    for key, grp in groupby(nums):
        print(key, len(list(grp)))
    print(rle("aaabccddddde"))
    parity = [(k, sorted(g)) for k, g in groupby(sorted(range(10), key=lambda x: x % 2), key=lambda x: x % 2)]
    print(parity)
    return len(nums)
