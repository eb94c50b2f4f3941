"""Load a `.fx` file compiled (through the compiler and the system linker) or interpreted.

No import hook involved: `compiled(path)` calls the compiler driver and the
linker directly and loads the shared object from a private temporary folder;
`interpreted(path)` execs the same source as plain Python.  Both are cached, so
each `.fx` file is compiled once per test session.
"""
from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import tempfile
import types

from fastext.importer.interpreted import load as load_interpreted

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(REPO, "examples")
FX_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fx")

_compiled: dict[str, types.ModuleType] = {}
_interpreted: dict[str, types.ModuleType] = {}
_tmp: str | None = None


def _tmpdir() -> str:
    global _tmp
    if _tmp is None:
        _tmp = tempfile.mkdtemp(prefix="fastext-tests-")
        atexit.register(shutil.rmtree, _tmp, ignore_errors=True)
    return _tmp


def _module_name(path: str) -> str:
    return os.path.basename(path).rsplit(".", 1)[0]


def compiled(path: str, name: str | None = None) -> types.ModuleType:
    """The native extension module built from `path` (compiled once per process)."""
    path = os.path.abspath(path)
    name = name or _module_name(path)
    key = f"{path}::{name}"
    if key not in _compiled:
        from fastext.compiler.driver import compile_file
        from fastext.compiler.link import link_shared
        art = compile_file(path, name)
        so = os.path.join(_tmpdir(), f"{name}_{len(_compiled)}_native.so")
        link_shared(art.object_code, so)
        spec = importlib.util.spec_from_file_location(name, so)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _compiled[key] = mod
    return _compiled[key]


def interpreted(path: str, name: str | None = None) -> types.ModuleType:
    """The same `.fx` source executed as plain Python (the correctness oracle)."""
    path = os.path.abspath(path)
    name = name or _module_name(path)
    key = f"{path}::{name}"
    if key not in _interpreted:
        # exactly what FASTEXT_DISABLE=1 runs (array items seen as Python numbers)
        _interpreted[key] = load_interpreted(path, name)
    return _interpreted[key]


def exported(path: str) -> list[str]:
    """Names of the exported functions of a `.fx` file (as the compiler sees them)."""
    import ast
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]


def program_output(mod: types.ModuleType, args: tuple) -> str:
    """What `mod.main(*args)` prints, then the repr of its result."""
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        result = mod.main(*args)
    return buf.getvalue() + repr(result)


def programs_in(folder: str) -> list[str]:
    """The `.fx` programs of tests/fx/<folder>/, each run with the arguments of its `# ARGS:` line."""
    return sorted(f for f in os.listdir(os.path.join(FX_DIR, folder)) if f.endswith(".fx"))


def assert_program_like_python(folder: str, program: str) -> None:
    """tests/fx/<folder>/<program> prints (and returns) compiled exactly what it does under plain Python."""
    import re
    path = os.path.join(FX_DIR, folder, program)
    with open(path) as f:
        args = eval("(" + re.search(r"# ARGS: (.*)", f.read()).group(1) + ",)")
    assert program_output(compiled(path), args) == program_output(interpreted(path), args)


def compile_error(tmp_path, source: str, stem: str = "bad_program") -> str:
    """The text of the CompileError that `source` (written to tmp_path/<stem>.fx) raises."""
    import pytest
    from fastext.compiler.diagnostics import CompileError
    path = tmp_path / f"{stem}.fx"
    path.write_text(source)
    with pytest.raises(CompileError) as err:
        compiled(str(path))
    return str(err.value)


def assert_located_error(tmp_path, source: str, line: int, col: int, message: str, hint: str) -> None:
    """Checking `source` (dedented, after a `from __future__` line) reports first an error at
    source line `line`, column `col` (from 1) whose message and hint contain the texts given."""
    import textwrap
    from fastext.compiler.driver import check_file
    path = tmp_path / "bad.fx"
    path.write_text("from __future__ import annotations\n" + textwrap.dedent(source))
    diags = check_file(str(path))
    assert diags, "expected an error"
    d = diags[0]
    assert message in d.message and hint in d.hint, d.render()
    assert (d.span.line, d.span.col + 1) == (line + 1, col), d.render()   # columns from 0, as ast's


def outcome_and_arrays(mod, name: str, *args):
    """`mod.name(*args)` on copies of the arguments: ("ok", result) or (exception type, message),
    and the arrays afterwards (the side effects; a list parameter is converted to a native
    list, its changes come back only as results)."""
    import numpy as np
    args = [a.copy() if isinstance(a, np.ndarray) else list(a) if isinstance(a, list) else a for a in args]
    try:
        out = ("ok", getattr(mod, name)(*args))
    except Exception as e:   # noqa: BLE001 - the outcome is compared
        out = (type(e).__name__, str(e))
    return out, [a.tolist() for a in args if isinstance(a, np.ndarray)]


def assert_same_outcome(both, name: str, *args):
    """Compiled and interpreted (`both`) give the same outcome and side effects; returns it."""
    compiled, interpreted = (outcome_and_arrays(m, name, *args) for m in both)
    assert compiled == interpreted, (name, args)
    return compiled


def outcome(f, *args):
    """("ok", f(*args)), or (exception type, message) when it raises."""
    try:
        return ("ok", f(*args))
    except Exception as e:   # noqa: BLE001 - the outcome is compared
        return (type(e).__name__, str(e))


def printed_outcome(f, *args) -> tuple[str, tuple]:
    """(what `f(*args)` prints, its `outcome`)."""
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        out = outcome(f, *args)
    return buf.getvalue(), out


def assert_same_draws(native, python, name: str, *args) -> None:
    """`name(*args)` of both modules gives the same values and dtype, exactly (array arguments
    copied for each side: the calls may shuffle them in place)."""
    import numpy as np

    def call(m):
        return getattr(m, name)(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])
    got, expected = np.asarray(call(native)), np.asarray(call(python))
    assert got.dtype == expected.dtype, (name, args)
    assert got.tolist() == expected.tolist(), (name, args)


def linked_object(path: str, folder) -> str:
    """`path` compiled and linked into folder/<stem>.so, for a child process to load."""
    from fastext.compiler.driver import compile_file
    from fastext.compiler.link import link_shared
    stem = os.path.basename(path).rsplit(".", 1)[0]
    so = str(folder / f"{stem}.so")
    link_shared(compile_file(path, stem).object_code, so)
    return so


def run_without_blas(script: str, shared_object: str) -> list[str]:
    """The stdout lines of `script` run in a child Python with FASTEXT_BLAS=0 (no BLAS, no LAPACK:
    the native fallbacks), the shared object as its argument; asserts it exited 0."""
    import subprocess
    import sys
    env = dict(os.environ, FASTEXT_BLAS="0")
    proc = subprocess.run([sys.executable, "-c", script, shared_object], capture_output=True, text=True, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()



def same_values(expected, got, rtol: float = 1e-12, atol: float = 1e-13) -> None:
    """Assert `got` (a compiled kernel's result) equals NumPy's `expected`: tuples and lists item by
    item; arrays in dtype and shape, values to `rtol` with an absolute floor of `atol` or `rtol`
    times the largest finite item; floats and complex numbers to the same tolerance; anything
    else exactly and of the Python type NumPy's value converts to."""
    import numpy as np
    if isinstance(expected, (tuple, list)):
        assert isinstance(got, (tuple, list)) and len(got) == len(expected)
        for e, g in zip(expected, got):
            same_values(e, g, rtol, atol)
    elif isinstance(expected, np.ndarray):
        assert isinstance(got, np.ndarray)
        assert (got.dtype, got.shape) == (expected.dtype, expected.shape)
        scale = float(np.max(np.abs(expected))) if expected.size and np.isfinite(expected).all() else 1.0
        np.testing.assert_allclose(got, expected, rtol=rtol, atol=max(atol, rtol * scale), equal_nan=True)
    elif isinstance(expected, (float, complex, np.floating, np.complexfloating)):
        assert np.isclose(got, expected, rtol=rtol, atol=atol, equal_nan=True), (got, expected)
    else:
        assert got == expected and type(got) is type(expected.item() if isinstance(expected, np.generic) else
                                                       expected)


def kernel_results(oracle, native, kernel: str, args) -> tuple | None:
    """Run `kernel` of the plain-Python `oracle` module and of the `native` one on copies of
    `args`, NumPy's warnings silenced: (expected, got, oracle's args after, native's args after),
    or None when the oracle raised — after checking the native one raises the same type."""
    import copy
    import warnings

    import pytest
    a_py, a_nat = copy.deepcopy(args), copy.deepcopy(args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # NumPy's warnings on empty or all-NaN inputs
        try:
            expected = getattr(oracle, kernel)(*a_py)
        except Exception as e:      # noqa: BLE001 - the oracle's exception is what we compare
            with pytest.raises(type(e)):
                getattr(native, kernel)(*a_nat)
            return None
        got = getattr(native, kernel)(*a_nat)
    return expected, got, a_py, a_nat
