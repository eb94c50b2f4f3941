def main(n: int):
    s = "Hello, World"
    print(s[::-1], s.swapcase(), s.count("l"), s.index("W"), s.rjust(15, "."), s.encode()[:3])
    words = s.lower().replace(",", "").split()
    print(words, "-".join(reversed(words)), [w.capitalize() for w in words])
    table = {w: len(w) for w in words}
    print(table, max(table, key=table.get))
    nums = "3,1,4,1,5"
    vals = sorted(set(int(x) for x in nums.split(",")))
    print(vals, f"{sum(vals) / len(vals):.3f}", str(vals)[1:-1])
    return len(s)
# ARGS: 1
