# ARGS: "$ cd /\n$ ls\ndir a\n14848514 b.txt\n8504156 c.dat\ndir d\n$ cd a\n$ ls\ndir e\n29116 f\n2557 g\n62596 h.lst\n$ cd e\n$ ls\n584 i\n$ cd ..\n$ cd ..\n$ cd d\n$ ls\n4060174 j\n8033020 d.log\n5626152 d.ext\n7214296 k"
def sizes(transcript: str) -> dict[str, int]:
    path: list[str] = []
    totals: dict[str, int] = {}
    for line in transcript.splitlines():
        parts = line.split()
        if parts[0] == "$":
            if parts[1] == "cd":
                if parts[2] == "/":
                    path = []
                elif parts[2] == "..":
                    path.pop()
                else:
                    path.append(parts[2])
        elif parts[0] != "dir":
            size = int(parts[0])
            for k in range(len(path) + 1):
                key = "/" + "/".join(path[:k])
                totals[key] = totals.get(key, 0) + size
    return totals


def main(transcript: str) -> int:
    totals = sizes(transcript)
    for k in sorted(totals):
        print(f"{k:<6} {totals[k]:>10}")
    small = sum(v for v in totals.values() if v <= 100000)
    need = 30000000 - (70000000 - totals["/"])
    freed = min(v for v in totals.values() if v >= need)
    print("part 1:", small, "part 2:", freed)
    return small + freed
