# ARGS: "1000\n2000\n3000\n\n4000\n\n5000\n6000\n\n7000\n8000\n9000\n\n10000", "vJrwpWtwJgWrhcsFMMfFFhFp\njqHRNqRjqzjGDLGLrsFMfFZSrLrFZsSL\nPmmdzqPrVvPwwTWBwg\nwMqvLMZHhHMvwLHjbvcjnnSBnvTQFn\nttgJtRGJQctTZtZT\nCrZsJsPPZsGzwwsLwLmpwMDw", "mjqjpqmgbljsphdztnvjfqwrcgsmlb"
def calories(text: str) -> tuple[int, int]:
    totals = sorted((sum(int(x) for x in block.split()) for block in text.split("\n\n")), reverse=True)
    return totals[0], sum(totals[:3])


def priority(ch: str) -> int:
    return ord(ch) - ord("a") + 1 if ch.islower() else ord(ch) - ord("A") + 27


def rucksacks(text: str) -> tuple[int, int]:
    lines = text.splitlines()
    part1 = 0
    for line in lines:
        half = len(line) // 2
        common = set(line[:half]) & set(line[half:])
        part1 += sum(priority(c) for c in common)
    part2 = 0
    for i in range(0, len(lines), 3):
        badge = set(lines[i]) & set(lines[i + 1]) & set(lines[i + 2])
        part2 += sum(priority(c) for c in badge)
    return part1, part2


def marker(signal: str, size: int) -> int:
    for i in range(size, len(signal) + 1):
        if len(set(signal[i - size:i])) == size:
            return i
    return -1


def main(cal: str, sacks: str, signal: str) -> int:
    best, top3 = calories(cal)
    p1, p2 = rucksacks(sacks)
    m4, m14 = marker(signal, 4), marker(signal, 14)
    print("calories", best, top3)
    print("rucksacks", p1, p2)
    print("markers", m4, m14)
    return best + p1 + m14
