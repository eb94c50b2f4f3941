# ARGS: 5
def main(n: int) -> int:
    grid = {}
    for x in range(n):
        for y in range(n):
            grid[(x, y)] = x * y
    live = {(1, 2), (2, 3), (3, 3)}
    live.add((0, 0))
    live.discard((2, 3))
    live.discard((9, 9))
    tot = 0
    for (x, y), v in grid.items():
        if (x, y) in live:
            tot += v
    print(tot, len(live), sorted(live))
    dist = {(0, 1): 2.5, (1, 2): 1.0}
    for (a, b), d in sorted(dist.items()):
        print(f"{a}->{b}: {d:.2f}")
    return tot
