"""Keyword-only parameters with defaults (`def f(x, *, tol=1e-8)`, frontend/module.py:
`keyword_only`): passed by name from Python and from `.fx` code, refused by position as Python
refuses them, shown with the `*` in signatures and stubs."""
from __future__ import annotations

import inspect
import os

import numpy as np
import pytest

import fxload

PATH = os.path.join(fxload.FX_DIR, "keyword_only.fx")


@pytest.fixture(scope="module")
def both():
    return fxload.compiled(PATH), fxload.interpreted(PATH)


@pytest.mark.parametrize("args,kwargs", [((1.5,), {}), ((1.5,), {"tol": 0.1}), ((), {"x0": 1.5, "max_iter": 2}),
                                         ((3.0,), {"max_iter": 0, "tol": 1e-3})])
def test_called_by_name_like_python(both, args, kwargs):
    compiled, plain = (m.newton(*args, **kwargs) for m in both)
    assert compiled == plain


def test_internal_calls_by_name(both):
    a = np.arange(3.0)
    (c0, c1, c2), (p0, p1, p2) = (m.run(a, 3.0) for m in both)
    assert (c0, c1) == (p0, p1) and np.array_equal(c2, p2)


def test_by_position_is_a_type_error(both):
    for m in both:
        with pytest.raises(TypeError, match="positional argument"):
            m.newton(1.5, 0.1)


def test_signature_shows_the_star(both):
    assert str(inspect.signature(both[0].newton)) == "(x0, *, tol=1e-12, max_iter=50)"
    assert "newton(x0: f64, *, tol: f64 = 1e-12, max_iter: i64 = 50) -> f64" in both[0].newton.__doc__


@pytest.mark.parametrize("source,where,message", [
    ("def _g(x: float, *, tol: float) -> float:\n    return x\n\n\ndef f(x: float) -> float:\n"
     "    return _g(x)\n", (6, 12), "`_g` is missing argument `tol`"),
    ("def _g(x: float, *, k: float = 1.0) -> float:\n    return x * k\n\n\ndef f(x: float) -> float:\n"
     "    return _g(x, 2.0)\n", (6, 12), "`_g` takes 1 positional argument but 2 were given"),
])
def test_located_errors(tmp_path, source, where, message):
    text = fxload.compile_error(tmp_path, source)
    assert f"bad_program.fx:{where[0]}:{where[1]}:" in text and message in text and "hint:" in text
