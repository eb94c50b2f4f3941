import os
import sys
from string import ascii_lowercase, digits
import itertools
import operator

def main(n: int):
    sys.setrecursionlimit(5000)
    print(os.path.basename("/a/b/c.txt"), os.sep)
    count = 0
    for c in ascii_lowercase:
        if c in "aeiou":
            count += 1
    print(count, len(digits), str(digits)[:3])
    total = sum(int(d) for d in digits)
    print(total)
    letters = [str(c) for c in ascii_lowercase[:n]]
    print("".join(letters))
    return count
# ARGS: 5
