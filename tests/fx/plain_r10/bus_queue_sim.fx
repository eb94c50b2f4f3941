# A bus stop simulated minute by minute from a seeded random stream: passengers arrive, buses
# with limited room come on a timetable with delays; waiting times are summarised at the end.
import random


class Passenger:
    def __init__(self, ident, arrived):
        self.ident = ident
        self.arrived = arrived


class Stop:
    def __init__(self, name):
        self.name = name
        self.queue = []
        self.waits = []
        self.left_behind = 0

    def arrive(self, p):
        self.queue.append(p)

    def board(self, minute, room):
        taken = 0
        while self.queue and taken < room:
            p = self.queue.pop(0)
            self.waits.append(minute - p.arrived)
            taken += 1
        self.left_behind += len(self.queue)
        return taken


def percentile(values, q):
    s = sorted(values)
    if not s:
        return 0
    k = min(len(s) - 1, int(q * len(s)))
    return s[k]


def main(n: int):
    random.seed(n)
    stop = Stop("Main St")
    next_id = 0
    buses = [(t + random.randint(0, 4), random.choice([10, 20, 30])) for t in range(5, 120, 15)]
    log = []
    for minute in range(120):
        for _ in range(random.randint(0, 3)):
            stop.arrive(Passenger(next_id, minute))
            next_id += 1
        for due, room in buses:
            if due == minute:
                taken = stop.board(minute, room)
                log.append(f"{minute:3d}: bus room {room:2d} took {taken:2d}, {len(stop.queue)} waiting")
    print("\n".join(log))
    waits = stop.waits
    mean = sum(waits) / len(waits)
    print(f"{stop.name}: {len(waits)} boarded of {next_id}, mean wait {mean:.2f}, "
          f"median {percentile(waits, 0.5)}, p90 {percentile(waits, 0.9)}, max {max(waits)}")
    print("left behind (passenger-buses):", stop.left_behind)
    return len(waits)
# ARGS: 7
