"""Round 10 trust checks: an f64 parameter shows Python's int its caller passed (`_show(1)` prints
`1`: frontend/intflags.py, `Call.intargs` and `fx.intargs`), and `sum` of an empty list stored into
a list or dict stays the int `0`.  Each program of tests/fx/trust_r10.fx printed `1.0` / `0.0`
before; a Python caller's int passed to an exported `x: float` is converted (the boundary)."""
from __future__ import annotations

import os

import pytest

import fxload

FX = os.path.join(fxload.FX_DIR, "trust_r10.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(FX), fxload.interpreted(FX)


def run(fn, *args):
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        out = fxload.outcome(fn, *args)
    return buf.getvalue(), out


CASES = [("literal_args", 3), ("local_args", 3), ("local_args", 0), ("through_results", 4),
         ("in_loops", 3), ("sums_stored", 0), ("sums_stored", 3)]


@pytest.mark.parametrize("name,arg", CASES)
def test_int_arguments_shown_as_python(both, name, arg):
    native, oracle = both
    got = run(getattr(native, name), arg)
    assert got == run(getattr(oracle, name), arg)


def test_int_from_python_is_the_boundary_conversion(tmp_path):
    """An exported `x: float` converts Python's int (documented): the flag starts false."""
    src = tmp_path / "boundary_r10.fx"
    src.write_text("def echo(x: float) -> str:\n    return str(x)\n\n\n"
                   "def _echo(x: float) -> str:\n    return str(x)\n\n\n"
                   "def inside() -> str:\n    return echo(1) + _echo(2)\n")
    mod = fxload.compiled(str(src))
    assert mod.echo(1) == "1.0"
    assert mod.inside() == "12"
