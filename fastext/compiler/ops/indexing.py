"""NumPy's advanced indexing: boolean masks and integer arrays in subscripts, and the
functions built on them (`np.nonzero`, `np.where(cond)`, `np.flatnonzero`, `np.argwhere`,
`np.take`, `np.extract`).

Subscripts are typed by `frontend/indexing.py` (the hook `e_subscript`, `assign_to` and
`s_augassign` call) into the operations below; lowering is `lower/masks.py` (masks,
nonzero) and `lower/gather.py` (integer indices).  Every operation evaluates its own
arguments (`lazy`), so a mask written as an expression (`a[a > 0]`) is computed item by
item, never stored.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add, deferred, npsource
from fastext.compiler.ops import deferred as _lower  # a lowering of lower/, imported when used

_MASKS = "fastext.compiler.lower.masks"
_GATHER = "fastext.compiler.lower.gather"


def _check(function: str):
    return deferred("fastext.compiler.frontend.indexing", function)


add(Op("index.compress", lower=_lower(_MASKS, "lower_compress"), lazy=True, allocates=True, loops=True,
       group="indexing", signature="a[mask]",
       doc="the items (or rows) where a boolean mask is true, in C order (a new array)"))
add(Op("index.put_mask", lower=_lower(_MASKS, "lower_put_mask"), lazy=True, allocates=True, loops=True,
       writes=(0,), pure=False, group="indexing", signature="a[mask] = v; a[mask] += v",
       doc="store a scalar or the selected count of values where a boolean mask is true"))
add(Op("index.take", spellings=("numpy.take", "ndarray.take"), check=_check("take_call"),
       lower=_lower(_GATHER, "lower_take"), lazy=True, allocates=True, loops=True, group="indexing",
       signature="a[idx], a[i, j], a[idx, 1:], np.take(a, indices, axis=None, mode='raise')",
       doc="gather by integer arrays (negative indices wrap, out of bounds: IndexError)"))
add(Op("index.put", lower=_lower(_GATHER, "lower_put"),
       lazy=True, allocates=True, loops=True, writes=(0,), pure=False, group="indexing",
       signature="a[idx] = v, a[i, j] = v, a[:, idx] += v",
       doc="scatter by integer arrays (duplicates: the last store wins; += does not accumulate; with "
           "attrs['at'], np.add.at & co., each store combines with the item: they do)"))
add(Op("index.nonzero", spellings=("numpy.nonzero", "ndarray.nonzero"), check=_check("nonzero_call"),
       lower=_lower(_MASKS, "lower_nonzero"), lazy=True, allocates=True, loops=True, group="indexing",
       signature="np.nonzero(a), a.nonzero(), np.where(cond)",
       doc="a tuple of int64 arrays, the indices of the non-zero items along each axis"))
add(Op("index.flatnonzero", spellings=("numpy.flatnonzero",), check=_check("nonzero_call"),
       lower=_lower(_MASKS, "lower_nonzero"), lazy=True, allocates=True, loops=True, group="indexing",
       signature="np.flatnonzero(a)", doc="the flat (C order) indices of the non-zero items, int64"))
add(Op("index.argwhere", spellings=("numpy.argwhere",), check=_check("nonzero_call"),
       lower=_lower(_MASKS, "lower_nonzero"), lazy=True, allocates=True, loops=True, group="indexing",
       signature="np.argwhere(a)", doc="the indices of the non-zero items, one row each (int64, shape (n, a.ndim))"))
add(Op("index.extract", spellings=("numpy.extract",), check=_check("extract_call"), group="indexing",
       signature="np.extract(condition, arr)",
       doc="the items of arr (flattened) where condition (flattened) is non-zero"))
add(Op("np.unravel_index", spellings=("numpy.unravel_index",),
       check=deferred("fastext.compiler.frontend.compose", "unravel_index"), group="indexing",
       signature="np.unravel_index(indices, shape)",
       doc="the C-order coordinates of flat indices: a tuple of ints or int64 arrays (ValueError out of range)"))
add(Op("np.ravel_multi_index", spellings=("numpy.ravel_multi_index",),
       check=deferred("fastext.compiler.frontend.grids", "ravel_multi_index"), group="indexing",
       signature="np.ravel_multi_index(multi_index, dims, mode='raise')",
       doc="the flat C-order indices of integer coordinates (ints or arrays, broadcast), int64; mode 'raise' "
           "(ValueError out of range), 'wrap' or 'clip' as one constant for every axis"))
for _name, _upper, _where in (("triu", True, "on and above"), ("tril", False, "on and below")):
    add(Op(f"np.{_name}_indices", spellings=(f"numpy.{_name}_indices",),
           check=deferred("fastext.compiler.frontend.compose_more", "tri_indices"), group="indexing",
           signature=f"np.{_name}_indices(n, k=0, m=None)",
           doc=f"(rows, cols) int64 arrays: the indices of the items {_where} the k-th diagonal of an (n, m) array, "
               "in C order (np.nonzero of a fused mask)", data={"upper": _upper}))
    add(Op(f"np.{_name}_indices_from", spellings=(f"numpy.{_name}_indices_from",),
           check=deferred("fastext.compiler.frontend.compose_more", "tri_indices_from"), group="indexing",
           signature=f"np.{_name}_indices_from(arr, k=0)", doc=f"np.{_name}_indices(*arr.shape, k) of a 2-D arr",
           data={"upper": _upper}))
add(Op("np.diag_indices", spellings=("numpy.diag_indices",),
       check=deferred("fastext.compiler.frontend.compose_more", "diag_indices"), group="indexing",
       signature="np.diag_indices(n, ndim=2)", doc="a tuple of ndim (a constant) int64 arrays 0..n-1"))

for _name, _sig, _doc in (
        ("ndindex", "np.ndindex(*shape)", "the index tuples of an array of that shape, in C order (in a `for` loop)"),
        ("ndenumerate", "np.ndenumerate(a)", "(index tuple, item) pairs of an array, in C order (in a `for` loop)")):
    add(Op(f"np.{_name}", spellings=(f"numpy.{_name}",), check=deferred("fastext.compiler.frontend.npiter", "check_call"),
           pure=False, group="indexing", signature=_sig, doc=_doc))
add(Op("np.take_along_axis", spellings=("numpy.take_along_axis",), check=npsource("take_along_axis"),
       group="indexing", signature="np.take_along_axis(arr, indices, axis)",
       doc="the items of a 1-D or 2-D arr at integer indices of the same rank along a constant axis (what "
           "np.argsort(..., axis) gives): arr[p, indices[p, q]] for axis 1, the other axis broadcast"))
