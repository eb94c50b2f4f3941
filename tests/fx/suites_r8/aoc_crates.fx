# ARGS: "    [D]    \n[N] [C]    \n[Z] [M] [P]\n 1   2   3 \n\nmove 1 from 2 to 1\nmove 3 from 1 to 3\nmove 2 from 2 to 1\nmove 1 from 1 to 2"
def parse_stacks(drawing: list[str]) -> list[list[str]]:
    count = len(drawing[-1].split())
    stacks = [[] for _ in range(count)]
    for line in reversed(drawing[:-1]):
        for i in range(count):
            pos = 1 + 4 * i
            if pos < len(line) and line[pos] != " ":
                stacks[i].append(line[pos])
    return stacks


def run(text: str, keep_order: bool) -> str:
    top, moves = text.split("\n\n")
    stacks = parse_stacks(top.split("\n"))
    for line in moves.strip().split("\n"):
        words = line.split()
        n, src, dst = int(words[1]), int(words[3]) - 1, int(words[5]) - 1
        if keep_order:
            crates = stacks[src][-n:]
            del stacks[src][-n:]
            stacks[dst].extend(crates)
        else:
            for _ in range(n):
                stacks[dst].append(stacks[src].pop())
    return "".join(s[-1] for s in stacks if s)


def main(text: str) -> int:
    one = run(text, False)
    two = run(text, True)
    print("part 1:", one)
    print("part 2:", two)
    return len(one) + len(two)
