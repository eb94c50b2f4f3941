# ARGS: 10
def main(n: int) -> int:
    xs = list(range(n))
    print(xs[2:5], xs[:3], xs[7:], xs[::2], xs[::-1], xs[-3:], xs[1:-1:3])
    ys = xs[:]
    ys[0] = 99
    print(xs[0], ys[0])
    xs[2:4] = [20, 30, 40]
    print(xs)
    xs[:2] = []
    print(xs, len(xs))
    s = "hello world"
    print(s[1:4], s[::-1], s[-5:])
    return len(xs)
