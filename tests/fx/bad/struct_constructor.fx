from fastext import f64, i32, struct


@struct
class Cell:
    row: i32
    value: f64


def too_many(x: f64) -> Cell:
    return Cell(1, x, x)


def missing(x: f64) -> Cell:
    return Cell(row=1)


def wrong_type(x: f64) -> Cell:
    return Cell(x, x)


def complex_value(z: complex) -> Cell:
    return Cell(1, z)


def other_struct(c: Cell) -> f64:
    return c


def as_value() -> f64:
    k = Cell
    return 0.0
