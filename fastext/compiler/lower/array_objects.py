"""An array handed to Python code from a function body (`print(a)`, `f"{a}"`, a callback's
argument): a new NumPy array holding a copy of its items (op `array.pyobject`).

The items of any view are copied in C order into a new `bytearray` (nothing allocated in the
call's arena, so a loop printing arrays holds no memory), and `numpy.ndarray(shape, dtype,
buffer)` is an array over it that owns it (writable; writes do not reach the `.fx` array)."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import I64, I8P, memory_type
from fastext.compiler.lower.ircontrol import for_range
from fastext.compiler.ops.dtypes import numpy_name

NULL = ll.Constant(I8P, None)


def lower_array_object(fl, e, args) -> ll.Value:
    """The new ndarray (an owned reference) with the items of the array `args[0]`."""
    (view,) = args
    t: T.Array = e.args[0].type
    b, api = fl.b, fl.api
    dims = [b.extract_value(view, [1, k]) for k in range(t.ndim)]
    size = I64(t.dtype.nbytes)
    for d in dims:
        size = b.mul(size, d)
    raw = api.call(b, "PyByteArray_FromStringAndSize", NULL, size)
    fl.fail_if_null(raw)
    _copy_items(b, view, t, dims, api.call(b, "PyByteArray_AsString", raw))
    numpy = api.call(b, "PyImport_ImportModule", fl.ctx.cstring("numpy"))
    with b.if_then(b.icmp_unsigned("==", numpy, NULL), likely=False):
        api.call(b, "Py_DecRef", raw)
    fl.fail_if_null(numpy)
    ndarray = api.call(b, "PyObject_GetAttrString", numpy, fl.ctx.cstring("ndarray"))
    api.call(b, "Py_DecRef", numpy)
    with b.if_then(b.icmp_unsigned("==", ndarray, NULL), likely=False):
        api.call(b, "Py_DecRef", raw)
    fl.fail_if_null(ndarray)
    # "N" hands `raw` to the tuple (released with it, also when building it fails)
    call_args = api.call(b, "Py_BuildValue", fl.ctx.cstring(f"(({'L' * t.ndim})sN)"), *dims,
                         fl.ctx.cstring(numpy_name(t.dtype)), raw)
    with b.if_then(b.icmp_unsigned("==", call_args, NULL), likely=False):
        api.call(b, "Py_DecRef", ndarray)
    fl.fail_if_null(call_args)
    result = api.call(b, "PyObject_Call", ndarray, call_args, NULL)
    api.call(b, "Py_DecRef", call_args)
    api.call(b, "Py_DecRef", ndarray)
    fl.fail_if_null(result)
    return result


def _copy_items(b: ll.IRBuilder, view: ll.Value, t: T.Array, dims: list, out: ll.Value) -> None:
    """The items of the strided `view` stored one after the other at `out` (C order): each flat
    index taken apart into one index per axis (printing speed, not a kernel's)."""
    item = memory_type(t.dtype)
    data = b.extract_value(view, 0)
    strides = [b.extract_value(view, [2, k]) for k in range(t.ndim)]
    count = I64(1)
    for d in dims:
        count = b.mul(count, d)
    dest = b.bitcast(out, item.as_pointer())

    def body(i):
        rest, offset = i, I64(0)
        for k in reversed(range(t.ndim)):
            offset = b.add(offset, b.mul(b.urem(rest, dims[k]), strides[k]))
            rest = b.udiv(rest, dims[k])
        src = b.bitcast(b.gep(data, [offset]), item.as_pointer())
        b.store(b.load(src), b.gep(dest, [i]))
    for_range(b, I64(0), count, body, "topy")
