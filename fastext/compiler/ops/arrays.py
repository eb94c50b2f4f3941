"""Whole-array operations that already existed before the array language: allocation
(`np.zeros` & co., typed in `frontend/alloc.py`), copies, slice assignment and fills, and
the sequential `a.sum()/min()/max()` methods."""
from __future__ import annotations

from fastext.compiler.frontend.alloc import ALLOC_FUNCS
from fastext.compiler.ops import Op, add
from fastext.compiler.ops import deferred as _lower

_ALLOC = "fastext.compiler.lower.alloc"
_METHODS = "fastext.compiler.lower.array_methods"

for _name in ALLOC_FUNCS + ("copy",):
    add(Op(f"array.{_name}", lower=_lower(_ALLOC, "lower_alloc"), allocates=True, loops=True, gpu=True,
           group="creation"))

add(Op("array.assign", lower=_lower("fastext.compiler.lower.arraymap", "lower_assign"), lazy=True, writes=(0,),
       loops=True, pure=False, gpu=True,
       doc="a[...] = b: NumPy's broadcasting and overlap rules"))
add(Op("array.owned", lower=_lower(_ALLOC, "lower_owned"), allocates=True, loops=True,
       doc="a returned array, copied when it is a parameter's memory (frontend/alloc.py: own_returns)"))
add(Op("array.fill", lower=_lower(_METHODS, "lower_array_method"), writes=(0,), loops=True, pure=False, gpu=True))
for _name in ("sum", "min", "max"):
    add(Op(f"array.{_name}", lower=_lower(_METHODS, "lower_array_method"), loops=True, gpu=True))
