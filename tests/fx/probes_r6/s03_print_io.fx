# ARGS: 5
import sys


def main(n: int) -> int:
    print("a", "b", "c", sep="-", end="!\n")
    print(1, 2.5, True, None, "x", sep="")
    print("to stderr", file=sys.stderr)
    sys.stdout.write("written %d\n" % n)
    for i in range(n):
        print(i, end=" " if i < n - 1 else "\n")
    print()
    print(*[1, 2, 3])
    sys.stdout.write(f"{n * 2}\n")
    sys.stdout.flush()
    return n
