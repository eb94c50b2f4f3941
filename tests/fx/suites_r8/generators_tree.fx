# ARGS: 9
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


def build(lo: int, hi: int):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid - 1), mid, build(mid + 1, hi))


def main(depth: int) -> int:
    tree = build(1, 2 ** depth - 1)
    total = 0
    count = 0
    for v in tree.walk():
        total += v
        count += 1
    print(count, total)
    return total
