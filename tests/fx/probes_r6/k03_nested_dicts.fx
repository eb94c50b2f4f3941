# ARGS: 3
def main(n: int) -> int:
    stock = {"fruit": {"apple": 3, "pear": 0}, "veg": {"kale": 5}}
    stock["veg"]["leek"] = n
    stock.setdefault("nuts", {})["pecan"] = 7
    total = 0
    for cat, items in stock.items():
        for name, q in sorted(items.items()):
            print(f"{cat:<6}{name:<7}{q:>3}")
            total += q
    empty = [name for items in stock.values() for name, q in items.items() if q == 0]
    print(empty)
    return total
