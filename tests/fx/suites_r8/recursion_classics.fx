# ARGS: 41, 3, 3
def josephus(n: int, k: int) -> int:
    pos = 0
    for m in range(2, n + 1):
        pos = (pos + k) % m
    return pos


def josephus_order(n: int, k: int) -> list[int]:
    people = list(range(n))
    order = []
    i = 0
    while people:
        i = (i + k - 1) % len(people)
        order.append(people.pop(i))
    return order


def ackermann(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n: int, src: str, dst: str, via: str, moves: list[str]):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def main(n: int, k: int, m: int) -> int:
    order = josephus_order(n, k)
    print("survivor", josephus(n, k), order[-1], order[:8])
    table = [[ackermann(a, b) for b in range(5)] for a in range(m + 1)]
    for row in table:
        print(row)
    moves = []
    hanoi(6, "A", "C", "B", moves)
    print(len(moves), moves[:7])
    return josephus(n, k) + table[m][4]
