from enum import Enum, IntEnum, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Dir(IntEnum):
    N = 0
    E = auto()
    S = auto()
    W = auto()

class Suit(Enum):
    HEARTS = "h"
    SPADES = "s"
    def symbol(self) -> str:
        return "♥" if self is Suit.HEARTS else "♠"

def paint(c: Color) -> str:
    if c == Color.RED:
        return "warm"
    return "cool"

def main(n: int):
    c = Color.GREEN
    print(c, repr(c), c.name, c.value, c == Color.GREEN, c is Color.RED)
    for col in Color:
        print(col.name, end=" ")
    print()
    print(len(Color), Color(3), Color["RED"], paint(Color.RED), paint(Color(2)))
    moves = [(0, 1), (1, 0), (0, -1), (-1, 0)]
    d = Dir.S
    print(d, moves[d], Dir.W - Dir.E, [int(x) for x in Dir])
    print(Suit.SPADES, Suit("h").symbol(), [s.value for s in Suit])
    try:
        Color(7)
    except ValueError as e:
        print("error:", e)
    return c.value
# ARGS: 1
