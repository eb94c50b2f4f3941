"""Views of arrays that move no data: `a.T`, `np.transpose(a, axes)`, `a.real`, `a.imag`, the
diagonals of `np.einsum`'s repeated labels (`array.combine_axes`) and `np.broadcast_to`."""
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


def _lower_combine(fl, e, args):
    """Axes merged into one (`attrs["axes"]`: the result axis of each axis of the argument): the
    strides of the merged axes add up — `a[i, i]` for every i is the diagonal of `'ii->i'` —
    and their extents must agree (NumPy's ValueError otherwise)."""
    from llvmlite import ir as ll
    from fastext.compiler.lower.context import value_type
    b = fl.b
    (a,) = args
    axes = e.attrs["axes"]
    out = b.insert_value(ll.Constant(value_type(e.type), ll.Undefined), b.extract_value(a, 0), 0)
    for k in range(e.type.ndim):
        merged = [j for j, target in enumerate(axes) if target == k]
        n, stride = b.extract_value(a, [1, merged[0]]), b.extract_value(a, [2, merged[0]])
        for j in merged[1:]:
            m = b.extract_value(a, [1, j])
            fl.fail_if(b.icmp_signed("!=", n, m), "ValueError",
                       f"dimensions in operand {e.attrs['operand']} for collapsing index '{e.attrs['labels'][k]}' "
                       f"don't match (%lld != %lld)", (n, m))
            stride = b.add(stride, b.extract_value(a, [2, j]))
        out = b.insert_value(out, n, [1, k])
        out = b.insert_value(out, stride, [2, k])
    return out


add(Op("array.combine_axes", lower=_lower_combine, aliases=True, group="shape", signature="np.einsum('ii->i', a)",
       doc="axes merged into one whose stride is their sum: the diagonal of einsum's repeated labels (a view)"))


def _lower_broadcast(fl, e, args):
    """`np.broadcast_to(a, shape)`: the requested shape over a's data, NumPy's broadcasting rule per
    axis aligned from the right — a's stride where the extents agree, stride 0 where a's extent is
    1 or a has no such axis; NumPy's ValueErrors for a negative extent or one that cannot repeat."""
    from llvmlite import ir as ll
    from fastext.compiler.lower.context import I64, value_type
    b = fl.b
    a, dims = args[0], args[1:]
    nd, na = e.type.ndim, e.args[0].type.ndim
    for d in dims:
        fl.fail_if(b.icmp_signed("<", d, I64(0)), "ValueError", "all elements of broadcast shape must be non-negative")
    shape_of = [b.extract_value(a, [1, j]) for j in range(na)]

    def shown(k: int) -> str:
        return "(" + ",".join(["%lld"] * k) + ("," if k == 1 else "") + ")"
    message = (f"operands could not be broadcast together with remapped shapes [original->remapped]: {shown(na)}  "
               f"and requested shape {shown(nd)}")
    out = b.insert_value(ll.Constant(value_type(e.type), ll.Undefined), b.extract_value(a, 0), 0)
    for k in range(nd):
        j = k - (nd - na)
        stride = I64(0)
        if j >= 0:
            n = shape_of[j]
            bad = b.and_(b.icmp_signed("!=", n, dims[k]), b.icmp_signed("!=", n, I64(1)))
            if na + nd <= 3:         # (an error record holds 3 numbers: else the two that disagree)
                fl.fail_if(bad, "ValueError", message, tuple(shape_of) + tuple(dims))
            else:
                fl.fail_if(bad, "ValueError", "operands could not be broadcast together with remapped shapes "
                           f"[original->remapped]: axis {j} of the array (%lld) and axis {k} of the requested "
                           "shape (%lld)", (n, dims[k]))
            stride = b.select(b.icmp_signed("==", n, dims[k]), b.extract_value(a, [2, j]), I64(0))
        out = b.insert_value(out, dims[k], [1, k])
        out = b.insert_value(out, stride, [2, k])
    return out


def _check_broadcast(fc, node, op, shown, receiver=None):
    from fastext.compiler.frontend.npsource import broadcast_to
    return broadcast_to(fc, node, op, shown, receiver)


add(Op("array.broadcast_to", spellings=("numpy.broadcast_to",), check=_check_broadcast, lower=_lower_broadcast,
       aliases=True, group="shape", signature="np.broadcast_to(array, shape)",
       doc="a view of the array in the given shape (NumPy's broadcasting: repeated items share their memory, "
           "stride 0); a number gives a new array. Not read-only as NumPy's: do not write through it"))
