# ARGS: 8
class Node:
    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right

    def check(self) -> int:
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def bottom_up(depth: int) -> Node:
    if depth > 0:
        depth -= 1
        return Node(bottom_up(depth), bottom_up(depth))
    return Node()


def main(max_depth: int) -> int:
    min_depth = 4
    stretch = max_depth + 1
    print("stretch tree of depth {}\t check: {}".format(stretch, bottom_up(stretch).check()))
    long_lived = bottom_up(max_depth)
    for d in range(min_depth, stretch, 2):
        iterations = 1 << (max_depth - d + min_depth)
        check = sum(bottom_up(d).check() for _ in range(iterations))
        print("{}\t trees of depth {}\t check: {}".format(iterations, d, check))
    print("long lived tree of depth {}\t check: {}".format(max_depth, long_lived.check()))
    return long_lived.check()
