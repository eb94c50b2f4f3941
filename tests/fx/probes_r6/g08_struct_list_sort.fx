# ARGS: 6
from fastext import struct, f64, i64


@struct
class Score:
    player: i64
    points: f64


def main(n: int) -> float:
    scores = [Score(i, (i * 37 % 11) / 2.0) for i in range(n)]
    best = max(scores, key=lambda s: s.points)
    print(best.player, best.points)
    ranked = sorted(scores, key=lambda s: (-s.points, s.player))
    print([s.player for s in ranked])
    table = {}
    for s in scores:
        table[s.player % 2] = table.get(s.player % 2, 0.0) + s.points
    print(table)
    pairs = [(s.player, s.points) for s in scores if s.points > 1.0]
    print(pairs)
    return sum(s.points for s in scores)
