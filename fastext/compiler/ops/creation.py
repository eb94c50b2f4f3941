"""Creation of arrays from values: `np.array` of literal lists, `np.asarray`, `np.arange`,
`np.linspace`, `np.eye`, `np.identity`, `np.meshgrid`; diagonals: `np.diag`, `np.diagonal`,
`np.fill_diagonal`.

Typed in `frontend/creation.py`, lowered in `lower/creation.py`.  Every result is a new
C-contiguous array in the call's arena (`np.asarray` of an array is the array itself).
"""
from __future__ import annotations

from fastext.compiler.ops import Op, add, deferred
from fastext.compiler.ops import deferred as _lower  # a lowering of lower/, imported when used

_LOWER = "fastext.compiler.lower.creation"


def _check(function: str):
    return deferred("fastext.compiler.frontend.creation", function)


def _new(name: str, spelling: str, check: str, signature: str, doc: str) -> None:
    add(Op(f"array.{name}", spellings=(spelling,), check=_check(check), lower=_lower(_LOWER, f"lower_{name}"),
           allocates=True, loops=True, group="creation", signature=signature, doc=doc))


_new("literal", "numpy.array", "array", "np.array(object, dtype=None)",
     "a new array from a (nested) list or tuple of numbers, or a copy of an array; NumPy's dtype")
add(Op("array.asarray", spellings=("numpy.asarray",), check=_check("asarray"), group="creation",
       signature="np.asarray(a, dtype=None)", doc="an array itself (no copy), converted when dtype= differs; "
                                                  "a literal list as np.array"))
_new("arange", "numpy.arange", "arange", "np.arange([start,] stop[, step], dtype=None)",
     "evenly spaced values in [start, stop): NumPy's length ceil((stop-start)/step) and values")
_new("linspace", "numpy.linspace", "linspace", "np.linspace(start, stop, num=50, endpoint=True, dtype=None)",
     "num evenly spaced values over [start, stop]: NumPy's formula start + i*step, the last one stop")
_new("eye", "numpy.eye", "eye", "np.eye(N, M=None, k=0, dtype=float)", "ones on the k-th diagonal, zeros elsewhere")
add(Op("array.identity", spellings=("numpy.identity",), check=_check("identity"), group="creation",
       signature="np.identity(n, dtype=float)", doc="the n×n identity matrix (np.eye(n))"))
_new("meshgrid", "numpy.meshgrid", "meshgrid", "np.meshgrid(x1, x2, ..., indexing='xy')",
     "coordinate matrices from 1-D coordinate vectors: a tuple of new arrays")
_new("diag", "numpy.diag", "diag", "np.diag(v, k=0)",
     "a matrix with the vector v on its k-th diagonal; of a matrix: its k-th diagonal (a new vector)")
add(Op("array.diagonal", spellings=("numpy.diagonal", "ndarray.diagonal"), check=_check("diag"),
       lower=_lower(_LOWER, "lower_diagonal"), allocates=True, loops=True, group="creation",
       signature="np.diagonal(a, offset=0), a.diagonal(offset=0)",
       doc="the offset-th diagonal of a matrix, as a new vector (NumPy: a read-only view of the same values)"))
add(Op("array.fill_diagonal", spellings=("numpy.fill_diagonal",), check=_check("fill_diagonal"),
       lower=_lower(_LOWER, "lower_fill_diagonal"), writes=(0,), loops=True, pure=False, group="creation",
       signature="np.fill_diagonal(a, val)", doc="a[i, i] = val for every i of a matrix, in place (a statement)"))
add(Op("array.logspace", spellings=("numpy.logspace",), check=deferred("fastext.compiler.frontend.compose", "logspace"),
       group="creation", signature="np.logspace(start, stop, num=50, endpoint=True, base=10.0)",
       doc="base ** np.linspace(start, stop, num, endpoint), as NumPy computes it"))
add(Op("array.global", lower=_lower(_LOWER, "lower_global"), group="creation",
       doc="a module-level array (frontend/module_arrays.py): a view of the module's global"))
add(Op("array.item", lower=_lower(_LOWER, "lower_item"), pure=False, group="creation",
       doc="a.item(): the only item of a one-item array (a.item(k), a.item(i, j): indexing)"))
add(Op("np.indices", spellings=("numpy.indices",), check=deferred("fastext.compiler.frontend.npsource", "indices"),
       group="creation", signature="np.indices(dimensions, dtype=int)",
       doc="the dense index grid of shape (len(dimensions), *dimensions): item k holds the index along axis k"))
add(Op("array.tri", spellings=("numpy.tri",), check=deferred("fastext.compiler.frontend.grids", "tri"),
       group="creation", signature="np.tri(N, M=None, k=0, dtype=float)",
       doc="ones at and below the k-th diagonal of an (N, M) array, zeros above (a cast comparison of index grids)"))
add(Op("array.geomspace", spellings=("numpy.geomspace",), check=deferred("fastext.compiler.frontend.grids", "geomspace"),
       group="creation", signature="np.geomspace(start, stop, num=50, endpoint=True)",
       doc="num numbers spaced evenly on a log scale, as NumPy computes them (exact ends, negative ends by their "
           "sign; ValueError for a zero end); real scalar ends only, no dtype= or axis="))
