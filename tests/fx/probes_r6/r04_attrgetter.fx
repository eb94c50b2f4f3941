# ARGS: 5
import operator
import random
from operator import attrgetter, itemgetter
from fastext import struct, f64, i64


@struct
class Player:
    id: i64
    score: f64


def main(n: int) -> float:
    ps = [Player(i, (i * 7 % 5) * 1.5) for i in range(n)]
    best = sorted(ps, key=attrgetter("score"), reverse=True)
    print([p.id for p in best])
    rows = [(3, "c", 0.5), (1, "a", 2.5), (2, "b", 1.5)]
    print(sorted(rows, key=itemgetter(2)), max(rows, key=operator.itemgetter(0)))
    print(sorted(rows, key=itemgetter(1, 0)))
    random.seed(4)
    deck = [(r, s) for r in range(3) for s in "hs"]
    random.shuffle(deck)
    print(len(deck), sorted(deck) == [(r, s) for r in range(3) for s in "hs"], random.choice(["x", "y"]) in "xy")
    return sum(p.score for p in ps)
