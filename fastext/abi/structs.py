"""Struct parameters and results at the entry point.

A struct parameter takes any sequence of its field values (a tuple, an instance of the
interpreted `@struct` class — a tuple —, a list, a NumPy structured scalar): its length is
checked, then each item is unboxed as its field's type, with errors naming the parameter and
the field (`f() argument 'p.x' must be float (f64), not str`).  A struct result is boxed
as a plain tuple of its fields (nested structs as nested tuples); a mutable struct's as a new
instance of the module's class.  Tuple parameters take any sequence of their items the same way
(`f() argument 'mask[1]' ...`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, type_of
from fastext.compiler import types as T

if TYPE_CHECKING:
    from fastext.abi.wrapper import WrapperBuilder

CHECK = "fx_struct_check"


def describe_struct(t: T.Struct) -> str:
    """`Vec (a sequence of 2 values: x: f64, y: f64)` for messages."""
    return f"{t} (a sequence of {len(t.fields)} values: {', '.join(f'{f}: {ft}' for f, ft in t.fields)})"


def describe_tuple(t: T.Tuple) -> str:
    """`tuple[i64, f64] (a sequence of 2 values)` for messages."""
    return f"{t} (a sequence of {len(t.items)} values)"


def unbox_struct(wb: "WrapperBuilder", t: T.Struct, obj: ll.Value, pname: str) -> ll.Value:
    """The struct value of argument `obj` (every failure branches to `wb.fail_bb`, nothing leaked);
    a mutable struct's fields go into a new record in the call's arena."""
    from fastext.compiler.lower.context import record_type
    if t.plain:      # None is no record; anything else is read by attribute
        return _plain_record(wb, t, obj, pname)
    agg = _unbox_items(wb, [(f".{f}", ft) for f, ft in t.fields], obj, pname, describe_struct(t), record_type(t))
    if t.mutable:
        return _new_record(wb, t, agg, pname)
    return agg


def unbox_tuple(wb: "WrapperBuilder", t: T.Tuple, obj: ll.Value, pname: str) -> ll.Value:
    """A tuple parameter from any sequence of its items, each unboxed as its type: errors name
    the parameter and the item (`f() argument 'mask[1]' must be int (i64), not str`)."""
    from fastext.compiler.lower.context import value_type
    return _unbox_items(wb, [(f"[{k}]", it) for k, it in enumerate(t.items)], obj, pname, describe_tuple(t),
                        value_type(t))


def _unbox_items(wb: "WrapperBuilder", items: list[tuple[str, T.Type]], obj: ll.Value, pname: str, what: str,
                 agg_type: ll.Type) -> ll.Value:
    """The literal struct of the items of sequence `obj`: its length checked, then item k
    unboxed as `items[k]` (suffix for messages, type)."""
    b = wb.b
    rc = b.call(_check_fn(wb), [obj, I64(len(items)), wb.fname, wb.ctx.cstring(pname), wb.ctx.cstring(what)])
    cont = wb.llfn.append_basic_block(f"{pname}.seq")
    b.cbranch(b.icmp_signed("<", rc, I32(0)), wb.fail_bb, cont)
    b.position_at_end(cont)
    agg = ll.Constant(agg_type, ll.Undefined)
    for k, (suffix, ft) in enumerate(items):
        sub = f"{pname}{suffix}"
        item = wb.api.call(b, "PySequence_GetItem", obj, I64(k))
        got = wb.llfn.append_basic_block(f"{sub}.item")
        b.cbranch(b.icmp_unsigned("==", item, ll.Constant(OBJ, None)), wb.fail_bb, got)
        b.position_at_end(got)
        outer = wb.fail_bb
        cleanup = wb.llfn.append_basic_block(f"{sub}.cleanup")
        cb = ll.IRBuilder(cleanup)
        cb.call(wb.api.fn("Py_DecRef"), [item])
        cb.branch(outer)
        wb.fail_bb = cleanup   # an unboxing error drops the item's reference first
        try:
            if isinstance(ft, T.Struct):
                v = unbox_struct(wb, ft, item, sub)
            elif isinstance(ft, T.Tuple):
                v = unbox_tuple(wb, ft, item, sub)
            elif isinstance(ft, T.Array):        # a buffer view of the call (abi/wrapper.py)
                v = wb.unbox_item_array(sub, ft, item)
            elif isinstance(ft, (T.List, T.Dict, T.Set)) or ft == T.STRV:   # copied, as such parameters are
                from fastext.abi import lists
                from fastext.abi.wrapper import describe
                csub, cwhat = wb.ctx.cstring(sub), wb.ctx.cstring(describe(ft))
                if isinstance(ft, T.List):
                    v = lists.unbox_list(wb, ft, item, csub, cwhat, wb.err, sub)
                elif ft == T.STRV:
                    v = lists.unbox_text(wb, wb.err, item, csub, cwhat)
                else:
                    v = lists.unbox_table(wb, ft, item, csub, cwhat, wb.err)
            else:
                from fastext.abi.wrapper import describe
                v = wb.unbox_scalar(ft, item, wb.ctx.cstring(sub), wb.ctx.cstring(describe(ft)))
        finally:
            wb.fail_bb = outer
        wb.api.call(b, "Py_DecRef", item)
        agg = b.insert_value(agg, v, k)
    return agg


def _plain_record(wb: "WrapperBuilder", t: T.Struct, obj: ll.Value, pname: str) -> ll.Value:
    """The record of an argument of a plain class: null for None, else a new record of its fields."""
    from fastext.compiler.lower.context import value_type
    b = wb.b
    none = b.icmp_unsigned("==", obj, wb.api.obj("_Py_NoneStruct"))
    given, merge = wb.llfn.append_basic_block(f"{pname}.instance"), wb.llfn.append_basic_block(f"{pname}.ref")
    start = b.block
    b.cbranch(none, merge, given)
    b.position_at_end(given)
    record = _new_record(wb, t, _unbox_attrs(wb, t, obj, pname), pname)
    given_end = b.block
    b.branch(merge)
    b.position_at_end(merge)
    phi = b.phi(value_type(t))
    phi.add_incoming(ll.Constant(value_type(t), None), start)
    phi.add_incoming(record, given_end)
    return phi


def _unbox_attrs(wb: "WrapperBuilder", t: T.Struct, obj: ll.Value, pname: str) -> ll.Value:
    """The fields of a plain class's instance, read as attributes by name (`p.x`, then `p.y`, ...):
    an instance of the interpreted class or of the module's class, or any object with them."""
    from fastext.compiler.lower.context import record_type
    b, api = wb.b, wb.api
    agg = ll.Constant(record_type(t), ll.Undefined)
    for k, (fname, ft) in enumerate(t.fields):
        sub = f"{pname}.{fname}"
        item = api.call(b, "PyObject_GetAttrString", obj, wb.ctx.cstring(fname))
        got, missing = wb.llfn.append_basic_block(f"{sub}.attr"), wb.llfn.append_basic_block(f"{sub}.missing")
        b.cbranch(b.icmp_unsigned("==", item, ll.Constant(OBJ, None)), missing, got)
        b.position_at_end(missing)
        api.call(b, "PyErr_Clear")
        api.call(b, "PyErr_Format", api.exc(b, "PyExc_TypeError"),
                 wb.ctx.cstring(f"%s() argument '{pname}' must be {t} (an object with the fields "
                                f"{', '.join(f for f, _ in t.fields)}), got one without '{fname}'"), wb.fname)
        b.branch(wb.fail_bb)
        b.position_at_end(got)
        outer = wb.fail_bb
        cleanup = wb.llfn.append_basic_block(f"{sub}.cleanup")
        cb = ll.IRBuilder(cleanup)
        cb.call(api.fn("Py_DecRef"), [item])
        cb.branch(outer)
        wb.fail_bb = cleanup   # an unboxing error drops the attribute's reference first
        try:
            if isinstance(ft, T.Struct):
                v = unbox_struct(wb, ft, item, sub)
            else:
                from fastext.abi.wrapper import describe
                v = wb.unbox_scalar(ft, item, wb.ctx.cstring(sub), wb.ctx.cstring(describe(ft)))
        finally:
            wb.fail_bb = outer
        api.call(b, "Py_DecRef", item)
        agg = b.insert_value(agg, v, k)
    return agg


# ----------------------------------------------------------------------------- mutable structs
# A mutable struct argument is copied into a new record in the call's arena (the body works on
# the record, as on any other); when the argument was an instance of the module's class, the
# record's fields are written back to it after the call, so `p.move(1.0)` called from Python
# changes `p` as the interpreted method does.  A result is a new instance of the class.

def _new_record(wb: "WrapperBuilder", t: T.Struct, fields: ll.Value, pname: str) -> ll.Value:
    from fastext.compiler.lower.alloc import small_alloc
    from fastext.compiler.lower.context import record_type
    from fastext.compiler.lower.lists import size_of
    b = wb.b
    rt = record_type(t)
    raw = b.call(small_alloc(wb.ctx), [wb.err, size_of(rt)])
    ok = wb.llfn.append_basic_block(f"{pname}.record")
    nomem = wb.llfn.append_basic_block(f"{pname}.nomem")
    b.cbranch(b.icmp_unsigned("==", raw, ll.Constant(raw.type, None)), nomem, ok)
    b.position_at_end(nomem)
    wb.api.call(b, "PyErr_NoMemory")
    b.branch(wb.fail_bb)
    b.position_at_end(ok)
    record = b.bitcast(raw, rt.as_pointer())
    b.store(fields, record)
    return record


def struct_class(wb: "WrapperBuilder", t: T.Struct) -> ll.Value:
    """The module's class of `t` (borrowed; NULL with an exception set when it is missing):
    `__fx_structs__[key]`, bound by the init code (fastext/modinit.py)."""
    b, api = wb.b, wb.api
    module = wb.llfn.args[0]
    table = api.call(b, "PyObject_GetAttrString", module, wb.ctx.cstring("__fx_structs__"))
    out = b.alloca(OBJ)
    b.store(ll.Constant(OBJ, None), out)
    with b.if_then(b.icmp_unsigned("!=", table, ll.Constant(OBJ, None))):
        cls = api.call(b, "PyDict_GetItemString", table, wb.ctx.cstring(t.name))
        b.store(cls, out)
        api.call(b, "Py_DecRef", table)     # the module keeps the dict, the dict the class
        with b.if_then(b.icmp_unsigned("==", cls, ll.Constant(OBJ, None)), likely=False):
            api.call(b, "PyErr_Format", api.exc(b, "PyExc_SystemError"),
                     wb.ctx.cstring(f"the class of struct {t.name} is missing from the module"))
    return b.load(out)


def box_mutable(wb: "WrapperBuilder", t: T.Struct, record: ll.Value) -> ll.Value:
    """A new instance of the module's class holding the record's fields (NULL on error); None
    for a plain class's null reference."""
    b, api = wb.b, wb.api
    if t.plain:
        out = b.alloca(OBJ)
        with b.if_else(b.icmp_unsigned("==", record, ll.Constant(record.type, None))) as (none, some):
            with none:
                nothing = api.obj("_Py_NoneStruct")
                api.call(b, "Py_IncRef", nothing)
                b.store(nothing, out)
            with some:
                b.store(_box_shared(wb, t, record), out)
        return b.load(out)
    return _box_record(wb, t, record)


def _instances(wb: "WrapperBuilder") -> ll.Value:
    """The slot of this entry point's table {record address: instance} (NULL until the first
    instance is boxed; released with the arena: WrapperBuilder.release_arena)."""
    held = getattr(wb, "instances", None)      # (entry point, slot): one builder makes many
    if held is None or held[0] is not wb.llfn:
        entry = ll.IRBuilder(wb.llfn.entry_basic_block)
        entry.position_at_start(wb.llfn.entry_basic_block)
        slot = entry.alloca(OBJ, name="instances")
        entry.store(ll.Constant(OBJ, None), slot)
        held = wb.instances = (wb.llfn, slot)
    return held[1]


def _box_shared(wb: "WrapperBuilder", t: T.Struct, record: ll.Value) -> ll.Value:
    """The instance of a plain class's record: the one already made for it by this call when
    there is one (so a result that holds one record twice holds one object twice, as in
    Python), else a new one, remembered."""
    b, api = wb.b, wb.api
    slot = _instances(wb)
    out = b.alloca(OBJ)
    b.store(ll.Constant(OBJ, None), out)
    with b.if_then(b.icmp_unsigned("==", b.load(slot), ll.Constant(OBJ, None))):
        b.store(api.call(b, "PyDict_New"), slot)
    memo = b.load(slot)
    with b.if_then(b.icmp_unsigned("!=", memo, ll.Constant(OBJ, None))):
        key = api.call(b, "PyLong_FromLongLong", b.ptrtoint(record, I64))
        with b.if_then(b.icmp_unsigned("!=", key, ll.Constant(OBJ, None))):
            found = api.call(b, "PyDict_GetItem", memo, key)     # borrowed
            with b.if_else(b.icmp_unsigned("!=", found, ll.Constant(OBJ, None))) as (seen, new):
                with seen:
                    api.call(b, "Py_IncRef", found)
                    b.store(found, out)
                with new:
                    made = _box_record(wb, t, record)
                    b.store(made, out)
                    with b.if_then(b.icmp_unsigned("!=", made, ll.Constant(OBJ, None))):
                        api.call(b, "PyDict_SetItem", memo, key, made)
            api.call(b, "Py_DecRef", key)
    return b.load(out)


def _box_record(wb: "WrapperBuilder", t: T.Struct, record: ll.Value) -> ll.Value:
    b, api = wb.b, wb.api
    fields = b.load(record)
    tup = wb.box(T.Tuple(tuple(ft for _, ft in t.fields)), fields)
    cls = struct_class(wb, t)
    out = b.alloca(OBJ)
    b.store(ll.Constant(OBJ, None), out)
    with b.if_then(b.icmp_unsigned("!=", cls, ll.Constant(OBJ, None))):
        if t.plain:     # a plain class's constructor runs `__init__`: build from the fields instead
            make = api.call(b, "PyObject_GetAttrString", cls, wb.ctx.cstring("__fx_make__"))
            with b.if_then(b.icmp_unsigned("!=", make, ll.Constant(OBJ, None))):
                b.store(api.call(b, "PyObject_Call", make, tup, ll.Constant(OBJ, None)), out)
                api.call(b, "Py_DecRef", make)
        else:
            b.store(api.call(b, "PyObject_Call", cls, tup, ll.Constant(OBJ, None)), out)
    api.call(b, "Py_DecRef", tup)
    return b.load(out)


def write_back(wb: "WrapperBuilder", t: T.Struct, obj: ll.Value, record: ll.Value) -> ll.Value:
    """Set the fields of argument `obj` from its record when `obj` is an instance of the class
    (a tuple or list argument is left alone); i1 1 when a store failed (exception set).  A named
    tuple's or frozen record's fields cannot change in compiled code: nothing to write back."""
    b, api = wb.b, wb.api
    if t.record in ("tuple", "frozen"):
        return ll.Constant(ll.IntType(1), 0)
    failed = b.alloca(ll.IntType(1))
    b.store(ll.Constant(ll.IntType(1), 0), failed)
    if t.plain:     # None, or a defaulted argument not given: nothing to write back
        skip = b.or_(b.icmp_unsigned("==", record, ll.Constant(record.type, None)),
                     b.or_(b.icmp_unsigned("==", obj, ll.Constant(OBJ, None)),
                           b.icmp_unsigned("==", obj, api.obj("_Py_NoneStruct"))))
        with b.if_then(b.not_(skip)):
            _write_back_fields(wb, t, obj, record, failed)
        return b.load(failed)
    _write_back_fields(wb, t, obj, record, failed)
    return b.load(failed)


def _write_back_fields(wb: "WrapperBuilder", t: T.Struct, obj: ll.Value, record: ll.Value, failed) -> None:
    b, api = wb.b, wb.api
    cls = struct_class(wb, t)
    with b.if_else(b.icmp_unsigned("==", cls, ll.Constant(OBJ, None))) as (missing, present):
        with missing:
            b.store(ll.Constant(ll.IntType(1), 1), failed)
        with present:
            # a plain class's argument was read by attribute, so any object it came from takes them back
            mine = ll.Constant(ll.IntType(1), 1) if t.plain else \
                b.icmp_signed("!=", api.call(b, "PyType_IsSubtype", type_of(b, obj), cls), I32(0))
            with b.if_then(mine):
                for k, (fname, ft) in enumerate(t.fields):
                    field = b.load(b.gep(record, [I32(0), I32(k)]))
                    if t.plain and isinstance(ft, T.Struct) and ft.plain:
                        # an instance held by the field is updated in place (the caller's references to it
                        # stay valid); a field that was or became None is set
                        sub = api.call(b, "PyObject_GetAttrString", obj, wb.ctx.cstring(fname))
                        with b.if_then(b.icmp_unsigned("==", sub, ll.Constant(OBJ, None)), likely=False):
                            b.store(ll.Constant(ll.IntType(1), 1), failed)
                        kept = b.and_(b.icmp_unsigned("!=", sub, ll.Constant(OBJ, None)),
                                      b.and_(b.icmp_unsigned("!=", sub, api.obj("_Py_NoneStruct")),
                                             b.icmp_unsigned("!=", field, ll.Constant(field.type, None))))
                        with b.if_else(kept) as (same, other):
                            with same:
                                inner = write_back(wb, ft, sub, field)
                                with b.if_then(inner):
                                    b.store(ll.Constant(ll.IntType(1), 1), failed)
                            with other:
                                value = box_mutable(wb, ft, field)
                                with b.if_else(b.icmp_unsigned("==", value, ll.Constant(OBJ, None))) as (bad, good):
                                    with bad:
                                        b.store(ll.Constant(ll.IntType(1), 1), failed)
                                    with good:
                                        rc = api.call(b, "PyObject_SetAttrString", obj, wb.ctx.cstring(fname), value)
                                        api.call(b, "Py_DecRef", value)
                                        with b.if_then(b.icmp_signed("<", rc, I32(0)), likely=False):
                                            b.store(ll.Constant(ll.IntType(1), 1), failed)
                        api.call(b, "Py_DecRef", sub)     # Py_DecRef takes NULL
                        continue
                    value = wb.box(ft, field)
                    rc = api.call(b, "PyObject_SetAttrString", obj, wb.ctx.cstring(fname), value)
                    api.call(b, "Py_DecRef", value)
                    with b.if_then(b.icmp_signed("<", rc, I32(0)), likely=False):
                        b.store(ll.Constant(ll.IntType(1), 1), failed)


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


# ----------------------------------------------------------------------------- arrays of structs

_CODES = {"i8": "b", "i16": "h", "i32": "i", "i64": "l", "u8": "B", "u16": "H", "u32": "I", "u64": "L",
          "f32": "f", "f64": "d", "c64": "Zf", "c128": "Zd", "bool": "?"}
_NUMPY = {"i8": "i1", "i16": "i2", "i32": "i4", "i64": "i8", "u8": "u1", "u16": "u2", "u32": "u4", "u64": "u8",
          "f32": "f4", "f64": "f8", "c64": "c8", "c128": "c16", "bool": "?"}


def struct_format(t: T.Struct) -> str:
    """The buffer format NumPy gives a packed structured dtype of `t`, normalised as the check
    compares it (no byte-order/alignment prefixes, 64-bit integers as `l`/`L`)."""
    return "T{" + "".join(f"{struct_format(ft) if isinstance(ft, T.Struct) else _CODES[ft.name]}:{f}:"
                          for f, ft in t.fields) + "}"


def numpy_dtype(t: T.Struct) -> str:
    """`[('x', '<f8'), ('y', '<f8')]`: the NumPy dtype a `t[:]` parameter takes."""
    items = []
    for f, ft in t.fields:
        spec = numpy_dtype(ft) if isinstance(ft, T.Struct) else repr(("<" if ft.nbytes > 1 and not ft.is_bool
                                                                       else "") + _NUMPY[ft.name])
        items.append(f"({f!r}, {spec})")
    return f"[{', '.join(items)}]"


def describe_struct_array(t: T.Array) -> str:
    return (f"{t} (a {t.ndim}-D NumPy structured array of dtype {numpy_dtype(t.dtype)}, "
            f"buffer format {struct_format(t.dtype)})")


def get_struct_buffer(wb: "WrapperBuilder", obj, view, t: T.Array, writable: int, pname, what) -> ll.Value:
    """Acquire the buffer of a `Vec[:]` argument and check it (status: 0, or -1 with an error set)."""
    fn = _buffer_fn(wb)
    return wb.b.call(fn, [obj, view, wb.ctx.cstring(struct_format(t.dtype)), I64(t.dtype.nbytes), I32(t.ndim),
                          I32(writable), wb.fname, pname, what])


def _buffer_fn(wb: "WrapperBuilder") -> ll.Function:
    from fastext.compiler.capi import (BUF_FORMAT, BUF_ITEMSIZE, BUF_NDIM, BUF_OBJ, BUF_READONLY, BUF_SHAPE,
                                   BUF_SUBOFFSETS, BUFFER, I8)
    module, api = wb.ctx.module, wb.api
    name = "fx_get_struct_buffer"
    fn = module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(module, ll.FunctionType(I32, [OBJ, BUFFER.as_pointer(), OBJ, I64, I32, I32, OBJ, OBJ, OBJ]), name)
    fn.linkage = "internal"
    fn.attributes.add("noinline")
    obj, view, expected, itemsize, ndim, writable, fname, pname, what = fn.args
    blocks = {n: fn.append_basic_block(n) for n in (
        "entry", "nobuf", "typeerr", "fail", "ndim", "rankerr", "fmt", "loop", "skip", "cmp", "next", "matched",
        "mismatch", "sub", "indirect", "ro", "roerr", "ok", "release")}
    b = ll.IRBuilder(blocks["entry"])

    def field(k):
        return b.gep(view, [I32(0), I32(k)])

    def goto(name):
        b.position_at_end(blocks[name])

    te = lambda: api.exc(b, "PyExc_TypeError")    # noqa: E731
    ve = lambda: api.exc(b, "PyExc_ValueError")   # noqa: E731
    rc = api.call(b, "PyObject_GetBuffer", obj, view, I32(0x1C))
    b.cbranch(b.icmp_signed("==", rc, I32(0)), blocks["ndim"], blocks["nobuf"])
    goto("nobuf")
    b.cbranch(b.icmp_signed("!=", api.call(b, "PyErr_ExceptionMatches", te()), I32(0)),
              blocks["typeerr"], blocks["fail"])
    goto("typeerr")
    api.call(b, "PyErr_Clear")
    tname = api.call(b, "PyType_GetName", type_of(b, obj))
    named, unnamed = fn.append_basic_block("named"), fn.append_basic_block("unnamed")
    b.cbranch(b.icmp_unsigned("==", tname, ll.Constant(OBJ, None)), unnamed, named)
    b.position_at_end(named)
    api.call(b, "PyErr_Format", te(), wb.ctx.cstring("%s() argument '%s' must be %s, not %U"), fname, pname, what,
             tname)
    api.call(b, "Py_DecRef", tname)
    b.branch(blocks["fail"])
    b.position_at_end(unnamed)
    api.call(b, "PyErr_Clear")
    api.call(b, "PyErr_Format", te(), wb.ctx.cstring("%s() argument '%s' must be %s"), fname, pname, what)
    b.branch(blocks["fail"])
    goto("fail")
    b.ret(I32(-1))
    goto("ndim")
    nd = b.load(field(BUF_NDIM))
    shape_ok, shape_err = fn.append_basic_block("shape"), fn.append_basic_block("shapeerr")
    b.cbranch(b.icmp_signed("==", nd, ndim), shape_ok, blocks["rankerr"])
    b.position_at_end(shape_ok)
    # PEP 3118: only a 1-D buffer may leave its shape NULL (wrapper.py then reads len / itemsize)
    no_shape = b.icmp_unsigned("==", b.load(field(BUF_SHAPE)), ll.Constant(I64.as_pointer(), None))
    b.cbranch(b.and_(no_shape, b.icmp_signed(">", nd, I32(1))), shape_err, blocks["fmt"])
    b.position_at_end(shape_err)
    from fastext.abi.runtime import MESSAGES
    api.call(b, "PyErr_Format", ve(), wb.ctx.cstring(MESSAGES["noshape"]), fname, pname, nd)
    b.branch(blocks["release"])
    goto("rankerr")
    api.call(b, "PyErr_Format", ve(), wb.ctx.cstring("%s() argument '%s' must be %s, got a %d-D buffer"),
             fname, pname, what, nd)
    b.branch(blocks["release"])
    goto("fmt")
    raw = b.load(field(BUF_FORMAT))
    fmt = b.select(b.icmp_unsigned("==", raw, ll.Constant(OBJ, None)), wb.ctx.cstring("B"), raw)
    size_ok = b.icmp_signed("==", b.load(field(BUF_ITEMSIZE)), itemsize)
    b.cbranch(size_ok, blocks["loop"], blocks["mismatch"])
    # compare, skipping NumPy's '=' '@' '<' prefixes and reading 'q'/'Q' as 'l'/'L' (both 64-bit here)
    goto("loop")
    i, j = b.phi(I64), b.phi(I64)
    i.add_incoming(I64(0), blocks["fmt"])
    j.add_incoming(I64(0), blocks["fmt"])
    c = b.load(b.gep(fmt, [i]))
    prefix = b.or_(b.or_(b.icmp_unsigned("==", c, I8(ord("="))), b.icmp_unsigned("==", c, I8(ord("@")))),
                   b.icmp_unsigned("==", c, I8(ord("<"))))
    b.cbranch(prefix, blocks["skip"], blocks["cmp"])
    goto("skip")
    i.add_incoming(b.add(i, I64(1)), blocks["skip"])
    j.add_incoming(j, blocks["skip"])
    b.branch(blocks["loop"])
    goto("cmp")
    c = b.select(b.icmp_unsigned("==", c, I8(ord("q"))), I8(ord("l")), c)
    c = b.select(b.icmp_unsigned("==", c, I8(ord("Q"))), I8(ord("L")), c)
    e = b.load(b.gep(expected, [j]))
    b.cbranch(b.icmp_unsigned("==", c, e), blocks["next"], blocks["mismatch"])
    goto("next")
    i.add_incoming(b.add(i, I64(1)), blocks["next"])
    j.add_incoming(b.add(j, I64(1)), blocks["next"])
    b.cbranch(b.icmp_unsigned("==", c, I8(0)), blocks["matched"], blocks["loop"])
    goto("mismatch")
    api.call(b, "PyErr_Format", ve(), wb.ctx.cstring(
        "%s() argument '%s' must be %s, got a buffer of format '%s' with itemsize %lld (structured dtype mismatch)"),
        fname, pname, what, fmt, b.load(field(BUF_ITEMSIZE)))
    b.branch(blocks["release"])
    goto("matched")
    b.branch(blocks["sub"])
    goto("sub")
    sub = b.load(field(BUF_SUBOFFSETS))
    b.cbranch(b.icmp_unsigned("==", sub, ll.Constant(sub.type, None)), blocks["ro"], blocks["indirect"])
    goto("indirect")
    api.call(b, "PyErr_Format", ve(), wb.ctx.cstring("%s() argument '%s': indirect (PIL-style) buffers are not supported"),
             fname, pname)
    b.branch(blocks["release"])
    goto("ro")
    bad = b.and_(b.icmp_signed("!=", b.load(field(BUF_READONLY)), I32(0)), b.icmp_signed("!=", writable, I32(0)))
    b.cbranch(bad, blocks["roerr"], blocks["ok"])
    goto("roerr")
    api.call(b, "PyErr_Format", ve(), wb.ctx.cstring(
        "%s() argument '%s' must be writable (%s() writes to it), got a read-only buffer"), fname, pname, fname)
    b.branch(blocks["release"])
    goto("ok")
    b.ret(I32(0))
    goto("release")
    api.call(b, "PyBuffer_Release", view)
    b.store(ll.Constant(OBJ, None), field(BUF_OBJ))
    b.ret(I32(-1))
    return fn
