# ARGS: "cold", "warm", "cold cord card ward warm word wore core bold bolt boat coat cost most mist wist wart worm corm"
from collections import deque


def ladder(start: str, goal: str, words: list[str]) -> list[str]:
    pool = set(words)
    prev = {start: ""}
    queue = deque([start])
    letters = "abcdefghijklmnopqrstuvwxyz"
    while queue:
        w = queue.popleft()
        if w == goal:
            path = []
            while w:
                path.append(w)
                w = prev[w]
            return path[::-1]
        for i in range(len(w)):
            for ch in letters:
                if ch != w[i]:
                    nxt = w[:i] + ch + w[i + 1:]
                    if nxt in pool and nxt not in prev:
                        prev[nxt] = w
                        queue.append(nxt)
    return []


def neighbours(words: list[str]) -> dict[str, list[str]]:
    buckets: dict[str, list[str]] = {}
    for w in words:
        for i in range(len(w)):
            buckets.setdefault(w[:i] + "_" + w[i + 1:], []).append(w)
    return {k: v for k, v in buckets.items() if len(v) > 1}


def main(start: str, goal: str, text: str) -> int:
    words = text.split()
    path = ladder(start, goal, words)
    print(" -> ".join(path))
    groups = neighbours(words)
    for k in sorted(groups)[:6]:
        print(k, groups[k])
    return len(path)
