"""`global NAME` in functions: module numbers as module variables (frontend/module_scalars.py),
compared call by call with plain Python, what Python sees as `mod.NAME`, and the errors."""
from __future__ import annotations

import os

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError

PATH = os.path.join(fxload.FX_DIR, "modglobals.fx")


def test_calls_see_and_change_the_module_variable(tmp_path):
    # a private copy: the module keeps its state across calls, as a Python module does
    path = tmp_path / "modglobals_state.fx"
    path.write_text(open(PATH).read())
    native, plain = fxload.compiled(str(path)), fxload.interpreted(str(path))
    for mod in (native, plain):
        assert (mod.bump(5), mod.bump(3), mod.COUNT, mod.read()) == (5, 8, 8, (8, 1.5, 10))
        mod.reset()
        assert (mod.read(), mod.COUNT, mod.SCALE, mod.LIMIT) == ((0, 3.0, 10), 0, 3.0, 10)
    with pytest.raises(AttributeError):
        native.NOT_THERE


@pytest.mark.parametrize("body, message", [
    ("def f() -> None:\n    global MISSING\n    MISSING = 1\n", "`global MISSING`: there is no module-level `MISSING`"),
    ("W = [1.0, 2.0]\n\ndef f() -> None:\n    global W\n    W = [3.0]\n",
     "`global W`: only module-level numbers and str values can be assigned from functions"),
    ("N = 0\n\ndef f() -> None:\n    N = 2\n    global N\n", "name `N` is assigned before its global declaration"),
    ("from fastext import prange\nN = 0\n\ndef f(n: i64) -> None:\n    global N\n    for i in prange(n):\n        N = i\n",
     "cannot assign the module variable `N` inside a prange loop"),
])
def test_misuse_is_located(tmp_path, body, message):
    path = tmp_path / "bad_global.fx"
    path.write_text("from fastext import i64\n" + body)
    with pytest.raises(CompileError) as err:
        fxload.compiled(str(path))
    assert message in str(err.value) and "bad_global.fx:" in str(err.value), str(err.value)
