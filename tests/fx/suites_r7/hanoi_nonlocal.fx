# ARGS: 5
def hanoi(n: int) -> list[tuple[int, int, int]]:
    moves = []
    count = 0

    def move(k: int, src: int, dst: int, via: int):
        nonlocal count
        if k == 0:
            return
        move(k - 1, src, via, dst)
        count += 1
        moves.append((k, src, dst))
        move(k - 1, via, dst, src)

    move(n, 1, 3, 2)
    print("moves:", count)
    return moves


def main(n: int) -> int:
    ms = hanoi(n)
    for k, a, b in ms[:7]:
        print("disk %d: %d -> %d" % (k, a, b))
    pegs = [list(range(n, 0, -1)), [], []]
    for k, a, b in ms:
        disk = pegs[a - 1].pop()
        assert disk == k
        pegs[b - 1].append(disk)
    print(pegs)
    return len(ms)
