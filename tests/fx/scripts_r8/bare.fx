# ARGS: 4
class Bag:
    def __init__(self, n: int):
        self.items = [i * 2 for i in range(n)]

    def evens(self) -> list:
        return [x for x in self.items if x % 4 == 0]

def counts(xs: list[int]) -> dict:
    d = {}
    for x in xs:
        d[x % 3] = d.get(x % 3, 0) + 1
    return d

def ident(xs: list) -> list:
    return xs

def pair(n: int) -> tuple:
    return n, n * 0.5

def main(n: int):
    b = Bag(n)
    print(b.evens(), counts(b.items), pair(n))
    return counts(list(range(n)))
