"""Reductions: `np.sum(a, axis=0)`, `a.mean()`, `np.argmax(x)`, `np.cumsum(a)`, `np.linalg.norm(x)`, ...

Each is declared once for its function spelling (`numpy.sum`) and its method spelling
(`ndarray.sum`), with its parameters as NumPy names them (`frontend/reductions.py` types
the call) and the lowering of `lower/reduce.py`.  The argument is any array expression:
an element-wise one is folded as it is computed, without a temporary array.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add


def _check(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.reductions import reduction_call
    return reduction_call(fc, node, op, shown, receiver)


def _lower(fl, e, args):
    from fastext.compiler.lower.reduce import lower_reduction
    return lower_reduction(fl, e, args)


# kind → (NumPy parameters after the array, docs)
PARAMS = {
    "sum": (("axis", "dtype", "out", "keepdims"), "sum (floats: NumPy's pairwise summation)"),
    "prod": (("axis", "dtype", "out", "keepdims"), "product"),
    "min": (("axis", "out", "keepdims"), "minimum (NaN propagates; empty: ValueError)"),
    "max": (("axis", "out", "keepdims"), "maximum (NaN propagates; empty: ValueError)"),
    "mean": (("axis", "dtype", "out", "keepdims"), "arithmetic mean (integers in float64)"),
    "var": (("axis", "dtype", "out", "ddof", "keepdims"), "variance, sum((a - mean)**2) / (n - ddof)"),
    "std": (("axis", "dtype", "out", "ddof", "keepdims"), "standard deviation, sqrt(var)"),
    "argmin": (("axis", "out", "keepdims"), "index of the first minimum (a NaN wins)"),
    "argmax": (("axis", "out", "keepdims"), "index of the first maximum (a NaN wins)"),
    "all": (("axis", "out", "keepdims"), "whether every item is true"),
    "any": (("axis", "out", "keepdims"), "whether some item is true"),
    "cumsum": (("axis", "dtype", "out"), "running sum (axis=None: of the flattened array)"),
    "cumprod": (("axis", "dtype", "out"), "running product"),
    "count_nonzero": (("axis", "keepdims"), "number of non-zero items"),
    "average": (("axis", "weights", "returned", "keepdims"), "mean, or weighted mean sum(a*w)/sum(w)"),
    "norm": (("ord", "axis", "keepdims"), "vector norms (ord None, 2, 1, inf, -inf); matrix norms (None/'fro', ±1, ±2, ±inf, 'nuc')"),
}

_METHODS = ("sum", "prod", "min", "max", "mean", "var", "std", "argmin", "argmax", "all", "any", "cumsum", "cumprod")
_ALIASES = {"min": ("amin",), "max": ("amax",)}


def _declare(kind: str) -> None:
    params, doc = PARAMS[kind]
    spellings = [f"numpy.{kind}"] + [f"numpy.{a}" for a in _ALIASES.get(kind, ())]
    if kind == "norm":
        spellings = ["numpy.linalg.norm"]
    if kind in _METHODS:
        spellings.append(f"ndarray.{kind}")
    first = "x" if kind == "norm" else "a"
    add(Op(f"np.{kind}", spellings=tuple(spellings), check=_check, lower=_lower, lazy=True, loops=True,
           allocates=True, numpy_scalar=True, group="reduction", doc=doc,
           signature=f"np.{'linalg.' if kind == 'norm' else ''}{kind}({first}, "
                     f"{', '.join(p + '=None' for p in params if p != 'out')})"
           .replace("keepdims=None", "keepdims=False").replace("ddof=None", "ddof=0")
           .replace("returned=None", "returned=False"),
           data={"reduce": kind, "params": params}))


for _kind in PARAMS:
    _declare(_kind)


def _check_bincount(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.reductions import bincount_call
    return bincount_call(fc, node, op, shown)


def _lower_bincount(fl, e, args):
    from fastext.compiler.lower.reduce import lower_bincount
    return lower_bincount(fl, e, args)


add(Op("np.bincount", spellings=("numpy.bincount",), check=_check_bincount, lower=_lower_bincount, lazy=True,
       loops=True, allocates=True, group="reduction", signature="np.bincount(x, weights=None, minlength=0)",
       doc="counts (or weight sums, float64 — also for an empty x, where NumPy gives int64) of each non-negative "
           "integer of x; ValueError for a negative one"))


# Python's builtins over the items of a 1-D array (`sum(a)`, `min(a)`, `max(a)`): Python's order
# and rules, not NumPy's — a sequential sum from 0, the first of equal extremes, NaN kept only
# where it comes first (an item compared with it is never smaller).  Typed by
# `frontend/calls.py: builtin_call`.
for _kind, _doc in (("pysum", "sum(a): 0 + a[0] + a[1] + ... in order (Python's sum of a 1-D array)"),
                    ("pymin", "min(a): Python's min over a 1-D array (the first item, then each smaller one)"),
                    ("pymax", "max(a): Python's max over a 1-D array (the first item, then each larger one)")):
    add(Op(f"py.{_kind[2:]}", lower=_lower, lazy=True, loops=True, numpy_scalar=True, group="builtins", doc=_doc,
           data={"reduce": _kind, "params": ()}))


def _check_nan(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.reductions import nan_reduction
    return nan_reduction(fc, node, op, shown, receiver)


for _kind, _doc in (("sum", "sum with NaNs counted as 0"), ("prod", "product with NaNs counted as 1"),
                    ("mean", "mean of the items that are not NaN (all NaN: nan)"),
                    ("min", "minimum ignoring NaNs (all NaN: nan)"), ("max", "maximum ignoring NaNs (all NaN: nan)")):
    add(Op(f"np.nan{_kind}", spellings=(f"numpy.nan{_kind}",), check=_check_nan, group="reduction", doc=_doc,
           signature=f"np.nan{_kind}(a, axis=None, keepdims=False)", data={"nan": _kind}))


# np.maximum.accumulate / np.minimum.accumulate (ufunc methods, ops/ufuncs.py): no spelling of their own
for _kind, _doc in (("cummax", "running maximum: np.maximum.accumulate (NumPy's maximum, NaN propagates)"),
                    ("cummin", "running minimum: np.minimum.accumulate (NumPy's minimum, NaN propagates)")):
    add(Op(f"np.{_kind}", check=_check, lower=_lower, lazy=True, loops=True, allocates=True, group="reduction",
           doc=_doc, data={"reduce": _kind, "params": ("axis", "dtype", "out")}))
