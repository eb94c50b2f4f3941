def main(n: int):
    words = "the cat sat on the mat with the hat".split()
    freq = {}
    for w in words:
        freq[w] = freq.get(w, 0) + 1
    for w, c in sorted(freq.items(), key=lambda t: (-t[1], t[0])):
        print(f"{w:>5}: {'*' * c}")
    d = dict(zip(["a", "b", "c"], [1, 2, 3]))
    print(d, sum(1 for w in words if len(w) == 3), any(w.startswith("h") for w in words))
    first, *rest = words
    print(first, len(rest), *rest[:3], sep="|")
    nums = list(map(int, "3 1 4 1 5 9 2 6".split()))
    print(nums[::2], nums[::-3], max(nums), nums.index(9))
    if (k := len(nums)) > 5:
        print("long", k)
    print(f"{1234567.891:,.2f}", f"{n:05d}", "%5.1f%%" % 12.345, "ab".center(6, "*"), "7".zfill(3))
    print(-7 // 2, -7 % 3, 7 % -3, round(2.675, 2), round(0.5), round(1.5))
    return sum(nums)
# ARGS: 42
