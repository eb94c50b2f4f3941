# Conway's Game of Life on a list of lists with wrap-around edges: a glider and a blinker,
# printed generation by generation, and population counts over time.


def parse(rows):
    return [[1 if ch == "#" else 0 for ch in row] for row in rows]


def neighbours(grid, r, c):
    h, w = len(grid), len(grid[0])
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if dr == 0 and dc == 0:
                continue
            total += grid[(r + dr) % h][(c + dc) % w]
    return total


def step(grid):
    h, w = len(grid), len(grid[0])
    new = [[0] * w for _ in range(h)]
    for r in range(h):
        for c in range(w):
            n = neighbours(grid, r, c)
            if grid[r][c] == 1 and n in (2, 3):
                new[r][c] = 1
            elif grid[r][c] == 0 and n == 3:
                new[r][c] = 1
    return new


def show(grid):
    for row in grid:
        print("".join("#" if cell else "." for cell in row))


def population(grid):
    return sum(sum(row) for row in grid)


def main(generations: int):
    glider = parse([
        ".#......",
        "..#.....",
        "###.....",
        "........",
        "........",
        "........",
    ])
    for g in range(3):
        print("generation", g)
        show(glider)
        glider = step(glider)
    for _ in range(generations):
        glider = step(glider)
    print("after", generations + 3)
    show(glider)
    blinker = parse([".....", "..#..", "..#..", "..#..", "....."])
    history = [population(blinker)]
    states = [blinker]
    for _ in range(4):
        blinker = step(blinker)
        history.append(population(blinker))
        states.append(blinker)
    print("blinker populations", history, "period 2:", states[0] == states[2], states[0] == states[1])
    return population(glider)
# ARGS: 8
