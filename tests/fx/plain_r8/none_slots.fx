# [None] * n filled later with instances of one class; a None-start local a nested function reads
class Node:
    def __init__(self, value: int):
        self.value = value
        self.next = None

def _build(n: int):
    slots = [None] * n
    for i in range(n):
        slots[i] = Node(i * i)
    for i in range(n - 1):
        slots[i].next = slots[i + 1]
    return slots

def main(n: int):
    nodes = _build(n)
    total = 0
    cur = nodes[0]
    while cur is not None:
        total += cur.value
        cur = cur.next
    pending = [None] * 3
    pending[1] = Node(5)
    print(total, pending[0] is None, pending[1].value, len(pending))
    grid = [[None] * 2 for _ in range(2)]
    grid[0][1] = Node(1)
    print(grid[0][0] is None, grid[0][1].value)
    best = None

    def better(node):
        return best is None or node.value > best.value
    for i in range(n):
        cand = Node((i * 7) % 5)
        if better(cand):
            best = cand
    print(best.value, best is None)
    return total
# ARGS: 5
