# ARGS: 3
def make(n: int) -> dict[str, list[int]]:
    return {"a": list(range(n)), "b": [n] * n}


def pairs(n: int) -> list[tuple[int, str]]:
    return [(i, str(i)) for i in range(n)]


def sset(n: int) -> set[int]:
    return {i * i for i in range(n)}


def main(n: int) -> int:
    print(make(n), pairs(n), sorted(sset(n)))
    return n
