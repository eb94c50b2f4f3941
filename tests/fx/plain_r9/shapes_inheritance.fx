# A class hierarchy as OOP tutorials write it: a Shape base with area/perimeter/describe,
# subclasses overriding them and calling super().__init__, a list of mixed shapes sorted by
# area, and isinstance counts.
import math


class Shape:
    def __init__(self, name: str):
        self.name = name

    def area(self) -> float:
        return 0.0

    def perimeter(self) -> float:
        return 0.0

    def describe(self) -> str:
        return f"{self.name}: area={self.area():.2f} perimeter={self.perimeter():.2f}"


class Circle(Shape):
    def __init__(self, r: float):
        super().__init__("circle")
        self.r = r

    def area(self) -> float:
        return math.pi * self.r ** 2

    def perimeter(self) -> float:
        return 2 * math.pi * self.r


class Rectangle(Shape):
    def __init__(self, w: float, h: float):
        super().__init__("rectangle")
        self.w = w
        self.h = h

    def area(self) -> float:
        return self.w * self.h

    def perimeter(self) -> float:
        return 2 * (self.w + self.h)


class Square(Rectangle):
    def __init__(self, side: float):
        super().__init__(side, side)
        self.name = "square"


def main(n: int):
    shapes = []
    for i in range(1, n + 1):
        if i % 3 == 0:
            shapes.append(Circle(i * 0.5))
        elif i % 3 == 1:
            shapes.append(Rectangle(i, i + 1.5))
        else:
            shapes.append(Square(i))
    for s in sorted(shapes, key=lambda s: s.area()):
        print(s.describe())
    total = sum(s.area() for s in shapes)
    print(f"total area {total:.3f}")
    squares = sum(1 for s in shapes if isinstance(s, Square))
    rects = sum(1 for s in shapes if isinstance(s, Rectangle))
    print("squares", squares, "rectangles (incl. squares)", rects)
    biggest = max(shapes, key=lambda s: s.perimeter())
    print("largest perimeter:", biggest.name, round(biggest.perimeter(), 3))
    return round(total, 3)
# ARGS: 7
