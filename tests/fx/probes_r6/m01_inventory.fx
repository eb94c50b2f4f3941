# ARGS: 5
from fastext import struct, f64, i64


@struct(mutable=True)
class Item:
    code: i64
    qty: i64
    price: f64

    def value(self) -> f64:
        return self.qty * self.price

    def restock(self, k: i64):
        self.qty += k


def main(n: int) -> float:
    inv = [Item(0, 3, 0.5), Item(1, 0, 0.75), Item(2, 10, 0.2)]
    for it in inv:
        if it.qty < n:
            it.restock(n)
    inv[0].price = 0.55
    names = ["apple", "pear", "plum"]
    report = {names[it.code]: it.value() for it in inv}
    for name, v in sorted(report.items(), key=lambda kv: -kv[1]):
        print(f"{name:<6}{v:8.2f}")
    return sum(report.values())
