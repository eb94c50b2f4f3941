# ARGS: "two1nine\neightwothree\nabcone2threexyz\nxtwone3four\n4nineeightseven2\nzoneight234\n7pqrstsixteen\n1abc2\npqr3stu8vwx"
WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def digits_only(line: str) -> int:
    ds = [c for c in line if c.isdigit()]
    if not ds:
        return 0
    return int(ds[0] + ds[-1])


def with_words(line: str) -> int:
    found = []
    for i in range(len(line)):
        if line[i].isdigit():
            found.append(int(line[i]))
        else:
            for v, w in enumerate(WORDS):
                if line.startswith(w, i):
                    found.append(v + 1)
    return found[0] * 10 + found[-1]


def main(text: str) -> int:
    lines = text.strip().split("\n")
    part1 = sum(digits_only(l) for l in lines)
    part2 = sum(with_words(l) for l in lines)
    for l in lines[:3]:
        print(l, digits_only(l), with_words(l))
    print("part 1:", part1, "part 2:", part2)
    return part1 + part2
