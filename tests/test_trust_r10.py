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


run = fxload.printed_outcome


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


def test_int_argument_across_fx_modules(tmp_path):
    """A call into another `.fx` module hands the flags over too (its functions are internal here)."""
    (tmp_path / "helpers_r10.fx").write_text("def show(x: float) -> str:\n    return f\"<{x}>\"\n")
    src = tmp_path / "user_r10.fx"
    src.write_text("import helpers_r10\n\n\ndef main() -> str:\n    n = 0\n"
                   "    return helpers_r10.show(3) + helpers_r10.show(n) + helpers_r10.show(0.5)\n")
    assert fxload.compiled(str(src)).main() == fxload.interpreted(str(src)).main() == "<3><0><0.5>"
