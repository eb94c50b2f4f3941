# ARGS: "kayak level", 5
def ends(xs):
    head, *middle, tail = xs
    return head, middle, tail


def main(text: str, n: int) -> None:
    first, *others = text.split()
    print(first, others)
    letters, *_ = text
    print(letters)
    print(ends(list(range(n))))
    table = dict(zip(text.split(), range(n)))
    print(table, dict(enumerate("ab")))
    print("".join(reversed(text)), list(reversed([n, n + 1])), max(reversed(list(range(n)))))
    try:
        a, b, *rest = [n]
        print(a, b, rest)
    except ValueError as e:
        print("error:", e)
