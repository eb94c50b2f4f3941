"""The compiled module has the plain-Python module's namespace.

It used to lack module constants (`mod.N`), `@struct` classes (`mod.Point`) and every
`_internal` function — SciPy and scikit-image call compiled kernels as
`from ._hessian_det import _hessian_matrix_det`.  Now every constant, struct class and
function bound at module level (imported ones too) is an attribute, with the same value
as under plain Python (abi/namespace.py); stubs and `__all__` keep listing the exported
functions only.  A wheel's module imported without fastext builds its struct classes itself.
"""
from __future__ import annotations

import math
import os
import subprocess
import sys
import textwrap
import types

import numpy as np
import pytest

import fxload
from fastext.dialect import ScalarType

FX = os.path.join(fxload.FX_DIR, "namespace.fx")


@pytest.fixture(scope="module")
def both():
    sys.path.insert(0, fxload.FX_DIR)      # `from nspkg.geometry import ...`
    try:
        return fxload.compiled(FX), fxload.interpreted(FX)
    finally:
        sys.path.remove(fxload.FX_DIR)


def python_names(mod) -> set[str]:
    """The module's own names: not dunders, imported modules, fastext's dialect objects or
    the `__future__` feature."""
    import __future__
    import fastext.dialect as dialect
    out = set()
    for name, value in vars(mod).items():
        if name.startswith("__") or isinstance(value, (types.ModuleType, ScalarType, __future__._Feature)):
            continue
        if value is getattr(dialect, name, None):
            continue
        out.add(name)
    return out


def test_same_names(both):
    native, oracle = both
    expected = python_names(oracle)
    assert {"N", "Point", "Particle", "ORIGIN", "_hessian_det", "_every_other", "scale", "_secret",
            "SCALE"} <= expected
    assert python_names(native) == expected


def test_constants(both):
    native, oracle = both
    for name in ["N", "HALF", "TWO_PI", "FLAG", "W", "NEG", "TILE", "HUGE", "SCALE"]:
        got, want = getattr(native, name), getattr(oracle, name)
        assert got == want and type(got) is type(want), name
    assert native.TWO_PI == 2 * math.pi
    assert native.ORIGIN == oracle.ORIGIN == (0.0, 0.0)
    assert type(native.ORIGIN) is native.Point and native.UNIT == native.Point(1.0, 0.0)


def test_internal_functions_callable(both):
    native, oracle = both
    a = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert native._hessian_det(a) == oracle._hessian_det(a) == -2.0
    assert native._secret(41) == oracle._secret(41) == 42
    assert native.scale(2.0) == oracle.scale(2.0) == 6.0
    assert native.public(1) == oracle.public(1)
    with pytest.raises(ValueError, match=r"_hessian_det\(\) argument 'a' must be f64\[:, :\]"):
        native._hessian_det(np.zeros(3))
    assert "_hessian_det(a: f64[:, :]) -> f64" in native._hessian_det.__doc__


def test_internal_array_result_is_a_copy(both):
    """`_every_other` returns a view of its parameter to its callers in the module; Python gets
    a copy, as from an exported function (the caller's buffer is only borrowed)."""
    native, oracle = both
    x = np.arange(7.0)
    got = native._every_other(x)
    assert got.tolist() == oracle._every_other(x).tolist() == [0.0, 2.0, 4.0, 6.0]
    assert not np.shares_memory(got, x)


def test_uncallable_signature_is_explained(both):
    native, oracle = both
    assert oracle._pair_sum((1, 2)) == native._pair_sum((1, 2)) == 3     # tuples of numbers pass
    assert oracle._item_of(([np.arange(3.0)], 1)) == 1.0      # a list of arrays cannot come from Python
    with pytest.raises(TypeError, match=r"_item_of\(\) cannot be called from Python: its parameter `t` is"):
        native._item_of(([np.arange(3.0)], 1))


def test_struct_classes(both):
    native, oracle = both
    for mod in (native, oracle):
        p = mod.Point(3, 4)
        assert p == (3.0, 4.0) and p.x == 3.0 and repr(p) == "Point(x=3.0, y=4.0)"
        assert p.norm() == 5.0 and p.scaled() == (6.0, 8.0) and p.scaled(k=0.5) == (1.5, 2.0)
        assert tuple(p.plus(mod.Point(1, 1))) == (4.0, 5.0)
        q = mod.Particle(p, 0.1, 2**31 + 5, 1, 300, 1j)
        assert q.id == -(2**31) + 5 and q.tag == 44 and q.alive is True and q.mass == float(np.float32(0.1))
        assert mod.Point._fields == ("x", "y")
        assert mod.Point.__doc__ == "A point in the plane." or mod is native
    assert native.Point.dtype == oracle.Point.dtype == np.dtype([("x", "<f8"), ("y", "<f8")])
    assert native.Particle.dtype == oracle.Particle.dtype


def test_struct_class_builds_arguments(both):
    native, _ = both
    ps = np.zeros(3, dtype=native.Point)
    ps[0] = native.Point(3, 4)
    ps[2] = native.Point(6, 8)
    assert native._norm_all(ps) == 15.0
    parts = np.zeros(2, dtype=native.Particle)
    parts[1] = native.Particle(native.Point(2, 0), 1.5, 1, True, 0, 0j)
    assert native.weights(parts) == 3.0
    assert native.Point(1, 2).norm() == math.sqrt(5)


def test_stub_lists_only_exported():
    from fastext.build.stubs import stub_for_file
    sys.path.insert(0, fxload.FX_DIR)
    try:
        text = stub_for_file(FX, "namespace")
    finally:
        sys.path.remove(fxload.FX_DIR)
    assert "__all__ = ['public', 'weights']" in text
    assert "def _hessian_det" not in text and "def scale(" not in text and "def scaled(self, k: float = ...)" in text
    assert "N: int" in text and "class Point(tuple[float, float]):" in text


def test_without_fastext(both):
    """A wheel's module on a machine without fastext: the classes are built by the module."""
    native, _ = both
    code = textwrap.dedent(f"""
        import importlib.util, sys
        class NoFastext:
            def find_spec(self, name, path=None, target=None):
                if name == "fastext" or name.startswith("fastext."):
                    raise ImportError("no fastext here")
        sys.meta_path.insert(0, NoFastext())
        spec = importlib.util.spec_from_file_location("namespace", {native.__file__!r})
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        assert "fastext" not in sys.modules
        p = m.Point(3, 4)
        assert p == (3.0, 4.0) and repr(p) == "Point(x=3.0, y=4.0)" and p.norm() == 5.0
        q = m.Particle(p, 0.1, 2**31 + 5, 1, 300, 1j)
        assert q.id == -(2**31) + 5 and q.tag == 44 and q.alive is True and q.pos.y == 4.0
        import struct
        assert q.mass == struct.unpack("f", struct.pack("f", 0.1))[0]
        assert m.N == 100 and m.ORIGIN == (0.0, 0.0) and type(m.ORIGIN) is m.Point
        import numpy as np
        assert m.Particle.dtype == np.dtype([("pos", [("x", "<f8"), ("y", "<f8")]), ("mass", "<f4"),
                                              ("id", "<i4"), ("alive", "?"), ("tag", "u1"), ("charge", "<c16")])
        ps = np.zeros(2, dtype=m.Point)
        ps[1] = m.Point(6, 8)
        assert m._norm_all(ps) == 10.0
        print("ok")
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-3000:]
