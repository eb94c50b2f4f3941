# ARGS: 6
def solve(X: dict[int, set[int]], Y: dict[int, list[int]], solution: list[int], found: list[list[int]]):
    if not X:
        found.append(sorted(solution))
        return
    c = min(X, key=lambda col: len(X[col]))
    for r in sorted(X[c]):
        solution.append(r)
        cols = select(X, Y, r)
        solve(X, Y, solution, found)
        deselect(X, Y, r, cols)
        solution.pop()


def select(X: dict[int, set[int]], Y: dict[int, list[int]], r: int) -> list[set[int]]:
    cols = []
    for j in Y[r]:
        for i in X[j]:
            for k in Y[i]:
                if k != j:
                    X[k].remove(i)
        cols.append(X.pop(j))
    return cols


def deselect(X: dict[int, set[int]], Y: dict[int, list[int]], r: int, cols: list[set[int]]):
    for j in reversed(Y[r]):
        X[j] = cols.pop()
        for i in X[j]:
            for k in Y[i]:
                if k != j:
                    X[k].add(i)


def main(n: int) -> int:
    # Exact cover: which sets of rows cover every column of 0..n-1 once?
    Y: dict[int, list[int]] = {}
    row = 0
    for start in range(n):
        for length in (1, 2, 3):
            if start + length <= n:
                Y[row] = list(range(start, start + length))
                row += 1
    X: dict[int, set[int]] = {j: set() for j in range(n)}
    for r, cols in Y.items():
        for j in cols:
            X[j].add(r)
    found: list[list[int]] = []
    solve(X, Y, [], found)
    print(len(found), "covers")
    for s in found[:5]:
        print([Y[r] for r in s])
    print(sorted(len(X[j]) for j in X))
    return len(found)
