# ARGS: 4
def step(live: set[tuple[int, int]]) -> set[tuple[int, int]]:
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    k = (x + dx, y + dy)
                    counts[k] = counts.get(k, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}


def main(gens: int) -> int:
    live = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
    for g in range(gens):
        live = step(live)
        print(g, sorted(live))
    return len(live)
