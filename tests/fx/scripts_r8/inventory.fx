# ARGS: 3
from collections import defaultdict

class Item:
    def __init__(self, name: str, price: float, qty: int):
        self.name = name
        self.price = price
        self.qty = qty

    def total(self) -> float:
        return self.price * self.qty

class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, item: Item):
        if item.name in self.items:
            self.items[item.name].qty += item.qty
        else:
            self.items[item.name] = item

    def remove(self, name: str, qty: int):
        if name not in self.items:
            raise KeyError(name)
        it = self.items[name]
        if it.qty < qty:
            raise ValueError(f"only {it.qty} {name} left")
        it.qty -= qty
        if it.qty == 0:
            del self.items[name]

    def value(self) -> float:
        return sum(it.total() for it in self.items.values())

    def report(self):
        for name in sorted(self.items):
            it = self.items[name]
            print(f"{name:10s} {it.qty:4d} @ {it.price:7.2f} = {it.total():9.2f}")

def main(n: int):
    inv = Inventory()
    for i in range(n):
        inv.add(Item("apple", 0.5, 10 * (i + 1)))
        inv.add(Item(f"pear{i}", 0.75 + i, 3))
    inv.remove("apple", 15)
    try:
        inv.remove("pear0", 5)
    except ValueError as e:
        print("error:", e)
    try:
        inv.remove("kiwi", 1)
    except KeyError as e:
        print("missing:", e)
    inv.report()
    cats = defaultdict(int)
    for name, it in inv.items.items():
        cats[name[:4]] += it.qty
    print(dict(cats))
    return round(inv.value(), 2)
