# ARGS: 30
def step(live: set[tuple[int, int]]) -> set[tuple[int, int]]:
    counts: dict[tuple[int, int], int] = {}
    for x, y in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    key = (x + dx, y + dy)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}


def show(live: set[tuple[int, int]]) -> list[str]:
    xs = [x for x, _ in live]
    ys = [y for _, y in live]
    rows = []
    for y in range(min(ys), max(ys) + 1):
        rows.append("".join("#" if (x, y) in live else "." for x in range(min(xs), max(xs) + 1)))
    return rows


def main(generations: int) -> int:
    glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
    r_pentomino = {(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)}
    g = glider
    for _ in range(8):
        g = step(g)
    print(sorted(g))
    live = r_pentomino
    sizes = []
    for _ in range(generations):
        live = step(live)
        sizes.append(len(live))
    print(sizes)
    for row in show(live)[:5]:
        print(row)
    return len(live)
