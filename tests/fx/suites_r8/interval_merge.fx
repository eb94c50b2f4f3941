# ARGS: [(1, 3), (2, 6), (8, 10), (15, 18), (17, 20), (9, 12), (0, 0), (21, 22)]
def merge(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def max_overlap(intervals: list[tuple[int, int]]) -> tuple[int, int]:
    events = []
    for lo, hi in intervals:
        events.append((lo, 1))
        events.append((hi, -1))
    events.sort(key=lambda e: (e[0], -e[1]))
    best = cur = 0
    at = 0
    for x, d in events:
        cur += d
        if cur > best:
            best, at = cur, x
    return best, at


def gaps(merged: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(a[1], b[0]) for a, b in zip(merged, merged[1:]) if b[0] > a[1]]


def main(intervals: list[tuple[int, int]]) -> int:
    m = merge(intervals)
    print(m)
    print(max_overlap(intervals), gaps(m))
    covered = sum(hi - lo for lo, hi in m)
    print("covered", covered)
    return covered
