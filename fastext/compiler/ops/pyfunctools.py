"""Python's `functools.reduce` and `operator.itemgetter`/`attrgetter` in `.fx` code
(docs/language.md, "functools.reduce", "Functions as values").

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

for _name, _doc in (("itemgetter", "itemgetter(k) is `lambda x: x[k]` (several keys: a tuple of the items)"),
                    ("attrgetter", "attrgetter(\"a\") is `lambda x: x.a` (several names: a tuple of the fields)")):
    add(Op(f"operator.{_name}", spellings=(f"operator.{_name}",),
           check=_deferred("fastext.compiler.frontend.funcvals", "getter_called"), group="pyfunctools",
           signature=f"operator.{_name}(*keys)", doc=_doc))
