"""Python's `functools.reduce` in `.fx` code (docs/language.md, "functools.reduce").

Typed by `frontend/pyfunctools.py` as the loop it means (CPython's algorithm: the first item, or
the initial value, then `acc = f(acc, x)` per item): no lowering of its own.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _deferred

add(Op("pyfunctools.reduce", spellings=("functools.reduce",),
       check=_deferred("fastext.compiler.frontend.pyfunctools", "check_reduce"), pure=False, group="pyfunctools",
       signature="functools.reduce(function, iterable[, initial])",
       doc="folds the items from the left; TypeError for an empty iterable without initial"))
