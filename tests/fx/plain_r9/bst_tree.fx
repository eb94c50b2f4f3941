# A binary search tree with a Node class: insert, search, in-order traversal, height,
# deletion with the in-order successor, and a level-order print (data-structures course style).
from collections import deque


class Node:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.size = 0

    def insert(self, key):
        if self.root is None:
            self.root = Node(key)
            self.size += 1
            return
        cur = self.root
        while True:
            if key == cur.key:
                return
            if key < cur.key:
                if cur.left is None:
                    cur.left = Node(key)
                    break
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = Node(key)
                    break
                cur = cur.right
        self.size += 1

    def contains(self, key):
        cur = self.root
        while cur is not None:
            if key == cur.key:
                return True
            cur = cur.left if key < cur.key else cur.right
        return False


def inorder(node, out):
    if node is not None:
        inorder(node.left, out)
        out.append(node.key)
        inorder(node.right, out)


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def delete(node, key):
    if node is None:
        return None
    if key < node.key:
        node.left = delete(node.left, key)
    elif key > node.key:
        node.right = delete(node.right, key)
    else:
        if node.left is None:
            return node.right
        if node.right is None:
            return node.left
        succ = node.right
        while succ.left is not None:
            succ = succ.left
        node.key = succ.key
        node.right = delete(node.right, succ.key)
    return node


def levels(root):
    rows = []
    queue = deque([(root, 0)])
    while queue:
        node, depth = queue.popleft()
        if node is None:
            continue
        if depth == len(rows):
            rows.append([])
        rows[depth].append(node.key)
        queue.append((node.left, depth + 1))
        queue.append((node.right, depth + 1))
    return rows


def main(n: int):
    tree = BST()
    for i in range(n):
        tree.insert((i * 37) % 101)
    keys = []
    inorder(tree.root, keys)
    print(tree.size, keys[:8], height(tree.root))
    print(tree.contains(37), tree.contains(38))
    for row in levels(tree.root)[:4]:
        print(row)
    for k in (0, 37, 74):
        tree.root = delete(tree.root, k)
    keys = []
    inorder(tree.root, keys)
    print(keys[:6], len(keys), height(tree.root))
    return sum(keys)
# ARGS: 20
