# ARGS: 9
def count(n: int) -> int:
    full = (1 << n) - 1

    def place(cols: int, left: int, right: int) -> int:
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | left | right)
        while free:
            bit = free & -free
            free ^= bit
            total += place(cols | bit, ((left | bit) << 1) & full, (right | bit) >> 1)
        return total

    return place(0, 0, 0)


def first_solution(n: int) -> list[int]:
    cols = [-1] * n

    def ok(row: int, col: int) -> bool:
        for r in range(row):
            c = cols[r]
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def solve(row: int) -> bool:
        if row == n:
            return True
        for col in range(n):
            if ok(row, col):
                cols[row] = col
                if solve(row + 1):
                    return True
        cols[row] = -1
        return False

    solve(0)
    return cols


def main(n: int) -> int:
    results = [count(k) for k in range(1, n + 1)]
    print(results)
    sol = first_solution(n)
    for c in sol:
        print("." * c + "Q" + "." * (n - c - 1))
    return results[-1]
