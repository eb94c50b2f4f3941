# ARGS: 10
def main(n: int) -> int:
    xs = list(range(n))
    ys = []
    for x in xs:
        if x % 2 == 0:
            ys.append(x * x)
    zs = [0] * n
    for i in range(n):
        zs[i] = i * 3
    ys.extend([100, 200])
    last = ys.pop()
    first = ys.pop(0)
    ys.insert(1, -5)
    ys.remove(-5)
    print(ys, last, first)
    print(ys.index(16), ys.count(16), len(ys))
    ys.reverse()
    print(ys)
    ys.sort()
    print(ys, ys[-1], ys[-2])
    c = ys.copy()
    c.clear()
    print(c, ys, 4 in ys, 5 in ys, 5 not in ys)
    print(sum(zs), min(zs), max(zs))
    return sum(ys)
