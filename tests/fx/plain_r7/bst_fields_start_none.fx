class Node:
    def __init__(self, key: int):
        self.key = key
        self.left = None
        self.right = None

class BST:
    def __init__(self):
        self.root = None
        self.size = 0
    def insert(self, key: int):
        self.size += 1
        if self.root is None:
            self.root = Node(key)
            return
        cur = self.root
        while True:
            if key < cur.key:
                if cur.left is None:
                    cur.left = Node(key)
                    return
                cur = cur.left
            else:
                if cur.right is None:
                    cur.right = Node(key)
                    return
                cur = cur.right
    def inorder(self):
        out = []
        def walk(n):
            if n is None:
                return
            walk(n.left)
            out.append(n.key)
            walk(n.right)
        walk(self.root)
        return out
    def height(self, n) -> int:
        if n is None:
            return 0
        return 1 + max(self.height(n.left), self.height(n.right))

def main(n: int):
    t = BST()
    for i in range(n):
        t.insert((i * 37) % n)
    print(t.inorder()[:10], t.size, t.height(t.root))
    return t.size
# ARGS: 50
