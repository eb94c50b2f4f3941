# ARGS: "2-4,6-8\n2-3,4-5\n5-7,7-9\n2-8,3-7\n6-6,4-6\n2-6,4-8", "A Y\nB X\nC Z\nA X\nC Y\nB Z"
def overlaps(text: str) -> tuple[int, int]:
    contained = 0
    overlapping = 0
    for line in text.strip().splitlines():
        left, right = line.split(",")
        a, b = map(int, left.split("-"))
        c, d = map(int, right.split("-"))
        if (a <= c and d <= b) or (c <= a and b <= d):
            contained += 1
        if a <= d and c <= b:
            overlapping += 1
    return contained, overlapping


SHAPE = {"X": 1, "Y": 2, "Z": 3}


def score(text: str) -> tuple[int, int]:
    total1 = 0
    total2 = 0
    for line in text.splitlines():
        them, me = line.split()
        t = ord(them) - ord("A")
        m = ord(me) - ord("X")
        outcome = (m - t + 1) % 3
        total1 += SHAPE[me] + 3 * outcome
        wanted = (t + m - 1) % 3
        total2 += wanted + 1 + 3 * m
    return total1, total2


def main(ranges: str, games: str) -> int:
    c, o = overlaps(ranges)
    print("contained", c, "overlapping", o)
    s1, s2 = score(games)
    print("scores", s1, s2)
    return c + o + s1 + s2
