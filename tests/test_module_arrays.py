"""Module-level NumPy arrays (frontend/module_arrays.py): evaluated by NumPy when compiled, one
global array the module's functions and Python share, copies when returned, located errors for
expressions that cannot be a constant."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

PATH = os.path.join(fxload.FX_DIR, "module_arrays.fx")


@pytest.fixture(scope="module")
def mods():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


def test_values_and_reads_match_python(mods):
    native, oracle = mods
    for name in ("W", "K", "GRID", "TABLE"):
        got, want = getattr(native, name), getattr(oracle, name)
        assert isinstance(got, np.ndarray) and got.dtype == want.dtype and np.array_equal(got, want), name
    x = np.random.default_rng(0).random(10)
    np.testing.assert_array_equal(native.smooth(x), oracle.smooth(x))
    u = np.random.default_rng(1).random((3, 3))
    assert native.lap(u) == oracle.lap(u)
    assert native.grid_sum() == oracle.grid_sum()


def test_returned_module_arrays_are_copies(mods):
    native, _ = mods
    w = native.get_w()
    w[:] = -1.0
    assert native.W[0] != -1.0
    tail = native.get_table_tail()      # through an internal function
    np.testing.assert_array_equal(tail, np.arange(12).reshape(3, 4)[1:])
    tail[:] = 0
    assert native.TABLE[2, 3] == 11


def test_writes_are_shared_with_python_as_a_module_global_is():
    """In a fresh interpreter: compiled writes show in `mod.W`, Python's writes in compiled reads."""
    script = textwrap.dedent(f"""
        import sys
        import numpy as np
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import fxload
        m = fxload.compiled({PATH!r})
        assert m.bump(0) == 1.25 and m.bump(0) == 2.25 and m.W[0] == 2.25
        m.W[:] = [0.0, 1.0, 0.0]
        assert list(m.smooth(np.arange(5.0))) == [0.0, 1.0, 2.0, 3.0, 0.0]
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout


BAD = [
    ("X = np.random.rand(3)", "cannot build a module-level array", (4, 5)),
    ("X = np.array([1.0, 2.0]) + np.array([1.0, 2.0, 3.0])", "raises ValueError", (4, 5)),
    ("X = np.array([1.0, y])", "name `y` is not defined", (4, 20)),
    ("X = np.array(['a', 'b'])", "dtype <U1 are not supported", (4, 5)),
]


@pytest.mark.parametrize("line,message,where", BAD, ids=[b[1] for b in BAD])
def test_bad_module_arrays_are_located_errors(line, message, where):
    source = "import numpy as np\nfrom fastext import f64\n\n" + line + "\n\n\ndef f() -> f64:\n    return 1.0\n"
    with pytest.raises(CompileError) as info:
        compile_source(source, "bad.fx", "bad")
    d = info.value.diagnostics[0]
    assert message in d.message, d.message
    assert str(d.span) == "bad.fx:%d:%d" % where
    assert d.hint


def test_gpu_code_cannot_read_them():
    source = textwrap.dedent("""
        import numpy as np
        from fastext import f64, gpu

        W = np.ones(3)


        @gpu.kernel
        def k(out: f64[:]) -> None:
            i = gpu.global_id(0)
            out[i] = W[0]
    """)
    with pytest.raises(CompileError) as info:
        compile_source(source, "g.fx", "g")
    assert "GPU code cannot read them" in info.value.diagnostics[0].message
