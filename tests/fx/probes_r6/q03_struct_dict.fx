# ARGS: 4
from fastext import struct, f64, i64


@struct(mutable=True)
class Counter:
    hits: i64
    total: f64

    def add(self, v: f64):
        self.hits += 1
        self.total += v

    def mean(self) -> f64:
        return self.total / self.hits if self.hits else 0.0


def wrap(text: str, width: int) -> list[str]:
    lines = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    if line:
        lines.append(line)
    return lines


def main(n: int) -> float:
    stats = {}
    for i in range(20):
        key = i % n
        if key not in stats:
            stats[key] = Counter(0, 0.0)
        stats[key].add(i * 0.5)
    for k in sorted(stats):
        c = stats[k]
        print(f"{k}: hits={c.hits} mean={c.mean():.3f}")
    for line in wrap("the quick brown fox jumps over the lazy dog " * 2, 16):
        print(f"|{line:<16}|")
    cache = {}
    order = []
    for key in [1, 2, 3, 1, 4, 5, 2]:
        if key in cache:
            order.remove(key)
        elif len(cache) >= 3:
            old = order.pop(0)
            del cache[old]
        cache[key] = key * key
        order.append(key)
    print(order, sorted(cache.items()))
    return sum(c.total for c in stats.values())
