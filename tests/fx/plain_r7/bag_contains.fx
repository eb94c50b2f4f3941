class Bag:
    def __init__(self):
        self.items = {}
    def add(self, x: int):
        self.items[x] = self.items.get(x, 0) + 1
    def __contains__(self, x: int) -> bool:
        return x in self.items
    def __len__(self) -> int:
        return sum(self.items.values())

def main(n: int):
    b = Bag()
    for i in range(n):
        b.add(i % 3)
    print(1 in b, 5 in b, 7 not in b, len(b))
    return len(b)
# ARGS: 7
