# ARGS: 3
from typing import Optional

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


def main(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        holds, qpkts = run_once(1000 * (i + 1))
        print("run %d: hold_count=%d qpkt_count=%d" % (i, holds, qpkts))
        total += holds + qpkts
    return total
