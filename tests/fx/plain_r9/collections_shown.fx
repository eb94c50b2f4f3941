# Scripts print their collections as they are: a deque of recent events, a Counter of
# votes, defaultdicts of lists and sets and an OrderedDict of settings, each shown with
# the repr Python gives it (deque([...]), Counter({...}), defaultdict(<class 'list'>, {...})).
from collections import Counter, OrderedDict, defaultdict, deque

VOTES = "alice bob alice carol bob alice dave carol alice bob".split()


def recent(events, keep):
    window = deque()
    for e in events:
        window.append(e)
        if len(window) > keep:
            window.popleft()
    return window


def main(keep: int):
    window = recent(list(range(10)), keep)
    print(window, len(window))
    window.appendleft(-1)
    print(f"after appendleft: {window}")
    votes = Counter(VOTES)
    print(votes)
    print(str(Counter("mississippi")), [Counter("aab")])
    by_letter = defaultdict(list)
    for name in VOTES:
        by_letter[name[0]].append(name)
    print(by_letter)
    voters = defaultdict(set)
    for i, name in enumerate(VOTES):
        voters[name].add(i % 3)
    print(dict(sorted((k, sorted(v)) for k, v in voters.items())))
    totals = defaultdict(float)
    for i, name in enumerate(VOTES):
        totals[name] += 0.5 * i
    print(totals)
    settings = OrderedDict()
    settings["width"] = 80
    settings["height"] = 24
    settings["depth"] = 8
    settings.move_to_end("width")
    print(settings, repr(settings))
    return votes["alice"] + len(window)
# ARGS: 4
