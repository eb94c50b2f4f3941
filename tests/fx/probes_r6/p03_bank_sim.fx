# ARGS: 500
import random


def simulate(n: int, seed: int) -> dict[str, float]:
    random.seed(seed)
    queue = []
    waits = []
    served = 0
    for t in range(n):
        if random.random() < 0.3:
            queue.append(t)
        if queue and random.random() < 0.35:
            arrived = queue.pop(0)
            waits.append(t - arrived)
            served += 1
    mean = sum(waits) / len(waits) if waits else 0.0
    return {"served": float(served), "mean_wait": mean, "left": float(len(queue))}


def main(n: int) -> bool:
    a = simulate(n, 1)
    b = simulate(n, 1)
    print(sorted(a.keys()), a == b, a["served"] + a["left"] <= n)
    return a == b
