# ARGS: 5
def main(n: int) -> int:
    seen = []

    def visit(k: int):
        seen.append(k)

    for i in range(n):
        visit(i * i)
    count = len(seen)
    print(count, seen)
    xs = [1.0, 2.0, 4.0]
    ys = [3.0, 5.0, 7.0]
    for i, (x, y) in enumerate(zip(xs, ys)):
        print(i, x * y)
    return count
