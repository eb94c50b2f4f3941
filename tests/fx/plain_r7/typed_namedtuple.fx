from typing import NamedTuple
class Item(NamedTuple):
    weight: int
    value: int = 1

def knapsack(items, cap):
    best = [0] * (cap + 1)
    for it in items:
        for c in range(cap, it.weight - 1, -1):
            best[c] = max(best[c], best[c - it.weight] + it.value)
    return best[cap]

def main(cap: int):
    items = [Item(12, 4), Item(2, 2), Item(1), Item(1, 2), Item(4, 10)]
    print(knapsack(items, cap))
    print(items[0], items[2] == Item(1, 1), Item(1, 2) < Item(2, 0))
    return knapsack(items, cap)
# ARGS: 15
