"""`@struct` value records: compiled (tests/fx/structs.fx) against interpreted, boundary, plain Python.

Compiled functions return plain tuples; the interpreted module returns instances of the
`fastext.struct` tuple subclass, which compare equal to them.  Misuse in `.fx` source is
covered by the goldens tests/fx/bad/struct_*.fx (test_diagnostics.py).
"""
from __future__ import annotations

import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fxload
from bitexact import same
from fastext import f64, i32, struct

STRUCTS = os.path.join(fxload.FX_DIR, "structs.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
floats = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e6, max_value=1e6)
vecs = st.tuples(floats, floats)
particles = st.tuples(vecs, vecs, st.floats(-1e3, 1e3, width=32), st.integers(-2**31, 2**31 - 2),
                      st.complex_numbers(max_magnitude=1e6), st.booleans())


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(STRUCTS)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(STRUCTS)


def check(m, py, name, *args):
    got, want = getattr(m, name)(*args), getattr(py, name)(*args)
    assert same(got, want), (name, args, got, want)
    return got


def test_results_are_plain_tuples(m, py):
    assert m.make(1, 2) == (1.0, 2.0) and type(m.make(1, 2)) is tuple
    assert py.make(1, 2) == (1.0, 2.0) and type(py.make(1, 2)) is py.Vec
    assert m.pair((3.0, 4.0)) == ((6.0, 8.0), 5.0)
    assert m.ints(3, 4) == (3.0, 4.0) and type(m.ints(3, 4)[0]) is float


@SETTINGS
@given(vecs, vecs, floats)
def test_methods_and_construction(m, py, a, b, k):
    for name, args in (("make", a), ("norm", (a,)), ("add", (a, b)), ("scale", (a, k)), ("swap", (a,)),
                       ("pick", (k > 0, a, b)), ("pair", (a,))):
        check(m, py, name, *args)


@SETTINGS
@given(particles, st.floats(-10, 10), st.integers(0, 20))
def test_nested_structs_through_loops(m, py, p, dt, n):
    check(m, py, "simulate", p, dt, n)
    # energy multiplies the f32 mass in single precision compiled, in double interpreted
    # (docs/language.md, "Where compiled and interpreted differ"): close, not bit-identical
    got, want = m.energy(p), py.energy(p)
    assert math.isclose(got, want, rel_tol=1e-6, abs_tol=1e-30), (p, got, want)


@SETTINGS
@given(st.lists(st.tuples(floats, floats), max_size=20))
def test_structs_built_in_loops(m, py, points):
    xs = np.array([p[0] for p in points], dtype=np.float64)
    ys = np.array([p[1] for p in points], dtype=np.float64)
    check(m, py, "centroid", xs, ys)
    check(m, py, "longest", xs, ys)


def test_struct_arguments_take_any_sequence(m, py):
    rec = np.array([(3.0, 4.0)], dtype=[("x", "f8"), ("y", "f8")])[0]   # a NumPy structured scalar
    for arg in ((3, 4), [3.0, 4.0], py.Vec(3, 4), rec, (np.float32(3), np.int64(4))):
        assert m.norm(arg) == py.norm(arg) == 5.0
    assert m.norm(v=(3, 4)) == 5.0


BAD = [
    ("norm", (1,), "argument 'v' must be Vec (a sequence of 2 values: x: f64, y: f64), not int"),
    ("norm", (None,), "argument 'v' must be Vec"),
    ("norm", ((1, 2, 3),), "got a sequence of 3"),
    ("norm", ((1,),), "got a sequence of 1"),
    ("norm", ((1, "a"),), "argument 'v.y' must be float (f64), not str"),
    ("norm", ((1j, 2),), "argument 'v.x' must be float (f64), not complex"),
    ("energy", (((0, 0), (1, "x"), 1.0, 1, 0j, True),), "argument 'p.vel.y' must be float (f64), not str"),
    ("energy", (((0, 0), (1, 2), 1.0, 1.5, 0j, True),), "argument 'p.id' must be int (i32), not float"),
    ("energy", (((0, 0), 3.0, 1.0, 1, 0j, True),), "argument 'p.vel' must be Vec"),
]


@pytest.mark.parametrize("name, args, message", BAD)
def test_bad_struct_arguments(m, py, name, args, message):
    with pytest.raises(TypeError) as info:
        getattr(m, name)(*args)
    assert message in str(info.value) and str(info.value).startswith(f"{name}() ")
    with pytest.raises(TypeError):   # the interpreted module rejects the same arguments
        getattr(py, name)(*args)


def test_out_of_range_field(m):
    with pytest.raises(OverflowError, match="argument 'p.id' is out of range for int \\(i32\\)"):
        m.energy(((0, 0), (1, 2), 1.0, 2**40, 0j, True))


def test_no_leak_on_bad_items(m):
    import sys
    item = 12345.5 + 1   # a fresh float object: its refcount shows a leaked reference
    before = sys.getrefcount(item)
    for _ in range(100):
        with pytest.raises(TypeError):
            m.energy(((0, item), (1, "x"), 1.0, 1, 0j, True))
    assert sys.getrefcount(item) == before


def test_plain_python_struct():
    @struct
    class Cell:
        row: i32
        value: f64

        def twice(self) -> f64:
            return 2 * self.value

    c = Cell(2**32 + 5, 3)
    assert c == (5, 3.0) and c.row == 5 and type(c.value) is float and c.twice() == 6.0
    assert repr(c) == "Cell(row=5, value=3.0)" and Cell(value=1, row=2) == (2, 1.0)
    with pytest.raises(AttributeError):
        c.row = 3
    with pytest.raises(TypeError):
        Cell(1)
    with pytest.raises(TypeError):
        Cell(1, 2, 3)
    with pytest.raises(TypeError):
        Cell(1.5, 2.0)
    with pytest.raises(TypeError):
        Cell(1, "x")
    with pytest.raises(TypeError):
        struct(type("Sub", (Cell,), {}))


def test_cross_module_structs(tmp_path):
    (tmp_path / "geo.fx").write_text(
        "from __future__ import annotations\nfrom fastext import f64, struct\n\n\n@struct\nclass P:\n"
        "    x: f64\n    y: f64\n\n    def len2(self) -> f64:\n        return self.x * self.x + self.y * self.y\n")
    (tmp_path / "use.fx").write_text(
        "from fastext import f64\nimport geo\nfrom geo import P\n\n\n"
        "def f(p: geo.P, q: P) -> geo.P:\n    r = geo.P(p.x + q.x, p.len2())\n    return P(r.x, r.y + q.len2())\n")
    path = str(tmp_path / "use.fx")
    assert fxload.compiled(path).f((1, 2), (3, 4)) == fxload.interpreted(path).f((1, 2), (3, 4)) == (4.0, 30.0)


# ----------------------------------------------------------------------------- arrays of structs

VEC = [("x", "f8"), ("y", "f8")]
BODY = [("pos", VEC), ("mass", "f4"), ("tag", "i4"), ("live", "?")]
bodies = st.lists(st.tuples(vecs, st.floats(-1e3, 1e3, width=32), st.integers(-2**31, 2**31 - 2), st.booleans()),
                  max_size=12)


@SETTINGS
@given(st.lists(vecs, max_size=16), floats)
def test_struct_arrays(m, py, points, k):
    a = np.array(points, dtype=VEC)
    check(m, py, "total_norm", a)
    check(m, py, "every_other", a)
    b = a.copy()
    m.scale_all(a, k)
    py.scale_all(b, k)
    assert a.tobytes() == b.tobytes()
    check(m, py, "grid_sum", np.array(points[:12], dtype=VEC).reshape(-1, 3) if len(points) >= 12
          else np.zeros((2, 2), dtype=VEC))


@SETTINGS
@given(bodies, st.floats(-10, 10))
def test_nested_struct_arrays(m, py, items, dt):
    a = np.array(items, dtype=BODY)
    check(m, py, "heaviest", a)
    b = a.copy()
    m.retag(a, dt)
    py.retag(b, dt)
    assert a.tobytes() == b.tobytes()


def test_struct_arrays_take_views_and_any_prefixes(m, py):
    a = np.array([(3.0, 4.0), (6.0, 8.0), (0.0, 1.0), (5.0, 12.0)], dtype=VEC)
    assert m.total_norm(a[::-2]) == py.total_norm(a[::-2]) == 23.0
    # NumPy marks unaligned fields with '=' / '@' prefixes: the check skips them
    packed = np.zeros(3, dtype=[("pos", VEC), ("mass", "<f4"), ("tag", "=i4"), ("live", "?")])
    assert "=" in memoryview(packed).format
    packed["live"][1], packed["mass"][1], packed["pos"][1] = True, 2.0, (1.0, 2.0)
    assert m.heaviest(packed) == py.heaviest(packed) == (1, (1.0, 2.0))


STRUCT_ARRAY_BAD = [
    (TypeError, "total_norm", lambda: ([(1.0, 2.0)],), "must be Vec[:] (a 1-D NumPy structured array of dtype "
                                                       "[('x', '<f8'), ('y', '<f8')]"),
    (ValueError, "total_norm", lambda: (np.zeros(2, dtype=[("x", "f8"), ("z", "f8")]),), "structured dtype mismatch"),
    (ValueError, "total_norm", lambda: (np.zeros(2, dtype=[("x", "f4"), ("y", "f4")]),), "format 'T{f:x:f:y:}'"),
    (ValueError, "total_norm", lambda: (np.zeros(2, dtype=[("x", ">f8"), ("y", ">f8")]),), "structured dtype mismatch"),
    (ValueError, "total_norm", lambda: (np.zeros(4),), "got a buffer of format 'd'"),
    (ValueError, "total_norm", lambda: (np.zeros((2, 2), dtype=VEC),), "got a 2-D buffer"),
    (ValueError, "heaviest", lambda: (np.zeros(2, dtype=np.dtype(BODY, align=True)),), "with itemsize 32"),
    (ValueError, "heaviest", lambda: (np.zeros(2, dtype=[("pos", VEC), ("mass", "f4"), ("tag", "i8"), ("live", "?")]),),
     "structured dtype mismatch"),
]


@pytest.mark.parametrize("exc, name, args, message", STRUCT_ARRAY_BAD)
def test_bad_struct_arrays(m, exc, name, args, message):
    with pytest.raises(exc) as info:
        getattr(m, name)(*args())
    assert message in str(info.value)


def test_read_only_struct_array(m):
    a = np.zeros(3, dtype=VEC)
    a.flags.writeable = False
    assert m.total_norm(a) == 0.0
    with pytest.raises(ValueError, match="must be writable"):
        m.scale_all(a, 2.0)


def test_struct_constants(m, py):
    check(m, py, "from_origin", (1.0, 2.0))
    check(m, py, "home")
    check(m, py, "home_energy")
    assert m.home() == ((1.5, -2.0), (0.0, 1.0), 2.0, 7, 1 + 2j, True)


def test_stubs_show_structs_as_tuples():
    from fastext.build.stubs import stub_for_file
    text = stub_for_file(STRUCTS, "structs")
    assert "def norm(v: tuple[float, float]) -> float:" in text
    assert "def total_norm(vs: Buffer) -> float:" in text


def test_rejected_struct_arrays_are_released(m):
    import sys
    bad = np.zeros(4, dtype=[("x", "f4"), ("y", "f4")])
    ro = np.zeros(4, dtype=VEC)
    ro.flags.writeable = False
    before = sys.getrefcount(bad), sys.getrefcount(ro)
    for _ in range(50):
        with pytest.raises(ValueError):
            m.total_norm(bad)
        with pytest.raises(ValueError):
            m.scale_all(ro, 1.0)
    assert (sys.getrefcount(bad), sys.getrefcount(ro)) == before   # every buffer was released


def test_plain_python_array_annotations():
    @struct
    class P:
        x: f64

    assert repr(P[:]) == "P[:]" and repr(P[:, :]) == "P[:, :]" and P[:] == P[:]
    with pytest.raises(TypeError):
        P[3]


def test_decorator_spelled_through_the_module(tmp_path):
    path = tmp_path / "dotted.fx"
    path.write_text("import fastext\n\n\n@fastext.struct\nclass P:\n    x: fastext.f64\n    n: int\n\n"
                    "    def twice(self) -> float:\n        return 2 * self.x + self.n\n\n\n"
                    "def f(p: P) -> P:\n    return P(p.twice(), p.n + 1)\n")
    m, py = fxload.compiled(str(path)), fxload.interpreted(str(path))
    assert m.f((1.5, 2)) == py.f((1.5, 2)) == (5.0, 3)
