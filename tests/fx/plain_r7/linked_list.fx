class Node:
    def __init__(self, value: int):
        self.value = value
        self.next = None

class LinkedList:
    def __init__(self):
        self.head = None
        self.count = 0
    def push(self, v: int):
        new = Node(v)
        new.next = self.head
        self.head = new
        self.count += 1
    def reverse(self):
        prev = None
        cur = self.head
        while cur is not None:
            nxt = cur.next
            cur.next = prev
            prev = cur
            cur = nxt
        self.head = prev
    def to_list(self):
        out = []
        cur = self.head
        while cur:
            out.append(cur.value)
            cur = cur.next
        return out

def main(n: int):
    ll = LinkedList()
    for i in range(n):
        ll.push(i * i)
    print(ll.to_list())
    ll.reverse()
    print(ll.to_list(), ll.count)
    return ll.count
# ARGS: 6
