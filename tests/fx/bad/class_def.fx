from fastext import f64


class Shape:
    x: f64
    y: f64


class Circle(Shape, list):
    r: f64


def norm2(x: f64, y: f64) -> f64:
    return x * x + y * y
