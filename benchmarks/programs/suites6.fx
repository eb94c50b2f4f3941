"""Programs in the styles of pyperformance, SciMark and Rosetta Code (issue 12, round 6), written
as plain Python: the same sources as tests/fx/suites_r6/ (there with a `main` that prints), timed by
run.py.  Each entry point returns a number that run.py compares with CPython's."""
from typing import Optional


def random_matrix(rows: int, cols: int, seed: int) -> list[list[float]]:
    out = []
    for i in range(rows):
        row = []
        for j in range(cols):
            seed = (seed * 16807) % 2147483647
            row.append(seed / 2147483647.0)
        out.append(row)
    return out


def sor_execute(omega: float, grid: list[list[float]], cycles: int) -> None:
    m = len(grid)
    n = len(grid[0])
    omega_over_four = omega * 0.25
    one_minus_omega = 1.0 - omega
    for p in range(cycles):
        for i in range(1, m - 1):
            gi = grid[i]
            gim1 = grid[i - 1]
            gip1 = grid[i + 1]
            for j in range(1, n - 1):
                gi[j] = (omega_over_four * (gim1[j] + gip1[j] + gi[j - 1] + gi[j + 1])
                         + one_minus_omega * gi[j])


def sor(size: int, cycles: int) -> float:
    g = random_matrix(size, size, 101010)
    sor_execute(1.25, g, cycles)
    return sum(sum(row) for row in g)


def sparse_matmult(y: list[float], val: list[float], row: list[int], col: list[int],
                   x: list[float], cycles: int) -> None:
    m = len(row) - 1
    for reps in range(cycles):
        for r in range(m):
            s = 0.0
            for i in range(row[r], row[r + 1]):
                s += x[col[i]] * val[i]
            y[r] = s


def sparse(n: int, nz: int, cycles: int) -> float:
    nr = nz // n
    anz = nr * n
    x = [((i * 7919) % 1000) / 1000.0 for i in range(n)]
    y = [0.0] * n
    val = [((i * 104729) % 997) / 997.0 for i in range(anz)]
    col = [0] * anz
    row = [0] * (n + 1)
    for r in range(n):
        rowr = row[r]
        step = max(1, r // nr)
        row[r + 1] = rowr + nr
        for i in range(nr):
            col[rowr + i] = i * step
    sparse_matmult(y, val, row, col, x, cycles)
    return sum(y)


class Random:
    m1 = 2147483647
    m2 = 65536

    def __init__(self, seed: int):
        self.seed = seed
        self.m = [0] * 17
        self.i = 4
        self.j = 16
        jseed = seed % self.m1
        if jseed % 2 == 0:
            jseed -= 1
        k0 = 9069 % self.m2
        k1 = 9069 // self.m2
        j0 = jseed % self.m2
        j1 = jseed // self.m2
        for iloop in range(17):
            jseed = j0 * k0
            j1 = (jseed // self.m2 + j0 * k1 + j1 * k0) % (self.m2 // 2)
            j0 = jseed % self.m2
            self.m[iloop] = j0 + self.m2 * j1

    def next_double(self) -> float:
        k = self.m[self.i] - self.m[self.j]
        if k < 0:
            k += self.m1
        self.m[self.j] = k
        if self.i == 0:
            self.i = 16
        else:
            self.i -= 1
        if self.j == 0:
            self.j = 16
        else:
            self.j -= 1
        return k / self.m1


def monte_carlo(samples: int, rng: Random) -> float:
    under_curve = 0
    for count in range(samples):
        x = rng.next_double()
        y = rng.next_double()
        if x * x + y * y <= 1.0:
            under_curve += 1
    return under_curve / samples * 4.0


def montecarlo(samples: int) -> float:
    return monte_carlo(samples, Random(113))


INF = float("inf")


def floyd_warshall(n: int, edges: list[tuple[int, int, float]]):
    dist = [[INF] * n for _ in range(n)]
    nxt = [[-1] * n for _ in range(n)]
    for i in range(n):
        dist[i][i] = 0.0
        nxt[i][i] = i
    for u, v, w in edges:
        dist[u][v] = w
        nxt[u][v] = v
    for k in range(n):
        for i in range(n):
            dik = dist[i][k]
            for j in range(n):
                if dik + dist[k][j] < dist[i][j]:
                    dist[i][j] = dik + dist[k][j]
                    nxt[i][j] = nxt[i][k]
    return dist, nxt


def path(nxt, u, v):
    if nxt[u][v] == -1:
        return []
    p = [u]
    while u != v:
        u = nxt[u][v]
        p.append(u)
    return p


def floyd(n: int) -> float:
    edges = [(0, 2, -2.0), (2, 3, 2.0), (3, 1, -1.0), (1, 0, 4.0), (1, 2, 3.0)]
    for i in range(4, n):
        edges.append((i - 1, i, 1.5 * i))
        edges.append((i, (i * 7) % n, 2.0 + i % 5))
    dist, nxt = floyd_warshall(n, edges)
    total = 0.0
    for i in range(n):
        for j in range(n):
            if dist[i][j] < INF:
                total += dist[i][j] + len(path(nxt, i, j))
    return total


def lcs(a: str, b: str) -> str:
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n):
        for j in range(m):
            if a[i] == b[j]:
                table[i + 1][j + 1] = table[i][j] + 1
            else:
                table[i + 1][j + 1] = max(table[i + 1][j], table[i][j + 1])
    out = []
    i, j = n, m
    while i > 0 and j > 0:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))


def lcs_length(a: str, b: str) -> int:
    return len(lcs(a, b))


I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6
K_DEV = 1000
K_WORK = 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link: Optional["Packet"], ident: int, kind: int):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst: Optional["Packet"]) -> "Packet":
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self) -> None:
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def waiting_state(self) -> None:
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False

    def running_state(self) -> None:
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False

    def waiting_with_packet(self) -> None:
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False

    def is_task_holding_or_waiting(self) -> bool:
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self) -> bool:
        return self.packet_pending and self.task_waiting and not self.task_holding


class Task(TaskState):
    def __init__(self, ident: int, priority: int, work: Optional[Packet]):
        TaskState.__init__(self)
        self.ident = ident
        self.priority = priority
        self.input = work
        self.link: Optional["Task"] = None
        self.count = 0
        self.v1 = 0
        self.v2 = 0
        self.pkt_a: Optional[Packet] = None
        self.pkt_b: Optional[Packet] = None

    def fn(self, pkt: Optional[Packet], sched: "Scheduler") -> Optional["Task"]:
        raise NotImplementedError

    def add_packet(self, pkt: Packet, old: "Task") -> "Task":
        if self.input is None:
            self.input = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.input = pkt.append_to(self.input)
        return old

    def run_task(self, sched: "Scheduler") -> Optional["Task"]:
        if self.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running_state()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.fn(msg, sched)


class DeviceTask(Task):
    def fn(self, pkt: Optional[Packet], sched: "Scheduler") -> Optional[Task]:
        if pkt is None:
            pkt = self.pkt_a
            if pkt is None:
                return sched.wait()
            self.pkt_a = None
            return sched.queue(pkt)
        self.pkt_a = pkt
        sched.hold_count += 0
        return sched.hold()


class HandlerTask(Task):
    def fn(self, pkt: Optional[Packet], sched: "Scheduler") -> Optional[Task]:
        if pkt is not None:
            if pkt.kind == K_WORK:
                self.pkt_a = pkt.append_to(self.pkt_a)
            else:
                self.pkt_b = pkt.append_to(self.pkt_b)
        work = self.pkt_a
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.pkt_b
                if dev is not None:
                    self.pkt_b = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return sched.queue(dev)
            else:
                self.pkt_a = work.link
                return sched.queue(work)
        return sched.wait()


class IdleTask(Task):
    def fn(self, pkt: Optional[Packet], sched: "Scheduler") -> Optional[Task]:
        self.count -= 1
        if self.count == 0:
            return sched.hold()
        if self.v1 & 1 == 0:
            self.v1 = self.v1 >> 1
            return sched.release(I_DEVA)
        self.v1 = (self.v1 >> 1) ^ 0xD008
        return sched.release(I_DEVB)


class WorkTask(Task):
    def fn(self, pkt: Optional[Packet], sched: "Scheduler") -> Optional[Task]:
        if pkt is None:
            return sched.wait()
        if self.v1 == I_HANDLERA:
            dest = I_HANDLERB
        else:
            dest = I_HANDLERA
        self.v1 = dest
        pkt.ident = dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.v2 += 1
            if self.v2 > 26:
                self.v2 = 1
            pkt.data[i] = self.v2
        return sched.queue(pkt)


class Scheduler:
    def __init__(self):
        self.tasks: list[Task] = []
        self.current: Optional[Task] = None
        self.hold_count = 0
        self.qpkt_count = 0

    def add(self, t: Task) -> None:
        if self.tasks:
            t.link = self.tasks[-1]
        self.tasks.append(t)

    def find(self, ident: int) -> Task:
        for t in self.tasks:
            if t.ident == ident:
                return t
        raise ValueError("no task %d" % ident)

    def hold(self) -> Optional[Task]:
        self.hold_count += 1
        self.current.task_holding = True
        return self.current.link

    def wait(self) -> Optional[Task]:
        self.current.task_waiting = True
        return self.current

    def release(self, ident: int) -> Optional[Task]:
        t = self.find(ident)
        t.task_holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def queue(self, pkt: Packet) -> Optional[Task]:
        t = self.find(pkt.ident)
        self.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self) -> None:
        self.current = self.tasks[-1]
        while self.current is not None:
            if self.current.is_task_holding_or_waiting():
                self.current = self.current.link
            else:
                self.current = self.current.run_task(self)


def run_once(count: int) -> tuple[int, int]:
    s = Scheduler()
    idle = IdleTask(I_IDLE, 0, None)
    idle.v1 = 1
    idle.count = count
    idle.running_state()
    s.add(idle)
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    w = WorkTask(I_WORK, 1000, wkq)
    w.waiting_with_packet()
    w.v1 = I_HANDLERA
    s.add(w)
    for ident, prio in ((I_HANDLERA, 2000), (I_HANDLERB, 3000)):
        dev = I_DEVA if ident == I_HANDLERA else I_DEVB
        q = Packet(None, dev, K_DEV)
        q = Packet(q, dev, K_DEV)
        q = Packet(q, dev, K_DEV)
        h = HandlerTask(ident, prio, q)
        h.waiting_with_packet()
        s.add(h)
    for ident, prio in ((I_DEVA, 4000), (I_DEVB, 5000)):
        d = DeviceTask(ident, prio, None)
        d.waiting_state()
        s.add(d)
    s.schedule()
    return s.hold_count, s.qpkt_count


def richards(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        holds, qpkts = run_once(1000)
        total += holds + qpkts
    return total
