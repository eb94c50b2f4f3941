from __future__ import annotations
from typing import Optional


class Task:
    PRIORITY = 1

    def __init__(self, ident: int, work: int):
        self.ident = ident
        self.work = work
        self.done = 0
        self.next: Optional[Task] = None

    def run(self, tick: int) -> int:
        step = min(self.work - self.done, self.PRIORITY)
        self.done += step
        return step

    def finished(self) -> bool:
        return self.done >= self.work

    def label(self) -> str:
        return f"task{self.ident}"


class IdleTask(Task):
    def run(self, tick: int) -> int:
        self.done += 1
        return 0

    def finished(self) -> bool:
        return self.done >= self.work


class UrgentTask(Task):
    PRIORITY = 3

    def __init__(self, ident: int, work: int, boost: int):
        super().__init__(ident, work)
        self.boost = boost

    def run(self, tick: int) -> int:
        got = super().run(tick)
        if tick % 5 == 0:
            self.done += self.boost
            got += self.boost
        return got

    def label(self) -> str:
        return "urgent-" + Task.label(self)


class Scheduler:
    def __init__(self):
        self.head: Optional[Task] = None
        self.count = 0

    def add(self, t: Task) -> None:
        t.next = self.head
        self.head = t
        self.count += 1

    def run(self, limit: int) -> int:
        tick = 0
        total = 0
        while tick < limit and self.head is not None:
            t = self.head
            prev: Optional[Task] = None
            while t is not None:
                total += t.run(tick)
                if t.finished():
                    print("finished", t.label(), "at", tick, "priority", t.PRIORITY)
                    if prev is None:
                        self.head = t.next
                    else:
                        prev.next = t.next
                else:
                    prev = t
                t = t.next
            tick += 1
        return total * 1000 + tick


def simulate(n: int, limit: int) -> int:
    s = Scheduler()
    for i in range(n):
        if i % 3 == 0:
            s.add(UrgentTask(i, 5 + i, 2))
        elif i % 3 == 1:
            s.add(Task(i, 3 + 2 * i))
        else:
            s.add(IdleTask(i, 4))
    print("tasks:", s.count, UrgentTask.PRIORITY, IdleTask.PRIORITY)
    return s.run(limit)
