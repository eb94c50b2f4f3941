"""A wheel whose `.fx` module has @vectorize / @guvectorize functions works in a fresh venv that
has NumPy but neither fastext nor llvmlite: the ufuncs are made by the module's own init through
NumPy's C API (abi/ufuncs.py).  Reuses the wheel tests' helpers (tests/test_wheels.py)."""
from __future__ import annotations

import glob
import sys
import textwrap

import pytest

from test_wheels import _build, _copy_example, _fresh_venv, _needs_build_tools, _run

UFUNCS_FX = '''\
"""ufuncs shipped in a wheel"""
from fastext import f64, guvectorize, vectorize


@vectorize(["i64(i64, i64)", "f64(f64, f64)"], identity=0)
def axpy1(x, y):
    return x * y + 1


@guvectorize("(n),(n)->()")
def dot(x: f64[:], y: f64[:], out: f64[:]) -> None:
    s = 0.0
    for i in range(len(x)):
        s += x[i] * y[i]
    out[0] = s
'''

CHECK = textwrap.dedent('''\
    import importlib.util as u
    import numpy as np
    from wheelpkg import ufuncs
    assert u.find_spec("fastext") is None and u.find_spec("llvmlite") is None
    assert isinstance(ufuncs.axpy1, np.ufunc) and ufuncs.axpy1.types == ["ll->l", "dd->d"]
    a = np.arange(6.0).reshape(2, 3)
    assert (ufuncs.axpy1(a, 2.0) == a * 2 + 1).all()
    assert ufuncs.axpy1(np.arange(4), 3).dtype == np.int64
    assert ufuncs.axpy1.reduce(np.array([1, 2, 3])) == 10 and ufuncs.axpy1.identity == 0
    assert (ufuncs.dot(a, np.ones(3)) == a.sum(axis=1)).all() and ufuncs.dot.signature == "(n),(n)->()"
    print("ufuncs ok", ufuncs.__file__)
''')


@pytest.mark.slow
def test_wheel_with_ufuncs_runs_without_fastext(tmp_path):
    _needs_build_tools()
    project = _copy_example(tmp_path / "src")
    with open(f"{project}/wheelpkg/ufuncs.fx", "w", encoding="utf-8") as f:
        f.write(UFUNCS_FX)
    proc = _build(project, tmp_path / "dist", "--wheel")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    wheel, = glob.glob(str(tmp_path / "dist" / "*.whl"))
    vpy = _fresh_venv(sys.executable, tmp_path / "venv", wheel, "numpy")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": "", "PYTHONNOUSERSITE": "1"}
    run = _run([vpy, "-c", CHECK], cwd=str(tmp_path), env=env)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    assert "ufuncs ok" in run.stdout and "site-packages" in run.stdout and "ufuncs.abi3.so" in run.stdout
