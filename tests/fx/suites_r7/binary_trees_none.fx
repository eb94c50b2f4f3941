# ARGS: 8
from __future__ import annotations


class Node:
    def __init__(self, left: Node | None = None, right: Node | None = None):
        self.left = left
        self.right = right


def make_tree(depth: int) -> Node:
    if depth == 0:
        return Node()
    return Node(make_tree(depth - 1), make_tree(depth - 1))


def check(node: Node) -> int:
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def main(max_depth: int) -> int:
    min_depth = 4
    max_depth = max(min_depth + 2, max_depth)
    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {check(make_tree(stretch))}")
    long_lived = make_tree(max_depth)
    for d in range(min_depth, stretch, 2):
        iters = 2 ** (max_depth - d + min_depth)
        total = 0
        for _ in range(iters):
            total += check(make_tree(d))
        print(f"{iters}\t trees of depth {d}\t check: {total}")
    c = check(long_lived)
    print(f"long lived tree of depth {max_depth}\t check: {c}")
    return c
