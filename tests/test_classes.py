"""Plain classes (`class Vector:` with `__init__`, methods and special methods): compiled
(tests/fx/classes.fx) against the same file run as plain Python, and the located errors for
what a compiled class cannot do (docs/language.md, "Classes")."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fxload

PATH = os.path.join(fxload.FX_DIR, "classes.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "40")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
floats = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e6, max_value=1e6)


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


def fields(obj, names):
    return tuple(getattr(obj, n) for n in names)


@pytest.mark.parametrize("n", [1, 2, 10, 1000])
def test_float_benchmark(m, py, n):
    assert m.float_benchmark(n) == py.float_benchmark(n)


def test_fields_inferred_from_init(m, py):
    got, want = m.make_point(3), py.make_point(3)
    assert type(got) is m.Point and type(got).__name__ == "Point"
    assert fields(got, ("x", "y", "z", "hits")) == fields(want, ("x", "y", "z", "hits"))
    assert isinstance(got.hits, int) and isinstance(got.x, float)
    assert m.Point._fields == ("x", "y", "z", "hits")


def test_instances_cross_the_boundary_and_are_written_back(m, py):
    for maker in (m.make_point, py.make_point, m.Point, py.Point):
        p, q = maker(5), py.Point(5)
        assert m.point_norm(p) == py.point_norm(q)
        assert fields(p, ("x", "y", "z", "hits")) == fields(q, ("x", "y", "z", "hits")) and p.hits == 1
    with pytest.raises(TypeError, match=r"point_norm\(\) argument 'p' must be Point .*without 'x'"):
        m.point_norm(object())
    with pytest.raises(TypeError, match="p.hits"):
        m.point_norm(type("P", (), dict(x=1.0, y=2.0, z=3.0, hits="no"))())


def test_constructor_from_python_runs_compiled_init(m, py):
    v = m.Vector(1.0, 2.0)          # the default z
    assert (v.x, v.y, v.z) == (1.0, 2.0, 0.0) and repr(v) == repr(py.Vector(1.0, 2.0))
    assert repr(m.Vector(y=1, x=2, z=3)) == "Vector(2.0, 1.0, 3.0)"
    assert repr(v + v) == "Vector(2.0, 4.0, 0.0)" and repr(2 * v) == repr(2 * py.Vector(1.0, 2.0))
    assert v == m.Vector(1.0, 2.0) and abs(v) == abs(py.Vector(1.0, 2.0))
    c = m.Counter()
    assert len(c) == 0 and str(c) == "Counter with 0" and c == c and c != m.Counter()
    with pytest.raises(TypeError):
        m.Vector(1.0)
    with pytest.raises(AttributeError, match="no field 'w'"):
        v.w = 1.0
    with pytest.raises(TypeError, match="field 'x'"):
        v.x = "a"


@given(floats, floats)
@SETTINGS
def test_operators(m, py, a, b):
    assert m.vector_ops(a, b) == py.vector_ops(a, b)


def test_printing_byte_for_byte(m, py, capsys):
    got = m.printing(1.5)
    out = capsys.readouterr().out
    want = py.printing(1.5)
    assert (got, out) == (want, capsys.readouterr().out)
    assert out.splitlines()[0] == "Vector(1.5, 2.0, 0.0) Counter with 0"


@pytest.mark.parametrize("n", [1, 7, 40])
def test_sorting_with_lt(m, py, n):
    assert m.sorting(n) == py.sorting(n)


def test_instance_fields(m, py):
    assert repr(m.ray(2.0)) == repr(py.ray(2.0))
    for mod in (m, py):
        r = m.make_ray()
        origin = r.origin
        assert m.move(r, 3.0) == 3.0
        assert r.origin is origin and origin.x == 3.0 and repr(r.direction) == "Vector(3.0, 3.0, 3.0)"


@pytest.mark.parametrize("n", [0, 1, 5, 100])
def test_linked_records(m, py, n):
    assert m.schedule(n) == py.schedule(n)


@pytest.mark.parametrize("n", [0, 1, 5, 50])
def test_list_fields(m, py, n):
    assert m.bags(n) == py.bags(n)


def test_field_of_none_raises_attribute_error(m, py):
    for mod in (m, py):
        with pytest.raises(AttributeError, match="'NoneType' object has no attribute 'ident'"):
            mod.next_of_last()


def test_optional_at_the_boundary(m, py):
    assert m.maybe_vector(None, 2.0) is None
    v = m.Vector(1.0, 2.0)
    assert repr(m.maybe_vector(v, 2.0)) == repr(py.maybe_vector(py.Vector(1.0, 2.0), 2.0)) == "Vector(2.0, 4.0, 0.0)"
    assert repr(m.maybe_vector(py.Vector(1.0, 2.0), -1.0)) == "Vector(1.0, 2.0, 0.0)"
    assert not hasattr(m, "Task") and not hasattr(m, "Queue")     # linked classes stay inside


@given(floats, floats)
@SETTINGS
def test_static_and_class_methods(m, py, r, a):
    assert repr(m.constructors(r, a)) == repr(py.constructors(r, a))


def test_static_and_class_methods_from_python(m, py):
    assert repr(m.Vector.zero()) == repr(py.Vector.zero()) == "Vector(0.0, 0.0, 0.0)"
    assert repr(m.Vector.from_polar(2.0, 0.0)) == repr(py.Vector.from_polar(2.0, 0.0))
    assert isinstance(m.Vector.zero(), m.Vector)


def test_classes_of_another_module(py):
    path = os.path.join(fxload.FX_DIR, "classes_user.fx")
    user, user_py = fxload.compiled(path), fxload.interpreted(path)
    assert repr(user.combine(1.5)) == repr(user_py.combine(1.5)) == "Vector(-3.5, -4.0, -0.0)"
    assert user.through(py.Vector(3.0, 4.0)) == user_py.through(py.Vector(3.0, 4.0)) == 5.0


def test_shared_references_stay_shared_in_a_result(m, py):
    for mod in (m, py):
        r, o, xs = mod.shared(2.0)
        assert r.origin is o and r.direction is o and xs[0] is o
        assert repr(xs[1]) == "Vector(1.0, 1.0, 1.0)" and xs[1] is not o


def test_no_leak(m):
    m.float_benchmark(100)
    for _ in range(200):
        m.float_benchmark(50)
        m.make_point(1)
        m.schedule(30)
        m.shared(1.0)
    assert m.__fastext_live_blocks__() == 0


# ----------------------------------------------------------------------------- errors
BAD = [
    ("class A:\n    def __init__(self):\n        self.xs = []\n", 3, 9,
     "cannot infer the item type of the list field `xs`", "list[float]"),
    ("class T:\n    def __init__(self):\n        self.next = None\n    def f(self):\n        self.next = 5\n", 3, 9,
     "field `next` of class `T` starts as None", "Optional[T]"),
    ("class T:\n    next: T | None\ndef f(t: T) -> int:\n    return 1\n", 3, 7,
     "parameter `t` of the exported function `f` holds T", "internal"),
    ("class T:\n    x: float\ndef f() -> float:\n    t = None\n    return 1.0\n", 4, 5,
     "the type of `t` cannot be told", "Optional"),
    ("class A:\n    def __init__(self, v: list[float]):\n        self.v = v[0] + g()\n", 3, 9,
     "cannot infer the type of field `v` of class `A`", "annotate it in the class"),
    ("class B(A):\n    x: float\n", 1, 9, "the base `A` of class `B` is not a class defined above",
     "define the base class first"),
    ("class A:\n    __slots__ = ('y',)\n    x: float\n", 2, 5, "field `x` of class `A` is not in its `__slots__`",
     'add "x"'),
    ("class A:\n    items = []\n    x: float\n", 2, 13, "the class-level value `items` of class `A` is not a "
     "constant", "module constant"),
    ("class A(metaclass=M):\n    x: float\n", 1, 19, "cannot take `metaclass=`", "metaclasses"),
    ("class A:\n    x: float\n    @make.setter\n    def make(self, v: float):\n        pass\n", 3, 6,
     "decorated `@make.setter`", "no setters"),
    ("class A:\n    x: float\n    @property\n    def make(self, k: float) -> float:\n        return k\n", 4, 5,
     "property `make` of class `A` takes only `self`", "def make(self)"),
    ("class A:\n    x: float\n    def __hash__(self) -> int:\n        return 1\n", 3, 5,
     "`__hash__` of class `A` must be `return hash(...)`", "hash the fields"),
    ("class A:\n    x: float\n    def __call__(self) -> int:\n        return 1\n", 3, 5,
     "special method `__call__`", "supported"),
    ("class A:\n    def __init__(self):\n        self.x = 1.0\ndef f() -> str:\n    return str(A())\n", 5, 16,
     "str() of an instance of `A` needs `__repr__`", "__repr__"),
    ("class A:\n    def __init__(self):\n        self.x = 1.0\ndef f() -> float:\n    return (A() + A()).x\n", 5, 13,
     "unsupported operand type(s) for +: 'A' and 'A'", "define `__add__`"),
    ("class A:\n    def __init__(self):\n        self.x = 1.0\ndef f() -> bool:\n    return A() < A()\n", 5, 12,
     "'<' is not supported between instances of 'A' and 'A'", "define `__lt__`"),
]


@pytest.mark.parametrize("source, line, col, message, hint", BAD)
def test_located_errors(tmp_path, source, line, col, message, hint):
    fxload.assert_located_error(tmp_path, source, line, col, message, hint)


# ----------------------------------------------------------------------------- benchmark programs
PROGRAMS = os.path.join(fxload.REPO, "benchmarks", "programs", "classes.fx")


@pytest.mark.parametrize("name, args", [("raytrace", (12,)), ("richards", (500,)), ("float_points", (300,)),
                                        ("particles", (12, 3))])
def test_benchmark_programs_match_python(name, args, capsys):
    """benchmarks/programs/classes.fx: result and printed text byte for byte."""
    m, py = fxload.compiled(PROGRAMS), fxload.interpreted(PROGRAMS)
    got = getattr(m, name)(*args)
    out = capsys.readouterr().out
    want = getattr(py, name)(*args)
    assert (got, out) == (want, capsys.readouterr().out)
