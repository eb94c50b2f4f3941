# An inventory report as business scripts write it: records as tuples in a list, grouping
# with dicts, sorting with key functions, formatted tables with f-strings and totals.

STOCK = [
    ("widget", "tools", 4, 3.50),
    ("gadget", "tools", 10, 12.25),
    ("doohickey", "misc", 0, 7.00),
    ("sprocket", "parts", 25, 0.75),
    ("flange", "parts", 8, 2.10),
    ("gizmo", "misc", 3, 19.99),
    ("bolt", "parts", 300, 0.05),
]


def value_of(item):
    return item[2] * item[3]


def by_category(stock):
    groups = {}
    for item in stock:
        groups.setdefault(item[1], []).append(item)
    return groups


def restock(stock, minimum):
    orders = []
    for name, _, qty, price in stock:
        if qty < minimum:
            orders.append((name, minimum - qty, round((minimum - qty) * price, 2)))
    return orders


def main(minimum: int):
    print(f"{'item':<10}{'cat':<7}{'qty':>5}{'price':>8}{'value':>9}")
    for item in sorted(STOCK, key=value_of, reverse=True):
        name, cat, qty, price = item
        print(f"{name:<10}{cat:<7}{qty:>5}{price:>8.2f}{value_of(item):>9.2f}")
    groups = by_category(STOCK)
    for cat in sorted(groups):
        items = groups[cat]
        total = sum(value_of(i) for i in items)
        print(f"{cat}: {len(items)} items, {sum(i[2] for i in items)} units, {total:.2f}")
    orders = restock(STOCK, minimum)
    print("orders:", orders)
    cost = sum(o[2] for o in orders)
    cheapest = min(STOCK, key=lambda i: i[3])
    out_of_stock = [i[0] for i in STOCK if i[2] == 0]
    print(f"restock cost {cost:.2f}; cheapest {cheapest[0]}; out of stock {out_of_stock}")
    names = ", ".join(n.upper() for n, *_ in STOCK[:3])
    print(names, len(groups))
    return round(cost, 2)
# ARGS: 5
