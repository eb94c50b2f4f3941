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
add(Op("array.pyobject", lower=_lower("fastext.compiler.lower.array_objects", "lower_array_object"), pure=False,
       needs_gil=True, doc="a C-contiguous array as a new NumPy array holding a copy of its items (print(a), callbacks)"))
add(Op("array.fill", lower=_lower(_METHODS, "lower_array_method"), writes=(0,), loops=True, pure=False, gpu=True))
for _name in ("sum", "min", "max"):
    add(Op(f"array.{_name}", lower=_lower(_METHODS, "lower_array_method"), loops=True, gpu=True))

# Compositions of other operations (frontend/arrays.py: let): values evaluated once and bound to
# names their body reads; run-time checks of such compositions raise NumPy's exceptions.
add(Op("fx.let", lower=_lower("fastext.compiler.lower.intrinsics", "lower_let"), lazy=True, allocates=True,
       loops=True, pure=False, numpy_scalar=True,
       doc="attrs names, effects, result: each argument bound to its name, the effects run, the result's value"))
add(Op("fx.raise_if", lower=_lower("fastext.compiler.lower.intrinsics", "lower_raise_if"), pure=False,
       doc="raises attrs['exc'](attrs['message']) when its bool argument holds"))
# Python's int in an f64 result (frontend/intflags.py): read right after the call it follows
add(Op("fx.intret", lower=_lower("fastext.compiler.lower.intrinsics", "lower_intret"), pure=False,
       doc="whether the call of attrs['func'] just made returned a value Python holds as an int"))
# f64 parameters holding Python's ints (frontend/intflags.py): read at a function's entry
add(Op("fx.intargs", lower=_lower("fastext.compiler.lower.intrinsics", "lower_intargs"),
       doc="the int flags of the f64 arguments the caller handed this function (bit k: argument k), 0 if none"))
add(Op("fx.flags_address", lower=_lower("fastext.compiler.lower.intrinsics", "lower_flags_address"),
       doc="the address of a list[bool] of int flags, as an i64: the entry point boxes a returned list or "
           "dict by it"))
