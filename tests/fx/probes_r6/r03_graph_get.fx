# ARGS: 6
def main(n: int) -> int:
    adj = {0: [1, 2], 1: [3], 2: [3, 4], 3: [5]}
    seen = set()
    order = []
    stack = [0]
    while stack:
        u = stack.pop()
        if u in seen:
            continue
        seen.add(u)
        order.append(u)
        for v in adj.get(u, []):
            stack.append(v)
    print(order)
    flag = n > 3
    xs = order if flag else []
    ys = [x * 2 for x in xs] if xs else [0]
    print(ys)
    row = [1, 2, 3]
    print(*row, sep="\t")
    print("{:,}".format(10 ** 6), f"{n:+d}", f"{0.000123:.2e}", f"{123.456:10.1f}|")
    return len(order)
