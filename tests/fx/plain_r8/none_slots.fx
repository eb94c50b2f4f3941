# [None] * n filled later with instances of one class
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
    return total
# ARGS: 5
