"""Shape functions: reshape, ravel, flatten, astype, concatenate and the stacks, tile, repeat,
roll, diff, flip, triu, tril, expand_dims, swapaxes, pad.

Typed in `frontend/shape.py` (np.squeeze: `frontend/compose_more.py`), lowered in `lower/shape.py` (`lower/reshape.py` for the
views of reshape and ravel).  Where NumPy gives a view the result is one — a new array
struct over the same data (`data["view"]`: `analysis.py` follows it to the array it
views, so writes through it and returns of it are seen) — and `np.flip` & co. are typed
as the slices they are (`a[::-1]`).  `array.astype` is the element-wise NumPy cast, so
`x.astype(np.float32) * 2` is one loop.
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add, deferred, npsource
from fastext.compiler.ops import deferred as _lower  # a lowering of lower/, imported when used

_LOWER = "fastext.compiler.lower.shape"


def _check(function: str):
    return deferred("fastext.compiler.frontend.shape", function)


add(Op("array.reshape", spellings=("numpy.reshape", "ndarray.reshape"), check=_check("reshape"),
       lower=_lower("fastext.compiler.lower.reshape", "lower_reshape"), allocates=True, loops=True, aliases=True,
       group="shape", signature="np.reshape(a, shape), a.reshape(*shape)",
       doc="the items in a new shape (one dimension may be -1): a view where NumPy gives one, else a copy"))
add(Op("array.ravel", spellings=("numpy.ravel", "ndarray.ravel"), check=_check("ravel"),
       lower=_lower("fastext.compiler.lower.reshape", "lower_ravel"), allocates=True, loops=True, aliases=True,
       group="shape", signature="np.ravel(a), a.ravel()",
       doc="the items as a 1-D array: a view of a C-contiguous array, else a copy"))
add(Op("array.flatten", spellings=("ndarray.flatten",), check=_check("flatten"), group="shape",
       signature="a.flatten()", doc="a 1-D copy of the items (C order)"))
add(Op("array.astype", spellings=("ndarray.astype",), check=_check("astype"),
       lower=_lower("fastext.compiler.lower.casts", "lower_astype"), gpu=True, group="shape",
       signature="a.astype(dtype, copy=True)", doc="a copy converted with NumPy's unsafe cast (float to int truncates)"))
add(Op("array.tolist", spellings=("ndarray.tolist",), check=deferred("fastext.compiler.frontend.listarrays", "tolist"),
       group="shape", signature="a.tolist()",
       doc="the items as (nested) native lists of Python numbers, one level per axis"))
_JOIN = ("concatenate", "stack", "hstack", "vstack", "column_stack")
add(Op("array.concatenate", spellings=("numpy.concatenate",), check=_check("concatenate"),
       lower=_lower(_LOWER, "lower_concatenate"), lazy=True, allocates=True, loops=True, group="shape",
       signature="np.concatenate((a, b, ...), axis=0)", doc="arrays joined along an existing axis (axis=None: flattened)"))
for _name, _sig, _doc in (
        ("stack", "np.stack((a, b, ...), axis=0)", "arrays of one shape joined along a new axis"),
        ("hstack", "np.hstack((a, b, ...))", "arrays joined column-wise (1-D: end to end)"),
        ("vstack", "np.vstack((a, b, ...))", "arrays joined row-wise (1-D arrays become rows)"),
        ("column_stack", "np.column_stack((a, b, ...))", "1-D arrays as columns of a 2-D array")):
    add(Op(f"array.{_name}", spellings=(f"numpy.{_name}",), check=_check(_name), group="shape", signature=_sig,
           doc=_doc))
for _name, _sig, _doc in (
        ("tile", "np.tile(a, reps)", "a repeated reps times along each axis"),
        ("repeat", "np.repeat(a, repeats, axis=None), a.repeat(repeats, axis=None)",
         "each item repeated (an int count; axis=None: of the flattened array)"),
        ("roll", "np.roll(a, shift, axis=None)", "items shifted cyclically along axes (axis=None: flattened)"),
        ("diff", "np.diff(a, n=1, axis=-1)", "n-th differences a[1:] - a[:-1] along an axis (bool: !=)")):
    _spellings = (f"numpy.{_name}", "ndarray.repeat") if _name == "repeat" else (f"numpy.{_name}",)
    add(Op(f"array.{_name}", spellings=_spellings, check=_check(_name), lower=_lower(_LOWER, f"lower_{_name}"),
           lazy=_name == "diff", allocates=True, loops=True, group="shape", signature=_sig, doc=_doc))
for _name, _sig, _doc in (
        ("flip", "np.flip(a, axis=None)", "a view with the items reversed along axes (all: axis=None)"),
        ("fliplr", "np.fliplr(a)", "a view with the columns reversed (axis 1)"),
        ("flipud", "np.flipud(a)", "a view with the rows reversed (axis 0)")):
    add(Op(f"array.{_name}", spellings=(f"numpy.{_name}",), check=_check("flip"), group="shape", signature=_sig,
           doc=_doc))
for _name, _sig, _doc in (
        ("triu", "np.triu(m, k=0)", "a copy with the items below the k-th diagonal zeroed (one fused loop)"),
        ("tril", "np.tril(m, k=0)", "a copy with the items above the k-th diagonal zeroed (one fused loop)")):
    add(Op(f"array.{_name}", spellings=(f"numpy.{_name}",), check=_check("triangle"), group="shape", signature=_sig,
           doc=_doc))
add(Op("array.expand_dims", spellings=("numpy.expand_dims",), check=_check("expand_dims"), group="shape",
       signature="np.expand_dims(a, axis)", doc="a view with new axes of size 1 (as a[:, None])"))
add(Op("array.swapaxes", spellings=("numpy.swapaxes", "ndarray.swapaxes"), check=_check("swapaxes"), group="shape",
       signature="np.swapaxes(a, axis1, axis2), a.swapaxes(axis1, axis2)", doc="a view with two axes exchanged"))
for _n in (1, 2, 3):
    add(Op(f"array.atleast_{_n}d", spellings=(f"numpy.atleast_{_n}d",),
           check=deferred("fastext.compiler.frontend.compose", "atleast"), group="shape",
           signature=f"np.atleast_{_n}d(a)", doc=f"the array, or a view of it with axes of size 1 added to {_n}-D",
           data={"ndim": _n}))
add(Op("array.pad", spellings=("numpy.pad",), check=_check("pad"), group="shape",
       signature="np.pad(array, pad_width, mode='constant', constant_values=0)",
       doc="a new array with borders: pad_width n, (before, after) or one pair per axis; mode 'constant' "
           "(one number, cast to a's dtype), 'edge' (the nearest item repeated), 'reflect' / 'symmetric' (mirrored "
           "without / with the edge item) or 'wrap' (periodic)"))
add(Op("array.append", spellings=("numpy.append",), check=deferred("fastext.compiler.frontend.compose", "append"),
       group="shape", signature="np.append(arr, values, axis=None)",
       doc="np.concatenate((arr, values), axis) (axis=None: both flattened; a number is a one-item array)"))
add(Op("array.ascontiguousarray", spellings=("numpy.ascontiguousarray",),
       check=deferred("fastext.compiler.frontend.compose", "ascontiguousarray"), group="shape",
       signature="np.ascontiguousarray(a, dtype=None)", doc="a itself when C-contiguous, else a C-contiguous copy"))
add(Op("array.squeeze", spellings=("numpy.squeeze", "ndarray.squeeze"),
       check=deferred("fastext.compiler.frontend.compose_more", "squeeze"), group="shape",
       signature="np.squeeze(a, axis), a.squeeze(axis)",
       doc="a view without the axes of size 1 named by axis (a constant int or tuple; ValueError when one has "
           "another size); no axis= is a compile error: the result's rank must be known"))

add(Op("np.sliding_window_view", spellings=("numpy.lib.stride_tricks.sliding_window_view",),
       check=npsource("sliding_window_view"), group="shape",
       signature="np.lib.stride_tricks.sliding_window_view(x, window_shape, axis=None)",
       doc="every window of window_shape items along an axis (a 1-D x, or axis=k), the window as a new last "
           "axis: a copy holding NumPy's read-only view's items"))
add(Op("np.rot90", spellings=("numpy.rot90",), check=npsource("rot90"), group="shape",
       signature="np.rot90(m, k=1, axes=(0, 1))",
       doc="a view rotated by 90 degrees k times (k may be a run-time int) in the plane of the two constant axes"))
add(Op("np.moveaxis", spellings=("numpy.moveaxis",), check=npsource("moveaxis"), group="shape",
       signature="np.moveaxis(a, source, destination)",
       doc="a transposed view with the source axes (constant ints or tuples) moved to the destination places"))
for _name, _equal in (("split", True), ("array_split", False)):
    add(Op(f"np.{_name}", spellings=(f"numpy.{_name}",), check=npsource("split"), group="shape",
           signature=f"np.{_name}(ary, indices_or_sections, axis=0)",
           doc="a list of views along a constant axis: N " + ("equal sections (ValueError unless N divides the length)"
                                                              if _equal else "sections, the first len % N one longer")
               + ", or the pieces between the indices of a 1-D int array or list",
           data={"equal": _equal}))
add(Op("np.delete", spellings=("numpy.delete",), check=deferred("fastext.compiler.frontend.npedit", "delete"),
       group="shape", signature="np.delete(arr, obj, axis=None)",
       doc="a copy without the items (rows, columns) at obj: an int, an integer array or list (repeats count once), "
           "or a boolean mask of the axis; IndexError out of range; axis=None flattens"))
add(Op("np.insert", spellings=("numpy.insert",), check=deferred("fastext.compiler.frontend.npedit", "insert"),
       group="shape", signature="np.insert(arr, obj, values, axis=None)",
       doc="a copy with values (a number, or an array of the new place's shape) put before position obj (one int, "
           "0..len), cast to arr's dtype; axis=None flattens"))
