# ARGS: 6
class Node:
    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth == 0:
        return Node()
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def main(max_depth: int) -> None:
    stretch = make_tree(max_depth + 1)
    print(f"stretch tree of depth {max_depth + 1}\t check: {check(stretch)}")
    long_lived = make_tree(max_depth)
    for d in range(4, max_depth + 1, 2):
        iterations = 2 ** (max_depth - d + 4)
        total = sum(check(make_tree(d)) for _ in range(iterations))
        print(f"{iterations}\t trees of depth {d}\t check: {total}")
    print(f"long lived tree of depth {max_depth}\t check: {check(long_lived)}")
