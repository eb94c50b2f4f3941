from fastext import f64, i32, struct


@struct
class Cell:
    row: i32
    value: f64


SHORT = Cell(1)
WIDE = Cell(2**40, 1.0)
PLAIN: Cell = 3.0
VARIABLE = Cell(1, SHORT)
GOOD = Cell(1, 2.0)
NESTED = Cell(1, GOOD)
