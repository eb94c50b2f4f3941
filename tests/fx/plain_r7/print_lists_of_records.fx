from dataclasses import dataclass
from collections import deque

@dataclass
class P:
    x: float
    name: str = "p"

def main(n: int):
    ps = [P(i * 0.5) for i in range(n)]
    print(ps)
    print((ps[0],), (ps[0], 3))
    d = {i: ps[i] for i in range(n)}
    print(d)
    grid = [[P(1.0), P(2.0)], []]
    print(grid, f"{ps[:2]}", str(ps[:1]), repr(ps[1:2]))
    q = deque(ps[:2])
    print(q)
    return len(str(ps))
# ARGS: 3
