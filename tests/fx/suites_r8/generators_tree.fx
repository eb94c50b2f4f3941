# ARGS: 10
class Tree:
    def __init__(self, left, value: int, right):
        self.left = left
        self.value = value
        self.right = right

    def walk(self):
        if self.left is not None:
            yield from self.left.walk()
        yield self.value
        if self.right is not None:
            yield from self.right.walk()

    def depths(self, d: int):
        yield d
        for child in (self.left, self.right):
            if child is not None:
                yield from child.depths(d + 1)


def build(lo: int, hi: int):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid - 1), mid, build(mid + 1, hi))


def binary_strings(n: int):
    if n == 0:
        yield ""
        return
    for s in binary_strings(n - 1):
        yield s + "0"
        yield s + "1"


def compositions(n: int, largest: int):
    if n == 0:
        yield []
    for k in range(min(n, largest), 0, -1):
        for rest in compositions(n - k, k):
            yield [k] + rest


def main(depth: int) -> int:
    tree = build(1, 2 ** depth - 1)
    total = 0
    count = 0
    for v in tree.walk():
        total += v
        count += 1
    print(count, total, max(tree.depths(0)), sum(1 for d in tree.depths(0) if d == depth - 1))
    first = []
    for v in tree.walk():
        if v > 5:
            break
        first.append(v)
    print(first, list(binary_strings(3)))
    parts = list(compositions(8, 8))
    print(len(parts), parts[:4], sum(len(p) for p in parts))
    return total + len(parts)
