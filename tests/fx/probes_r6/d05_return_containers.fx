# ARGS: 4
def histogram(xs: list[int]) -> dict[int, int]:
    h = {}
    for x in xs:
        h[x] = h.get(x, 0) + 1
    return h


def uniq(xs: list[int]) -> set[int]:
    return set(xs)


def squares(n: int) -> list[int]:
    return [i * i for i in range(n)]


def names(n: int) -> dict[str, float]:
    return {f"k{i}": i / 2 for i in range(n)}


def main(n: int) -> int:
    print(histogram([1, 2, 2, 3, 3, 3]))
    print(sorted(uniq([4, 4, 1])))
    print(squares(n), names(n))
    return n
