# ARGS: 6
def solve(n: int) -> int:
    solutions = 0
    cols: set[int] = set()
    diag1: set[int] = set()
    diag2: set[int] = set()
    first: list[int] = []

    def place(row: int, queens: list[int]):
        nonlocal solutions, first
        if row == n:
            solutions += 1
            if not first:
                first = list(queens)
            return
        for c in range(n):
            if c in cols or row + c in diag1 or row - c in diag2:
                continue
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            queens.append(c)
            place(row + 1, queens)
            queens.pop()
            cols.discard(c)
            diag1.discard(row + c)
            diag2.discard(row - c)

    place(0, [])
    if first:
        for r in range(n):
            print("".join("Q" if first[r] == c else "." for c in range(n)))
    return solutions


def main(n: int) -> int:
    total = 0
    for k in range(1, n + 1):
        s = solve(k)
        print(k, "queens:", s)
        total += s
    return total
