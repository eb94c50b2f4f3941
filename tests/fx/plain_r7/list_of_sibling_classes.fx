class Shape:
    def area(self) -> float:
        return 0.0
    def describe(self) -> str:
        return f"area {self.area():.2f}"

class Rect(Shape):
    def __init__(self, w: float, h: float):
        self.w = w
        self.h = h
    def area(self) -> float:
        return self.w * self.h

class Circle(Shape):
    def __init__(self, r: float):
        self.r = r
    def area(self) -> float:
        return 3.14159 * self.r * self.r

def main(n: int):
    shapes = []
    for i in range(n):
        if i % 2:
            shapes.append(Rect(i, i + 1))
        else:
            shapes.append(Circle(i))
    total = sum(s.area() for s in shapes)
    print(f"{total:.3f}")
    return round(total, 3)
# ARGS: 5
