# ARGS: 8
def main(n: int) -> int:
    xs = list(range(n))
    evens = xs[::2]
    odds = xs[1::2]
    merged = [x for pair in zip(evens, odds) for x in pair]
    print(merged == xs)
    xs[::2] = [0] * len(evens)
    print(xs)
    del xs[1:3]
    last = xs.pop(-1)
    print(xs, last)
    stack = [[1, 2], [3]]
    stack[-1].extend([4, 5])
    stack.append(stack.pop(0))
    print(stack, [len(s) for s in stack])
    m = max(range(n), key=lambda i: (i * 5) % 7)
    idx = sorted(range(n), key=lambda i: xs[i] if i < len(xs) else -1)
    print(m, idx)
    words = "b a c b a".split()
    print(sorted(set(words)), words.index("c"), [w for w in words if w != "a"])
    return sum(xs)
