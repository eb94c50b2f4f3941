"""Sorting and searching: np.sort, a.sort(), np.argsort, np.unique, np.searchsorted, np.isin.

Typed in `frontend/sorting.py`, lowered in `lower/sorting.py` with the kernels of
`lower/sortkernels.py` (one internal LLVM function per dtype: NumPy's introsort for values,
a stable merge sort for argsort, NumPy's binary search).  NaN sorts last, as in NumPy.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add, deferred, npsource
from fastext.compiler.ops import deferred as _lower  # a lowering of lower/, imported when used

_LOWER = "fastext.compiler.lower.sorting"


def _check(function: str):
    return deferred("fastext.compiler.frontend.sorting", function)


add(Op("array.sort", spellings=("numpy.sort",), check=_check("sort"), lower=_lower(_LOWER, "lower_sort"),
       allocates=True, loops=True, group="sorting", signature="np.sort(a, axis=-1)",
       doc="a sorted copy (axis=None: of the flattened array); NaN last"))
add(Op("array.sort_inplace", spellings=("ndarray.sort",), check=_check("sort"), lower=_lower(_LOWER, "lower_sort"),
       allocates=True, loops=True, writes=(0,), pure=False, group="sorting", signature="a.sort(axis=-1)",
       doc="sorts the array in place; NaN last"))
add(Op("array.argsort", spellings=("numpy.argsort", "ndarray.argsort"), check=_check("argsort"),
       lower=_lower(_LOWER, "lower_argsort"), allocates=True, loops=True, group="sorting",
       signature="np.argsort(a, axis=-1), a.argsort(axis=-1)",
       doc="the indices that sort the array, by a stable sort (NumPy's kind='stable' order)"))
add(Op("array.unique", spellings=("numpy.unique",), check=_check("unique"), lower=_lower(_LOWER, "lower_unique"),
       allocates=True, loops=True, group="sorting",
       signature="np.unique(a, return_index=False, return_inverse=False, return_counts=False)",
       doc="the sorted distinct items of the flattened array (one NaN); with return_*: the tuple (values, "
           "first indices, inverse of a's shape, counts) of those asked for, int64"))
add(Op("array.searchsorted", spellings=("numpy.searchsorted", "ndarray.searchsorted"), check=_check("searchsorted"),
       lower=_lower(_LOWER, "lower_searchsorted"), lazy=True, allocates=True, loops=True, numpy_scalar=True,
       group="sorting", signature="np.searchsorted(a, v, side='left'), a.searchsorted(v, side='left')",
       doc="where v's items would go into the sorted 1-D a (NumPy's binary search); an int for a number v"))
add(Op("array.partition", lower=_lower(_LOWER, "lower_sort"), allocates=True, loops=True, group="sorting",
       doc="a copy of a (axis None: flattened) whose lines hold at each of the i64 arguments kth (largest first) "
           "the item a sort puts there: what np.median and the quantiles read (frontend/statistics.py)"))
add(Op("array.isin", spellings=("numpy.isin",), check=_check("isin"), lower=_lower(_LOWER, "lower_isin"), lazy=True,
       allocates=True, loops=True, group="sorting",
       signature="np.isin(element, test_elements, assume_unique=False, invert=False)",
       doc="bool array of element's shape: whether each item is in test_elements (a sorted copy, binary "
           "searches, NumPy's common dtype; NaN is in nothing)"))
add(Op("np.partition", spellings=("numpy.partition",),
       check=deferred("fastext.compiler.frontend.compose_more", "partition"), group="sorting",
       signature="np.partition(a, kth, axis=-1)",
       doc="a copy with each line's kth item (one int, negative from the end) where a sort puts it, smaller or "
           "equal ones before it, the others after (quickselect, O(n)); ValueError for kth out of bounds"))
add(Op("np.argpartition", spellings=("numpy.argpartition", "ndarray.argpartition"),
       check=deferred("fastext.compiler.frontend.compose_more", "partition"), group="sorting",
       signature="np.argpartition(a, kth, axis=-1), a.argpartition(kth, axis=-1)",
       doc="int64 indices that partition each line at kth (one int): a stable argsort's order, one NumPy allows "
           "(the order within the parts is undefined); O(n log n)"))
add(Op("np.lexsort", spellings=("numpy.lexsort",),
       check=deferred("fastext.compiler.frontend.compose_more", "lexsort"), group="sorting",
       signature="np.lexsort(keys)",
       doc="int64 indices sorting 1-D keys by the last key, ties by the previous ones (stable argsorts and "
           "gathers); ValueError for keys of two lengths"))

for _kind, _doc in (("union", "the sorted distinct values of both (flattened): np.unique of their concatenation"),
                    ("intersect", "the sorted distinct values in both: equal neighbours of the sorted distinct values "
                                  "of each (NaN in neither)"),
                    ("setdiff", "the sorted distinct values of ar1 not in ar2 (np.isin; NaN stays)")):
    add(Op(f"np.{_kind}1d", spellings=(f"numpy.{_kind}1d",), check=npsource("set_function"), group="sorting",
           signature=f"np.{_kind}1d(ar1, ar2)", doc=_doc, data={"kind": _kind}))
