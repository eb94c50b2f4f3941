# Parsing CSV text by hand and aggregating it with a dict of dicts, as data-cleaning
# scripts do: per-region and per-month totals, str.format tables and %-formatting.

DATA = """region,month,product,units,price
north,jan,apple,10,0.5
south,jan,apple,4,0.55
north,feb,pear,7,0.8
east,jan,plum,12,0.3
south,feb,apple,9,0.55
north,jan,pear,3,0.8
east,feb,apple,5,0.5
west,mar,plum,,0.3
south,mar,pear,6,0.75"""


def parse(text):
    lines = text.strip().split("\n")
    header = lines[0].split(",")
    rows = []
    skipped = 0
    for line in lines[1:]:
        fields = line.split(",")
        record = dict(zip(header, fields))
        if not record["units"]:
            skipped += 1
            continue
        rows.append((record["region"], record["month"], record["product"], int(record["units"]),
                     float(record["price"])))
    return rows, skipped


def pivot(rows):
    table = {}
    for region, month, _, units, price in rows:
        table.setdefault(region, {})
        table[region][month] = table[region].get(month, 0.0) + units * price
    return table


def main(width: int):
    rows, skipped = parse(DATA)
    print("rows: %d, skipped: %d" % (len(rows), skipped))
    table = pivot(rows)
    months = ["jan", "feb", "mar"]
    print("{:<8}".format("region") + "".join("{:>{w}}".format(m, w=width) for m in months) + "{:>8}".format("total"))
    grand = 0.0
    for region in sorted(table):
        cells = table[region]
        total = sum(cells.values())
        grand += total
        print("{:<8}".format(region) + "".join("{:>{w}.2f}".format(cells.get(m, 0.0), w=width) for m in months)
              + "{:>8.2f}".format(total))
    print("%-8s%*.2f" % ("all", width * 3 + 8, grand))
    by_product = {}
    for _, _, product, units, _ in rows:
        by_product[product] = by_product.get(product, 0) + units
    best = max(by_product.items(), key=lambda kv: kv[1])
    print("best seller: %s (%d units)" % best, sorted(by_product.items()))
    return round(grand, 2)
# ARGS: 7
