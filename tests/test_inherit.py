"""Single inheritance of plain classes (docs/language.md, "Inheritance"): programs in the
object-oriented style of benchmark suites (shapes dispatched in a loop, an expression-tree
interpreter, a task scheduler with `super()`), compiled and run as plain Python, compared byte
for byte; and the located errors for what compiled classes cannot do."""
from __future__ import annotations

import os

import pytest

import fxload

CASES = [
    ("inherit_shapes.fx", "scene", (1,)), ("inherit_shapes.fx", "scene", (400,)),
    ("inherit_shapes.fx", "closest", (0,)), ("inherit_shapes.fx", "closest", (700,)),
    ("inherit_expr.fx", "run", (0, 3)), ("inherit_expr.fx", "run", (3, 50)), ("inherit_expr.fx", "run", (9, 20)),
    ("inherit_expr.fx", "untyped_table", (25,)),
    ("inherit_tasks.fx", "simulate", (0, 10)), ("inherit_tasks.fx", "simulate", (7, 100)),
    ("inherit_tasks.fx", "simulate", (30, 25)),
]


@pytest.mark.parametrize("name, fn, args", CASES)
def test_programs_match_python(name, fn, args, capsys):
    path = os.path.join(fxload.FX_DIR, name)
    m, py = fxload.compiled(path), fxload.interpreted(path)
    got = getattr(m, fn)(*args)
    out = capsys.readouterr().out
    want = getattr(py, fn)(*args)
    assert (got, out) == (want, capsys.readouterr().out)


def test_classes_of_a_hierarchy_stay_inside():
    m = fxload.compiled(os.path.join(fxload.FX_DIR, "inherit_shapes.fx"))
    assert not hasattr(m, "Shape") and not hasattr(m, "Sphere")
    assert hasattr(m, "Vec")          # a class outside any hierarchy is exposed as before


def test_no_leak():
    m = fxload.compiled(os.path.join(fxload.FX_DIR, "inherit_tasks.fx"))
    for _ in range(50):
        m.simulate(12, 30)
    assert m.__fastext_live_blocks__() == 0


SHAPES = """\
class Shape:
    def __init__(self, w: float):
        self.w = w
    def area(self) -> float:
        return 0.0
class Square(Shape):
    def __init__(self, w: float, side: float):
        super().__init__(w)
        self.side = side
    def area(self) -> float:
        return self.side * self.side
    def corners(self) -> int:
        return 4
"""

BAD = [
    (SHAPES + "def _f(s: Shape) -> int:\n    return s.corners()\n", 15, 12,
     "class `Shape` has no method `corners` (its subclass `Square` defines it)", "isinstance(x, Square)"),
    (SHAPES + "def _f(s: Shape) -> float:\n    return s.side\n", 15, 12,
     "class `Shape` has no field `side` (its subclass `Square` has)", "isinstance(x, Square)"),
    (SHAPES + "def _f(s: Shape) -> float:\n    q: Square = s\n    return q.side\n", 15, 5,
     "has type Square, got a Shape", "isinstance(x, Square)"),
    (SHAPES + "def f(s: Shape) -> float:\n    return s.area()\n", 14, 7,
     "parameter `s` of the exported function `f` holds Shape, a class with a base or subclasses", "internal"),
    (SHAPES + "class Both(Square, Shape):\n    pass\n", 14, 20, "multiple inheritance is not supported",
     "hold an instance of the other as a field"),
    ("class Stack(list):\n    pass\n", 1, 13, "cannot inherit from the builtin `list`", "as a field"),
    ("from fastext import struct\n@struct\nclass P:\n    x: float\nclass Q(P):\n    y: float\n", 5, 9,
     "cannot inherit from the @struct `P`", "plain class"),
    ("class A:\n    def __init__(self):\n        super().__init__()\n        self.x = 1.0\n", 3, 9,
     "`super()` in class `A`, which has no base class", "derive the class"),
    (SHAPES + "class Tri(Shape):\n    def area(self, scale: float) -> float:\n        return scale\n", 15, 5,
     "`Tri.area` overrides `Shape.area` with 1 parameters where it has 0", "parameters of the method it overrides"),
    ("class A:\n    def __init__(self):\n        self.x = 1.0\ndef _f(a: A) -> bool:\n    return isinstance(a, B)\n",
     5, 26, "`B` is not a class of this module", "isinstance"),
    ("class A:\n    K = 1\n    def __init__(self):\n        self.x = 1.0\nclass B(A):\n    K = 2.5\n", 6, 5,
     "class constant `K` of `B` is a float where its base's is an int", "one type"),
]


@pytest.mark.parametrize("source, line, col, message, hint", BAD)
def test_located_errors(tmp_path, source, line, col, message, hint):
    fxload.assert_located_error(tmp_path, source, line, col, message, hint)


CHECKED = SHAPES + """\
def _square_area(s: Shape) -> float:
    return Square.area(s)
def call_on(kind: int) -> float:
    s: Shape = Square(1.0, 3.0) if kind == 1 else Shape(2.0)
    return _square_area(s)
"""


def test_explicit_class_call_checks_the_instance(tmp_path):
    """`Square.area(s)` of a base reference runs Square's definition on a Square, and raises
    TypeError for a record of another class (plain Python would run it on any object)."""
    path = tmp_path / "checked.fx"
    path.write_text("from __future__ import annotations\n" + CHECKED)
    m = fxload.compiled(str(path))
    assert m.call_on(1) == 9.0
    with pytest.raises(TypeError, match="not a 'Square'"):
        m.call_on(0)
