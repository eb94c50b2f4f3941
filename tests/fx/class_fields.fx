"""Class fields people write: containers, tuples, arrays, constructor arguments typed by the caller's
annotations (tests/test_class_fields.py)."""
import heapq


class Counter2:
    def __init__(self, n: int):
        self.counts: dict[int, int] = {}
        self.order: list[int] = []
        self.seen: set[int] = set()
        self.total = 0

    def add(self, x: int) -> None:
        if x not in self.seen:
            self.seen.add(x)
            self.order.append(x)
        self.counts[x] = self.counts.get(x, 0) + 1
        self.total += 1

    def top(self) -> int:
        best = -1
        bc = 0
        for k, v in self.counts.items():
            if v > bc:
                best, bc = k, v
        return best


def run(n: int) -> tuple[int, int, int, int]:
    c = Counter2(n)
    for i in range(n):
        c.add(i * i % 7)
    return c.top(), len(c.order), len(c.seen), c.total


class Graph:
    def __init__(self, n):
        self.n = n
        self.adj: list[list[int]] = []
        for i in range(n):
            self.adj.append([])

    def add_edge(self, u, v):
        self.adj[u].append(v)
        self.adj[v].append(u)

    def degree(self, u):
        return len(self.adj[u])


class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v


def main(n: int, dt: float) -> int:
    g = Graph(n)
    for i in range(n - 1):
        g.add_edge(i, i + 1)
    ps = [Particle(i * dt, dt) for i in range(n)]
    for i in range(n):
        p = Particle(i, dt)
    return g.degree(1) + len(ps) + int(p.x)


class Bag:
    def __init__(self, n: int):
        self.counts: dict[int, int] = {}
        self.k = 2
        self.pair = (n, 2.5)
        self.seen: set[int] = set()
        self.counts[n] = 1
        self.seen.add(n)


def bag(n: int) -> int:
    b = Bag(n)
    return len(b.counts) + len(b.seen) + b.k + b.pair[0]


class Item:
    def __init__(self, name: str, price: float):
        self.name = name
        self.price = price
        self.tag = "item"

    def label(self) -> str:
        return f"{self.name}: {self.price:.2f} ({self.tag})"


class Shop:
    def __init__(self, title):
        self.title = title
        self.items: list[Item] = []
        self.by_name: dict[str, float] = {}

    def add(self, name: str, price: float) -> None:
        it = Item(name, price)
        it.tag = "new-" + name[:2]
        self.items.append(it)
        self.by_name[name] = price


def shop(n: int) -> str:
    s = Shop("corner")
    for i in range(n):
        s.add(f"thing{i}", i * 1.25)
    out = [s.title]
    for it in s.items:
        out.append(it.label())
    print(", ".join(out))
    return s.items[-1].label() if s.items else s.title


class Tag:
    def __init__(self, name: str, n: int):
        self.name = name
        self.n = n
        self.other = "x"


def make(name: str, k: int) -> str:
    tags = [Tag(name, i) for i in range(k)]
    for t in tags:
        t.other = name + "!"
        t.name = t.other
    t0 = Tag(name, 0)
    t0.name = name
    return t0.name + tags[-1].name if tags else t0.name


class Inventory:
    def __init__(self):
        self.items = []
        self.index = {}
        self.seen = set()

    def add(self, name: str, qty: int) -> None:
        self.items.append(qty)
        self.index[name] = qty
        self.seen.add(name)

    def total(self) -> int:
        return sum(self.items)


class Stack:
    def __init__(self):
        self.data = []

    def push(self, x: float) -> None:
        self.data.append(x)

    def pop(self) -> float:
        return self.data.pop()


def filled(n: int) -> int:
    inv = Inventory()
    for i in range(n):
        inv.add(f"k{i % 3}", i)
    s = Stack()
    for i in range(n):
        s.push(i * 0.5)
    t = 0.0
    while s.data:
        t += s.pop()
    print(inv.total(), sorted(inv.seen), inv.index, t)
    return len(inv.index)


class FloatStack:
    def __init__(self):
        self.items = []

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()


def stacked(n: int) -> int:
    s = FloatStack()
    for i in range(n):
        s.push(i * 2.5)
    t = 0.0
    while s.items:
        t += s.pop()
    return int(t)




class Account:
    def __init__(self, owner: str, balance: float):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount: float) -> None:
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount: float) -> bool:
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True

    def __repr__(self) -> str:
        return f"Account({self.owner!r}, {self.balance:.2f})"


class LRU:
    def __init__(self, cap: int):
        self.cap = cap
        self.store = {}
        self.order = []

    def get(self, k: int) -> int:
        if k in self.store:
            self.order.remove(k)
            self.order.append(k)
            return self.store[k]
        return -1

    def put(self, k: int, v: int) -> None:
        if k in self.store:
            self.order.remove(k)
        elif len(self.store) >= self.cap:
            old = self.order.pop(0)
            del self.store[old]
        self.store[k] = v
        self.order.append(k)


class WGraph:
    def __init__(self):
        self.edges = {}

    def add(self, u: int, v: int, w: float) -> None:
        self.edges.setdefault(u, []).append((v, w))
        self.edges.setdefault(v, []).append((u, w))

    def dijkstra(self, src: int) -> dict[int, float]:
        dist = {src: 0.0}
        pq = [(0.0, src)]
        while pq:
            d, u = heapq.heappop(pq)
            if d > dist.get(u, float("inf")):
                continue
            for v, w in self.edges.get(u, []):
                nd = d + w
                if nd < dist.get(v, float("inf")):
                    dist[v] = nd
                    heapq.heappush(pq, (nd, v))
        return dist


def accounts(n: int) -> int:
    acct = Account("ann", 10.0)
    for i in range(n):
        acct.deposit(i * 1.5)
        acct.withdraw(i * 2.0)
    print(acct, len(acct.history))
    cache = LRU(3)
    hits = 0
    for i in range(n * 3):
        if cache.get(i % 5) >= 0:
            hits += 1
        cache.put(i % 5, i)
    print(hits, cache.order)
    g = WGraph()
    for i in range(n):
        g.add(i, (i * 3 + 1) % n, 1.0 + i % 4)
    d = g.dijkstra(0)
    print(sorted(d.items())[:5])
    return len(d)
