# ARGS: 4
def neighbours(size: int) -> dict[tuple[int, int], list[tuple[int, int]]]:
    cells = [(r, c) for r in range(size) for c in range(size)]
    out = {}
    for r, c in cells:
        near = []
        for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1), (-1, 1), (1, -1)):
            rr, cc = r + dr, c + dc
            if 0 <= rr < size and 0 <= cc < size:
                near.append((rr, cc))
        out[(r, c)] = near
    return out


def solve(size: int) -> int:
    adj = neighbours(size)
    order = sorted(adj, key=lambda cell: (-len(adj[cell]), cell))
    colour: dict[tuple[int, int], int] = {}
    found = 0
    first: dict[tuple[int, int], int] = {}

    def place(k: int) -> bool:
        nonlocal found, first
        if k == len(order):
            found += 1
            if not first:
                first = dict(colour)
            return found >= 3
        cell = order[k]
        used = {colour[n] for n in adj[cell] if n in colour}
        for col in range(3):
            if col in used:
                continue
            colour[cell] = col
            if place(k + 1):
                return True
            del colour[cell]
        return False

    place(0)
    print(sorted(first.items())[:4])
    return found


def main(size: int) -> int:
    print(sorted(neighbours(3)[(1, 1)]))
    total = 0
    for s in range(1, size + 1):
        f = solve(s)
        print("size", s, "colourings found", f)
        total += f
    return total
