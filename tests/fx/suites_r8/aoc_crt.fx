# ARGS: 6
def program(n: int) -> list[str]:
    lines = []
    for i in range(n * 20):
        if i % 3 == 0:
            lines.append("noop")
        else:
            v = (i * 7) % 11 - 5
            lines.append("addx " + str(v))
    return lines


def run(lines: list[str]) -> tuple[int, list[str]]:
    x = 1
    cycle = 0
    strength = 0
    screen = []
    row = ""
    for line in lines:
        parts = line.split()
        steps = 1 if parts[0] == "noop" else 2
        for _ in range(steps):
            col = cycle % 40
            row += "#" if abs(col - x) <= 1 else "."
            cycle += 1
            if cycle % 40 == 20:
                strength += cycle * x
            if col == 39:
                screen.append(row)
                row = ""
        if parts[0] == "addx":
            x += int(parts[1])
    if row:
        screen.append(row)
    return strength, screen


def main(n: int) -> int:
    strength, screen = run(program(n))
    print("signal strength", strength)
    for r in screen:
        print(r)
    return strength
