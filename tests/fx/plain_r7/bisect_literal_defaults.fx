import bisect
def grade(score: int, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    i = bisect.bisect(breakpoints, score)
    return grades[i]

def main(n: int):
    out = [grade(s) for s in [33, 99, 77, 70, 89, 90, 100]]
    print(out)
    xs = []
    for i in range(n):
        bisect.insort(xs, (i * 37) % 101)
    print(xs[:10])
    return "".join(out)
# ARGS: 30
