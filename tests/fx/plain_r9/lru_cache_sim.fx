# An LRU cache built on collections.OrderedDict (the common interview answer): move_to_end on
# a hit, popitem(last=False) to evict; simulated on a pseudo-random access pattern.
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: int) -> int:
        if key not in self.data:
            self.misses += 1
            return -1
        self.hits += 1
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key: int, value: int) -> None:
        if key in self.data:
            self.data.move_to_end(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print("  evict", old)

    def keys(self):
        return list(self.data.keys())


def lcg(seed):
    return (seed * 1103515245 + 12345) % 2147483648


def main(n: int):
    cache = LRUCache(3)
    for k in [1, 2, 3]:
        cache.put(k, k * 10)
    print(cache.get(1), cache.get(2), cache.keys())
    cache.put(4, 40)
    print(cache.get(3), cache.keys())
    seed = 7
    for _ in range(n):
        seed = lcg(seed)
        key = seed % 6
        if cache.get(key) == -1:
            cache.put(key, key * 10)
    print("hits", cache.hits, "misses", cache.misses)
    print(cache.data)
    first = OrderedDict()
    for word in "the quick brown fox jumps over the lazy dog".split():
        first[word] = len(word)
    first.move_to_end("the", last=False)
    print(list(first.items())[:4], first.popitem())
    return cache.hits
# ARGS: 20
