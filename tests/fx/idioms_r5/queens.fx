# ARGS: 6
def queens(n: int) -> int:
    cols = set()
    d1 = set()
    d2 = set()
    found = []

    def place(row):
        if row == n:
            found.append(1)
            return
        for c in range(n):
            if c in cols or row + c in d1 or row - c in d2:
                continue
            cols.add(c)
            d1.add(row + c)
            d2.add(row - c)
            place(row + 1)
            cols.remove(c)
            d1.remove(row + c)
            d2.remove(row - c)

    place(0)
    return len(found)


def main(n: int) -> int:
    for k in range(1, n + 1):
        print(k, queens(k))
    print(perms(3))
    print(word_paths(["a", "bb", "c"]))
    return queens(n)


def perms(n: int) -> list[list[int]]:
    out = []
    used = set()
    current = []

    def build():
        if len(current) == n:
            out.append(current[:])
            return
        for v in range(n):
            if v not in used:
                used.add(v)
                current.append(v)
                build()
                current.pop()
                used.remove(v)

    build()
    return out


def word_paths(words: list[str]) -> int:
    seen = {}
    order = []

    def visit(i, depth):
        if i in seen:
            return seen[i]
        order.append(words[i])
        total = depth
        if i + 1 < len(words):
            total += visit(i + 1, depth + 1)
        seen[i] = total
        return total

    visit(0, 1)
    print(order, seen)
    return visit(0, 5)
