def main(n: int):
    nums = [3, 1, 4, 1, 5, 9, 2, 6]
    if (k := len(nums)) > 5:
        print("long", k)
    xs = [y for x in nums if (y := x * x) > 10]
    print(xs, y)
    i = 0
    total = 0
    while (i := i + 1) < n:
        total += i
    print(total)
    data = [1.5, 2.5]
    if (m := max(data)) > 2:
        print(f"max {m}")
    return k
# ARGS: 6
