class Strength:
    def __init__(self, strength: int, name: str):
        self.strength = strength
        self.name = name
    def weaker(self, other: "Strength") -> bool:
        return self.strength > other.strength

REQUIRED = Strength(0, "required")
STRONG = Strength(1, "strong")
WEAK = Strength(5, "weak")

def main(n: int):
    print(WEAK.weaker(STRONG), REQUIRED.name)
    return n
# ARGS: 1
