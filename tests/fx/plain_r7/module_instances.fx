class P:
    def __init__(self, x: float, y: float):
        self.x = x
        self.y = y
    def __repr__(self) -> str:
        return f"P({self.x}, {self.y})"

ORIGIN = P(0.0, 0.0)
CORNERS = [P(1.0, 1.0), P(-1.0, 2.0)]

def main(n: int):
    ORIGIN.x += n
    print(ORIGIN, CORNERS)
    return ORIGIN.x
# ARGS: 2
