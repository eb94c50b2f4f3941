# A task scheduler simulation: tasks as class instances ordered by __lt__ in a heapq priority
# queue, workers as a list of free times, and a log of who ran what when.
import heapq


class Task:
    def __init__(self, name: str, priority: int, duration: int, arrival: int):
        self.name = name
        self.priority = priority
        self.duration = duration
        self.arrival = arrival

    def __lt__(self, other):
        if self.priority != other.priority:
            return self.priority < other.priority
        return self.arrival < other.arrival

    def __repr__(self):
        return f"Task({self.name!r}, p={self.priority})"


def make_tasks(n):
    tasks = []
    for i in range(n):
        tasks.append(Task(f"t{i}", (i * 7) % 4, 1 + (i * 5) % 6, i // 2))
    return tasks


def simulate(tasks, workers):
    pending = sorted(tasks, key=lambda t: t.arrival)
    ready = []
    free_at = [0] * workers
    log = []
    time = 0
    i = 0
    while i < len(pending) or ready:
        while i < len(pending) and pending[i].arrival <= time:
            heapq.heappush(ready, pending[i])
            i += 1
        w = min(range(workers), key=lambda k: free_at[k])
        if ready and free_at[w] <= time:
            task = heapq.heappop(ready)
            free_at[w] = time + task.duration
            log.append((time, w, task.name, task.duration))
        else:
            time += 1
    return log, max(free_at)


def main(n: int):
    tasks = make_tasks(n)
    print(tasks[:4])
    print(sorted(tasks)[:3], min(tasks), max(tasks))
    log, finish = simulate(tasks, 2)
    for start, w, name, d in log:
        print(f"{start:>3}: worker {w} runs {name} for {d}")
    print("finished at", finish)
    waits = {}
    for start, _, name, _ in log:
        waits[name] = start
    print("longest wait:", max(waits, key=lambda k: waits[k] - int(k[1:]) // 2))
    return finish
# ARGS: 10
