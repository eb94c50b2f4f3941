"""Struct parameters and results at the entry point.

A struct parameter takes any sequence of its field values (a tuple, an instance of the
interpreted `@struct` class — a tuple —, a list, a NumPy structured scalar): its length is
checked, then each item is unboxed as its field's type, with errors naming the parameter and
the field (`f() argument 'p.x' must be float (f64), not str`).  A struct result is boxed
as a plain tuple of its fields (nested structs as nested tuples).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from llvmlite import ir as ll

from fastext.abi.capi import I32, I64, OBJ, type_of
from fastext.compiler import types as T

if TYPE_CHECKING:
    from fastext.abi.wrapper import WrapperBuilder

CHECK = "fx_struct_check"


def describe_struct(t: T.Struct) -> str:
    """`Vec (a sequence of 2 values: x: f64, y: f64)` for messages."""
    return f"{t} (a sequence of {len(t.fields)} values: {', '.join(f'{f}: {ft}' for f, ft in t.fields)})"


def unbox_struct(wb: "WrapperBuilder", t: T.Struct, obj: ll.Value, pname: str) -> ll.Value:
    """The struct value of argument `obj` (every failure branches to `wb.fail_bb`, nothing leaked)."""
    b = wb.b
    rc = b.call(_check_fn(wb), [obj, I64(len(t.fields)), wb.fname, wb.ctx.cstring(pname),
                                wb.ctx.cstring(describe_struct(t))])
    cont = wb.llfn.append_basic_block(f"{pname}.seq")
    b.cbranch(b.icmp_signed("<", rc, I32(0)), wb.fail_bb, cont)
    b.position_at_end(cont)
    from fastext.compiler.lower.context import value_type
    agg = ll.Constant(value_type(t), ll.Undefined)
    for k, (fname, ft) in enumerate(t.fields):
        item = wb.api.call(b, "PySequence_GetItem", obj, I64(k))
        got = wb.llfn.append_basic_block(f"{pname}.{fname}.item")
        b.cbranch(b.icmp_unsigned("==", item, ll.Constant(OBJ, None)), wb.fail_bb, got)
        b.position_at_end(got)
        outer = wb.fail_bb
        cleanup = wb.llfn.append_basic_block(f"{pname}.{fname}.cleanup")
        cb = ll.IRBuilder(cleanup)
        cb.call(wb.api.fn("Py_DecRef"), [item])
        cb.branch(outer)
        wb.fail_bb = cleanup   # an unboxing error drops the item's reference first
        sub = f"{pname}.{fname}"
        try:
            if isinstance(ft, T.Struct):
                v = unbox_struct(wb, ft, item, sub)
            else:
                from fastext.abi.wrapper import describe
                v = wb.unbox_scalar(ft, item, wb.ctx.cstring(sub), wb.ctx.cstring(describe(ft)))
        finally:
            wb.fail_bb = outer
        wb.api.call(b, "Py_DecRef", item)
        agg = b.insert_value(agg, v, k)
    return agg


def _check_fn(wb: "WrapperBuilder") -> ll.Function:
    """`i32 fx_struct_check(obj, n, fname, pname, what)`: 0 when `obj` is a sequence of `n` items,
    else -1 with TypeError set.  Defined once per module, out of line (cold)."""
    module = wb.ctx.module
    fn = module.globals.get(CHECK)
    if fn is not None:
        return fn
    api = wb.api
    fn = ll.Function(module, ll.FunctionType(I32, [OBJ, I64, OBJ, OBJ, OBJ]), CHECK)
    fn.linkage = "internal"
    fn.attributes.add("cold")
    fn.attributes.add("noinline")
    obj, n, fname, pname, what = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    notseq, seq, bad_len, ok, fail = (fn.append_basic_block(x) for x in ("notseq", "seq", "badlen", "ok", "fail"))
    b.cbranch(b.icmp_signed("!=", api.call(b, "PySequence_Check", obj), I32(0)), seq, notseq)
    b.position_at_end(notseq)
    name = api.call(b, "PyType_GetName", type_of(b, obj))
    named, unnamed = fn.append_basic_block("named"), fn.append_basic_block("unnamed")
    b.cbranch(b.icmp_unsigned("==", name, ll.Constant(OBJ, None)), unnamed, named)
    b.position_at_end(named)
    api.call(b, "PyErr_Format", api.exc(b, "PyExc_TypeError"),
             wb.ctx.cstring("%s() argument '%s' must be %s, not %U"), fname, pname, what, name)
    api.call(b, "Py_DecRef", name)
    b.branch(fail)
    b.position_at_end(unnamed)
    api.call(b, "PyErr_Clear")
    api.call(b, "PyErr_Format", api.exc(b, "PyExc_TypeError"), wb.ctx.cstring("%s() argument '%s' must be %s"),
             fname, pname, what)
    b.branch(fail)
    b.position_at_end(seq)
    size = api.call(b, "PySequence_Size", obj)
    b.cbranch(b.icmp_signed("<", size, I64(0)), fail, ok)
    b.position_at_end(ok)
    right = fn.append_basic_block("right")
    b.cbranch(b.icmp_signed("==", size, n), right, bad_len)
    b.position_at_end(right)
    b.ret(I32(0))
    b.position_at_end(bad_len)
    api.call(b, "PyErr_Format", api.exc(b, "PyExc_TypeError"),
             wb.ctx.cstring("%s() argument '%s' must be %s, got a sequence of %lld"), fname, pname, what, size)
    b.branch(fail)
    b.position_at_end(fail)
    b.ret(I32(-1))
    return fn
