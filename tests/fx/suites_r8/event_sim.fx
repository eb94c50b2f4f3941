# ARGS: 40
import heapq


def simulate(customers: int) -> tuple[float, float, int]:
    seed = 7
    events = []
    seq = 0
    t = 0.0
    for i in range(customers):
        seed = (seed * 48271) % 2147483647
        t += 1.0 + (seed % 1000) / 250.0
        heapq.heappush(events, (t, seq, "arrive", i))
        seq += 1
    busy_until = 0.0
    waits = []
    served = 0
    log = []
    while events:
        time, _, kind, who = heapq.heappop(events)
        if kind == "arrive":
            start = max(time, busy_until)
            seed = (seed * 48271) % 2147483647
            service = 2.0 + (seed % 500) / 125.0
            busy_until = start + service
            waits.append(start - time)
            heapq.heappush(events, (busy_until, seq, "leave", who))
            seq += 1
        else:
            served += 1
            if len(log) < 4:
                log.append(f"{time:8.3f} customer {who:3d} leaves")
    for line in log:
        print(line)
    return sum(waits) / len(waits), max(waits), served


def main(n: int) -> float:
    mean, worst, served = simulate(n)
    print(f"served {served}, mean wait {mean:.3f}, worst {worst:.3f}")
    return round(mean, 6)
