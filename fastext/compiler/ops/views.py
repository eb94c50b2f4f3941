"""Views of arrays that move no data: `a.T`, `np.transpose(a, axes)`, `a.real`, `a.imag`."""
from __future__ import annotations

from fastext.compiler.ops import Op, add


def _check_transpose(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.views import transpose
    return transpose(fc, node, op, shown, receiver)


def _check_part(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.views import part
    return part(fc, node, op, shown, receiver)


def _lower_transpose(fl, e, args):
    """The axes permuted (`attrs["axes"]`): shape and strides reordered, the same data."""
    from llvmlite import ir as ll
    from fastext.compiler.lower.context import value_type
    b = fl.b
    (a,) = args
    out = b.insert_value(ll.Constant(value_type(e.type), ll.Undefined), b.extract_value(a, 0), 0)
    for k, axis in enumerate(e.attrs["axes"]):
        out = b.insert_value(out, b.extract_value(a, [1, axis]), [1, k])
        out = b.insert_value(out, b.extract_value(a, [2, axis]), [2, k])
    return out


add(Op("array.transpose", spellings=("numpy.transpose", "ndarray.transpose"), check=_check_transpose,
       lower=_lower_transpose, gpu=True, aliases=True, group="shape",
       signature="np.transpose(a, axes=None), a.T, a.transpose(*axes)",
       doc="a view with the axes reversed (or permuted): no copy", data={"property": False}))
add(Op("array.T", spellings=("ndarray.T",), check=_check_transpose, lower=_lower_transpose, gpu=True, aliases=True,
       group="shape", signature="a.T", doc="the transpose (a view)", data={"property": True}))
add(Op("array.real", spellings=("ndarray.real",), check=_check_part, gpu=True, group="ufunc", signature="a.real",
       doc="the real parts (of a real array: the array itself)",
       data={"property": True, "part": "real"}))
add(Op("array.imag", spellings=("ndarray.imag",), check=_check_part, gpu=True, group="ufunc", signature="a.imag",
       doc="the imaginary parts (of a real array: zeros)", data={"property": True, "part": "imag"}))
