# ARGS: 6
def main(n: int) -> int:
    sq = [i * i for i in range(n)]
    ev = [x for x in sq if x % 2 == 0]
    grid = [[i * j for j in range(n)] for i in range(n)]
    flat = [v for row in grid for v in row if v > 3]
    pairs = [(i, j) for i in range(3) for j in range(i)]
    print(sq)
    print(ev)
    print(grid[2])
    print(flat)
    print(pairs)
    total = sum([x * 2 for x in sq])
    print(total, len(flat))
    return total
