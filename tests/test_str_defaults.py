"""`str` parameter defaults (tests/fx/strdefaults.fx), compiled vs interpreted."""
import os

import pytest

import fxload
from fastext.compiler.diagnostics import CompileError
from fastext.compiler.driver import compile_source

PATH = os.path.join(fxload.FX_DIR, "strdefaults.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@pytest.mark.parametrize("name, args, kwargs", [
    ("greet", (2,), {}), ("greet", (1, "you"), {}), ("greet", (1,), {"sep": "-"}), ("count", (), {}),
    ("count", ("xbx",), {}), ("count", (), {"c": "a"}), ("inner", (2,), {}), ("total", (), {}),
])
def test_defaults_match_python(both, name, args, kwargs):
    compiled, interpreted = both
    assert getattr(compiled, name)(*args, **kwargs) == getattr(interpreted, name)(*args, **kwargs)


def test_signature_shows_the_default(both):
    compiled, _ = both
    assert "who: str = 'world'" in compiled.greet.__doc__.splitlines()[0]


def test_the_default_is_one_object(both):
    compiled, _ = both
    for _ in range(1000):        # made once, kept by the module: no object per call
        compiled.count()
    assert compiled.count() == 2


def test_bad_defaults_are_located_errors():
    src = 'from fastext import f64\n\ndef f(x: f64 = "a") -> f64:\n    return x\n'
    with pytest.raises(CompileError, match="default of `x` must be"):
        compile_source(src, "bad.fx", "bad")
    src = 'def g(s: str = "\\ud800") -> int:\n    return len(s)\n'
    with pytest.raises(CompileError, match="lone surrogate"):
        compile_source(src, "bad2.fx", "bad2")
