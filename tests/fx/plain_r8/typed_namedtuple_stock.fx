# typing.NamedTuple with defaults: a portfolio keyed by records, positions updated by _replace
from typing import NamedTuple


class Ticker(NamedTuple):
    exchange: int
    code: int


class Position(NamedTuple):
    shares: int
    price: float
    fee: float = 1.5

    def value(self) -> float:
        return self.shares * self.price - self.fee


def main(days: int):
    book = {Ticker(1, 100): Position(10, 3.5), Ticker(2, 7): Position(4, 12.25, 0.0)}
    for day in range(days):
        for t in list(book):
            pos = book[t]
            book[t] = pos._replace(price=pos.price * 1.25, shares=pos.shares + t.exchange)
    for t, pos in book.items():
        exchange, code = t
        shares, price, fee = pos
        print(f"{exchange}:{code}", shares, price, fee, round(pos.value(), 4), pos[1], pos[-1])
    best = max(book.values())
    print(best, Ticker(1, 100) in book, Ticker(1, 101) in book, len(best))
    return best.shares
# ARGS: 3
