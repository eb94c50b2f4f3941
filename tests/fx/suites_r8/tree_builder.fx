# ARGS: 9
from __future__ import annotations


class Tree:
    def __init__(self, left, value: int, right):
        self.left = left
        self.value = value
        self.right = right


def build(lo: int, hi: int):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid - 1), mid, build(mid + 1, hi))


def inorder(t: Tree, out: list[int]):
    if t.left is not None:
        inorder(t.left, out)
    out.append(t.value)
    if t.right is not None:
        inorder(t.right, out)


def height(t) -> int:
    if t is None:
        return 0
    return 1 + max(height(t.left), height(t.right))


def insert(t: Tree | None, value: int) -> Tree:
    if t is None:
        return Tree(None, value, None)
    if value < t.value:
        t.left = insert(t.left, value)
    else:
        t.right = insert(t.right, value)
    return t


def main(depth: int) -> int:
    tree = build(1, 2 ** depth - 1)
    values = []
    inorder(tree, values)
    print(len(values), sum(values), values[:5], height(tree))
    root = None
    seed = 17
    for _ in range(200):
        seed = (seed * 75) % 65537
        root = insert(root, seed % 1000)
    got = []
    inorder(root, got)
    print(got[:8], got == sorted(got), height(root))
    return sum(values) + height(root)
