"""The CPU module's side of GPU kernels: the `__fastext_gpu__` descriptor and the exec slot.

A module with `@gpu.kernel` functions carries its GPU descriptor (UTF-8 JSON with the
PTX of every architecture, `fastext/compiler/gpu/descriptor.py`) as a private constant, returned
by the module-level `__fastext_gpu__()` (METH_NOARGS, `bytes`).  Its PyModuleDef gains
a `Py_mod_exec` slot that runs `fastext.gpu._bind.bind(module)` at import, which sets
one launchable attribute per kernel.  Only stable-ABI (Limited API) functions are called;
nothing here needs a GPU or CUDA.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, CApi
from fastext.compiler.lower.context import I8, ModuleContext

METH_NOARGS = 0x0004
Py_mod_exec = 2
BIND_MODULE = "fastext.gpu._bind"

def descriptor_method(ctx: ModuleContext, data: bytes) -> tuple[str, ll.Function, int, str]:
    """The method-table entry of `__fastext_gpu__()`: the descriptor bytes, a new object per call."""
    arr = ll.ArrayType(I8, len(data))
    blob = ll.GlobalVariable(ctx.module, arr, "fx$gpu.descriptor")
    blob.initializer = ll.Constant(arr, bytearray(data))
    blob.global_constant = True
    blob.linkage = "private"
    fn = ll.Function(ctx.module, ll.FunctionType(OBJ, [OBJ, OBJ]), "fx$gpu.describe")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    b.ret(CApi(ctx.module).call(b, "PyBytes_FromStringAndSize", blob.bitcast(OBJ), I64(len(data))))
    doc = "__fastext_gpu__()\n--\n\nThe GPU descriptor of this module (JSON bytes: PTX and kernel signatures)."
    return "__fastext_gpu__", fn, METH_NOARGS, doc


def exec_slot(ctx: ModuleContext) -> ll.Function:
    """`int exec(PyObject *module)`: `fastext.gpu._bind.bind(module)`; -1 with the exception set on failure.

    Without fastext installed (a wheel's module on a machine that only has its
    dependencies) the import of the binder fails with ModuleNotFoundError: the module still
    imports and its CPU functions work; only the kernel attributes are missing.  (Only
    ModuleNotFoundError is forgiven: any other failure of the binder fails the import.)"""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [OBJ]), "fx$gpu.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    null = ll.Constant(OBJ, None)

    def check(value: ll.Value) -> None:
        with b.if_then(b.icmp_unsigned("==", value, null), likely=False):
            b.ret(I32(-1))

    bind_mod = api.call(b, "PyImport_ImportModule", ctx.cstring(BIND_MODULE))
    with b.if_then(b.icmp_unsigned("==", bind_mod, null), likely=False):
        missing = api.call(b, "PyErr_ExceptionMatches", api.exc(b, "PyExc_ModuleNotFoundError"))
        with b.if_then(b.icmp_unsigned("!=", missing, I32(0))):
            api.call(b, "PyErr_Clear")
            b.ret(I32(0))
        b.ret(I32(-1))
    bind = api.call(b, "PyObject_GetAttrString", bind_mod, ctx.cstring("bind"))
    api.call(b, "Py_DecRef", bind_mod)
    check(bind)
    result = api.call(b, "PyObject_CallFunctionObjArgs", bind, fn.args[0], null)
    api.call(b, "Py_DecRef", bind)
    check(result)
    api.call(b, "Py_DecRef", result)
    b.ret(I32(0))
    return fn
