from dataclasses import dataclass, field

@dataclass
class Item:
    name: str
    price: float
    qty: int = 0

    def total(self) -> float:
        return self.price * self.qty

@dataclass
class Perishable(Item):
    days: int = 7

@dataclass
class Stock:
    counts: list[int] = field(default_factory=list)
    total: float = 0.0

    def __post_init__(self):
        self.total = 1.0

    def add(self, k: int):
        self.counts.append(k)
        self.total += k

def main(n: int):
    items = [Item("pen", 1.5, 10), Item("pad", 3.25), Item("ink", 7.0, 2)]
    items.sort(key=lambda it: it.total(), reverse=True)
    for it in items:
        print(it, f"{it.total():.2f}")
    p = Perishable("milk", 0.99, 3)
    print(p, p.total(), p == Perishable("milk", 0.99, 3, 7))
    s = Stock()
    for k in range(n):
        s.add(k)
    print(s.counts, s.total)
    return len(s.counts)
# ARGS: 5
