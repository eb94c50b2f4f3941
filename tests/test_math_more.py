"""`math.gamma`/`lgamma` (CPython's own Lanczos approximation, lower/pygamma.py), `asinh`,
`acosh`, `atanh`, `cbrt`, `exp2`, `degrees`, `radians`, `ulp`, `nextafter`, `remainder`, and
`fmod`/`remainder` of a NaN divisor: compiled against the same module run by CPython, value
bits (repr) and exception type and message alike, on the special values and on many ordinary
arguments."""
from __future__ import annotations

import math
import os
import random

import pytest

from fxload import FX_DIR, compiled, interpreted

PATH = os.path.join(FX_DIR, "math_more.fx")
SPECIALS = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 1e-300, -1e-300, 5e-324, -5e-324, 171.6, 171.7, 200.5,
            -200.5, -171.5, 1e308, -1e308, 1.5e300, math.inf, -math.inf, math.nan, 23.0, 24.0, -23.5, 1e-20, 1e-21,
            -1e-21, 140.0, 139.9, 141.3, 5.0, 4.999999, 5.524680040776729, 0.75, -0.75, 1.7976931348623157e308]


@pytest.fixture(scope="module")
def both():
    return compiled(PATH), interpreted(PATH)


def _outcome(f, *args):
    try:
        return "value", repr(f(*args))
    except Exception as e:      # the exception's type and message are part of the result
        return type(e).__name__, str(e)


def _arguments(seed: int) -> list[float]:
    rnd = random.Random(seed)
    return (SPECIALS + [rnd.uniform(-180.0, 180.0) for _ in range(1500)] + [rnd.uniform(-6.0, 6.0) for _ in range(1500)]
            + [rnd.uniform(-1.0, 1.0) * 10.0 ** rnd.uniform(-30.0, 3.0) for _ in range(1500)]
            + [float(rnd.randint(-30, 30)) + rnd.choice((0.0, 0.5, 1e-9)) for _ in range(300)])


@pytest.mark.parametrize("name", ["g", "lg", "others", "ac", "at", "e2"])
def test_one_argument_functions_are_cpythons(both, name):
    native, python = (getattr(m, name) for m in both)
    differ = [(x, _outcome(native, x), _outcome(python, x)) for x in _arguments(len(name))
              if _outcome(native, x) != _outcome(python, x)]
    assert not differ, differ[:5]


@pytest.mark.parametrize("name", ["fm", "rem"])
def test_two_argument_functions_keep_cpythons_errors(both, name):
    native, python = (getattr(m, name) for m in both)
    differ = [(x, y) for x in SPECIALS for y in SPECIALS if _outcome(native, x, y) != _outcome(python, x, y)]
    assert not differ, differ[:5]


def test_gamma_errors_name_cpythons_cases(both):
    native = both[0]
    for x, exc in ((0.0, ValueError), (-3.0, ValueError), (-math.inf, ValueError), (171.7, OverflowError),
                   (5e-324, OverflowError)):
        with pytest.raises(exc, match="math (domain|range) error"):
            native.g(x)
    assert native.lg(-math.inf) == math.inf and math.isnan(native.g(math.nan))
    with pytest.raises(ValueError, match="math domain error"):
        native.lg(-2.0)
    with pytest.raises(OverflowError, match="math range error"):
        native.lg(1e308)
