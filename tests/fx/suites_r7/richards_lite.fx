# ARGS: 40
from __future__ import annotations


class Task:
    def __init__(self, ident: int, priority: int, work: int):
        self.ident = ident
        self.priority = priority
        self.work = work
        self.done = 0
        self.waiting = False
        self.link: Task | None = None


def build(n: int) -> Task:
    head = None
    for i in range(n):
        t = Task(i, (i * 7) % 5, 3 + i % 4)
        t.link = head
        head = t
    return head


def schedule(head: Task, rounds: int) -> list[int]:
    trace = []
    for r in range(rounds):
        best = None
        t = head
        while t is not None:
            if not t.waiting and t.done < t.work and (best is None or t.priority > best.priority):
                best = t
            t = t.link
        if best is None:
            break
        best.done += 1
        trace.append(best.ident)
        if best.done % 2 == 0:
            best.waiting = True
        if r % 5 == 4:
            t = head
            while t is not None:
                t.waiting = False
                t = t.link
    return trace


def main(rounds: int) -> int:
    head = build(6)
    trace = schedule(head, rounds)
    print(" ".join(str(i) for i in trace))
    t = head
    while t is not None:
        print("task", t.ident, "prio", t.priority, "done", t.done, "/", t.work)
        t = t.link
    return len(trace)
