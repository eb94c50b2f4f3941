# ARGS: "498,4 -> 498,6 -> 496,6\n503,4 -> 502,4 -> 502,9 -> 494,9"
def rocks(text: str) -> set[tuple[int, int]]:
    cells = set()
    for line in text.splitlines():
        points = []
        for p in line.split(" -> "):
            x, y = map(int, p.split(","))
            points.append((x, y))
        for (x1, y1), (x2, y2) in zip(points, points[1:]):
            for x in range(min(x1, x2), max(x1, x2) + 1):
                for y in range(min(y1, y2), max(y1, y2) + 1):
                    cells.add((x, y))
    return cells


def pour(blocked: set[tuple[int, int]], floor: bool) -> int:
    filled = set(blocked)
    bottom = max(y for _, y in blocked)
    count = 0
    while (500, 0) not in filled:
        x, y = 500, 0
        while True:
            if y > bottom + 1:
                break
            if (x, y + 1) not in filled and not (floor and y + 1 == bottom + 2):
                y += 1
            elif (x - 1, y + 1) not in filled and not (floor and y + 1 == bottom + 2):
                x, y = x - 1, y + 1
            elif (x + 1, y + 1) not in filled and not (floor and y + 1 == bottom + 2):
                x, y = x + 1, y + 1
            else:
                break
        if y > bottom + 1 and not floor:
            return count
        filled.add((x, y))
        count += 1
    return count


def main(text: str) -> int:
    blocked = rocks(text)
    a = pour(blocked, False)
    b = pour(blocked, True)
    print(len(blocked), "rock cells; sand", a, b)
    return a + b
