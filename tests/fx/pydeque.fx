"""deque (tests/test_pycollections.py)."""
from collections import deque
from fastext import f64, i64


def bfs(n: i64) -> i64:
    q = deque([0])
    seen = {0}
    while q:
        x = q.popleft()
        for y in (x * 2, x + 3):
            if y < n and y not in seen:
                seen.add(y)
                q.append(y)
    return len(seen)


def ops(xs: list[i64]) -> list[i64]:
    q = deque(xs)
    q.appendleft(-1)
    q.extendleft([7, 8])
    q.rotate(2)
    q.rotate(-1)
    a = q.popleft()
    q.append(a * 10)
    return list(q) + [q[0], q[-1], len(q)]


def window(xs: list[f64], k: i64) -> list[f64]:
    q = deque()
    out = []
    s = 0.0
    for x in xs:
        q.append(x)
        s += x
        if len(q) > k:
            s -= q.popleft()
        out.append(s)
    return out


def pop0(n: i64) -> i64:
    xs = list(range(n))
    t = 0
    while xs:
        t += xs.pop(0)
        if t % 7 == 0 and t % 5 != 0:
            xs.append(t % 5)
    return t
