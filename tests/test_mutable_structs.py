"""`@struct(mutable=True)` records: compiled (tests/fx/mutstructs.fx) against interpreted.

Inside compiled code a mutable struct is a reference to a record, as a Python object is:
aliases, list items and callees see one set of fields.  At the boundary an argument is
copied in and, when it is an instance of the class, its fields are written back after the
call; a result is a new instance of the module's class.  Misuse is covered by the golden
tests/fx/bad/mutable_struct_misuse.fx (test_diagnostics.py).
"""
from __future__ import annotations

import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fxload
from fastext import f64, i32, struct

PATH = os.path.join(fxload.FX_DIR, "mutstructs.fx")
SETTINGS = settings(max_examples=int(os.environ.get("FASTEXT_DIFF_EXAMPLES", "40")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
floats = st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e6, max_value=1e6)
points = st.tuples(floats, floats, floats)


@pytest.fixture(scope="module")
def m():
    return fxload.compiled(PATH)


@pytest.fixture(scope="module")
def py():
    return fxload.interpreted(PATH)


def check(m, py, name, *args):
    got, want = getattr(m, name)(*args), getattr(py, name)(*args)
    assert got == want, (name, args, got, want)
    return got


@pytest.mark.parametrize("n", [1, 2, 10, 1000, 20000])
def test_float_benchmark(m, py, n):
    got = check(m, py, "benchmark", n)
    assert all(isinstance(v, float) for v in got)


def test_aliasing(m, py):
    assert check(m, py, "alias", 1.5) == (5.0, 3.5)
    assert check(m, py, "rebind", 2.0) == 11.0
    assert check(m, py, "shared_in_list", 4) == [7.0, 7.0, -6.0, 5.0]


@given(floats, st.integers(0, 20))
@SETTINGS
def test_methods_update_self(m, py, a, times):
    check(m, py, "through_call", a, times)


def test_lists_of_records(m, py):
    got = check(m, py, "grow", 5)
    assert [type(p).__name__ for p in got] == ["Point"] * 5
    assert isinstance(got[0], m.Point) and got[4].z == 4.5
    assert check(m, py, "grow", 0) == []


@pytest.mark.parametrize("n", [0, 1, 5, 40])
def test_field_types_convert(m, py, n):
    c = check(m, py, "counters", n)
    assert isinstance(c.small, int) and -2**31 <= c.small < 2**31 and isinstance(c.flag, bool)
    assert c.span == ((float(n), 2.0 ** n))


@given(points, floats)
@SETTINGS
def test_parameters_write_back(m, py, p, dx):
    mp, pp = m.Point(*p), py.Point(*p)
    rm, rp = m.param_update(mp, dx), py.param_update(pp, dx)
    assert mp == pp and rm == rp and rm == mp
    assert isinstance(rm, m.Point)
    # a tuple or list argument takes its fields and is left as it was
    t = tuple(p)
    assert m.param_update(t, dx) == py.param_update(t, dx) and t == tuple(p)
    assert m.param_update(list(p), dx) == rp


def test_two_parameters_and_tuple_results(m, py):
    a, b = m.Point(1, 1, 1), m.Point(2, 2, 2)
    got = m.both(a, b)
    assert got == py.both(py.Point(1, 1, 1), py.Point(2, 2, 2)) == (m.Point(3, 1, 1), 11.0)
    assert a == (3.0, 1.0, 1.0) and b == (2.0, 2.0, 2.0)


def test_methods_called_from_python(m, py):
    for mod in (m, py):
        p = mod.Point(3, 0, 4)
        p.normalize()
        assert (p.x, p.y, p.z) == (0.6, 0.0, 0.8)
        p.move(1)
        assert p.x == 1.6 and p.total() == pytest.approx(2.4)
        x, y, z = p
        assert (x, y, z) == tuple(p) and len(p) == 3 and p[2] == 0.8


@given(points)
@SETTINGS
def test_unpacking(m, py, p):
    check(m, py, "unpacked", p)


def test_arrays_of_records(m, py):
    for mod in (m, py):
        a = np.zeros(4, dtype=mod.Point.dtype)
        a["x"] = [1, 2, 3, 4]
        assert mod.arrays(a, 0.5) == 12.0
        assert list(a["x"]) == [1.5, 2.5, 3.5, 4.5] and list(a["y"]) == [0.0] * 4


def test_bad_arguments_name_the_parameter(m, py):
    with pytest.raises(TypeError, match=r"unpacked\(\) argument 'p' must be Point"):
        m.unpacked(1.0)
    with pytest.raises(TypeError, match=r"got a sequence of 2"):
        m.unpacked((1.0, 2.0))
    with pytest.raises(TypeError, match=r"argument 'p.y' must be float"):
        m.unpacked((1.0, "y", 2.0))
    with pytest.raises(TypeError):
        py.unpacked(1.0)


def test_plain_python_class():
    @struct(mutable=True)
    class Body:
        mass: f64
        n: i32

        def heavier(self, k: f64) -> None:
            self.mass *= k

    b = Body(2, n=2**31)
    assert b.mass == 2.0 and isinstance(b.mass, float) and b.n == -2**31    # i32 wraps
    b.heavier(1.5)
    b.n = 7
    assert b == Body(3.0, 7) == (3.0, 7) and b != Body(3.0, 8)
    assert repr(b) == "Body(mass=3.0, n=7)"
    assert list(b) == [3.0, 7] and b[0] == 3.0 and len(b) == 2
    with pytest.raises(TypeError):
        hash(b)
    with pytest.raises(TypeError, match="field 'n'"):
        b.n = "seven"
    with pytest.raises(AttributeError):
        b.other = 1
    with pytest.raises(TypeError, match="missing field 'n'"):
        Body(1.0)
    assert Body.dtype == np.dtype([("mass", "<f8"), ("n", "<i4")])
    assert math.isclose(Body(1, 2).mass, 1.0)


@pytest.mark.parametrize("v", [1.0, 2.0, float("nan"), -0.0])
def test_search_in_lists(m, py, v):
    check(m, py, "search", v)


def test_records_in_tuples(m, py):
    assert check(m, py, "in_tuple", 2.5) == 3.5


def test_imported_mutable_struct(tmp_path):
    """A result of a struct imported from another `.fx` module is an instance of a class the
    module makes for it, though it binds no name for it."""
    (tmp_path / "geo.fx").write_text(
        "from fastext import f64, struct\n\n\n@struct(mutable=True)\nclass Pt:\n    x: f64\n    y: f64\n\n"
        "    def bump(self) -> None:\n        self.x += 1.0\n")
    (tmp_path / "user.fx").write_text(
        "from fastext import f64\nimport geo\n\n\ndef f(v: f64) -> geo.Pt:\n    p = geo.Pt(v, 2.0)\n"
        "    p.bump()\n    return p\n\n\ndef g(p: geo.Pt) -> f64:\n    p.bump()\n    return p.x\n")
    path = str(tmp_path / "user.fx")
    m, py = fxload.compiled(path), fxload.interpreted(path)
    assert m.f(1.0) == py.f(1.0) == (2.0, 2.0) and type(m.f(1.0)).__name__ == "Pt"
    p = m.f(0.5)
    assert m.g(p) == 2.5 and p.x == 2.5      # written back into the instance it returned


def test_without_fastext(m):
    """A wheel's module on a machine without fastext builds the mutable class itself
    (fastext/modinit.py's embedded text): same fields, conversions, write-back and results."""
    import subprocess
    import sys
    import textwrap
    code = textwrap.dedent(f"""
        import importlib.util, sys
        class NoFastext:
            def find_spec(self, name, path=None, target=None):
                if name == "fastext" or name.startswith("fastext."):
                    raise ImportError("no fastext here")
        sys.meta_path.insert(0, NoFastext())
        spec = importlib.util.spec_from_file_location("mutstructs", {m.__file__!r})
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        assert "fastext" not in sys.modules
        p = m.Point(3, 0, 4)
        p.normalize()
        assert (p.x, p.y, p.z) == (0.6, 0.0, 0.8) and repr(p) == "Point(x=0.6, y=0.0, z=0.8)"
        p.z = 1
        assert type(p.z) is float and list(p) == [0.6, 0.0, 1.0]
        c = m.counters(3)
        assert type(c) is m.Counter and c.n == 3 and c.span == (3.0, 8.0) and c.flag is True
        c.small = 2**31
        assert c.small == -2**31
        assert m.benchmark(10) == {m.benchmark(10)!r}
        print("ok")
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]
