"""Entry-point side of object and `str` parameters (called by `wrapper.py`).

* `object` parameters pass the argument through (borrowed: the caller's reference keeps it
  alive for the call); `list`/`dict`/`tuple`/`set` first check the type (subclasses
  accepted), raising the usual TypeError naming the function and parameter.
* `str` parameters become a `STR_VIEW`: ASCII text is read in place (its UTF-8 form is the
  text itself, `PyUnicode_AsUTF8AndSize`), any other text is copied once to UCS-4
  (`PyUnicode_AsUCS4Copy`), freed after the call on every path.  Either way `len(s)` and
  `s[i]` count characters, as Python does.
* A function with an object parameter keeps the GIL for the whole call.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, type_of
from fastext.compiler import types as T
from fastext.compiler.lower.context import STR_VIEW

NULL = ll.Constant(OBJ, None)
CHECKED_TYPES = {"list": "PyList_Type", "dict": "PyDict_Type", "tuple": "PyTuple_Type", "set": "PySet_Type"}


def holds_gil(fn) -> bool:
    """Whether the entry point must keep the GIL around the body: it uses Python objects,
    itself or through a function it calls (`analysis`: `Function.objects`)."""
    return fn.objects or any(isinstance(p.var.type, T.PyObj) for p in fn.params)


def prepare(wb, fn) -> None:
    """Entry-block slots: one view per `str` parameter (width 0 until unboxed: nothing to free)."""
    wb.str_views = {}
    for k, p in enumerate(fn.params):
        if isinstance(p.var.type, T.Str):
            slot = wb.b.alloca(STR_VIEW, name=f"str.{p.var.name}")
            wb.b.store(ll.Constant(STR_VIEW, None), slot)
            wb.str_views[k] = slot


def release(wb) -> None:
    """Free the UCS-4 copies (views of width 4)."""
    b = wb.b
    for slot in getattr(wb, "str_views", {}).values():
        width = b.load(b.gep(slot, [I32(0), I32(2)]))
        with b.if_then(b.icmp_signed("==", width, I64(4)), likely=False):
            wb.api.call(b, "PyMem_Free", b.load(b.gep(slot, [I32(0), I32(0)])))


def unbox(wb, k: int, p, obj: ll.Value, pname: ll.Value, what: ll.Value) -> ll.Value:
    t = p.var.type
    if isinstance(t, T.Str):
        return unbox_str(wb, k, obj, pname, what)
    if t.check is not None:
        check_type(wb, obj, CHECKED_TYPES[t.check], pname, what)
    return obj


def check_type(wb, obj, type_name: str, pname, what) -> None:
    b, api = wb.b, wb.api
    tp = type_of(b, obj)
    exact = b.icmp_unsigned("==", tp, api.obj(type_name))
    ok_bb, slow_bb, bad_bb = (wb.llfn.append_basic_block(f"check.{x}") for x in ("ok", "sub", "bad"))
    b.cbranch(exact, ok_bb, slow_bb)
    b.position_at_end(slow_bb)
    sub = api.call(b, "PyType_IsSubtype", tp, api.obj(type_name))
    b.cbranch(b.icmp_signed("!=", sub, I32(0)), ok_bb, bad_bb)
    b.position_at_end(bad_bb)
    type_error(wb, obj, pname, what)
    b.branch(wb.fail_bb)
    b.position_at_end(ok_bb)


def type_error(wb, obj, pname, what) -> None:
    """TypeError "f() argument 'x' must be <what>, not <type>" (the runtime's wording)."""
    from fastext.abi.runtime import MESSAGES
    b, api = wb.b, wb.api
    tname = api.call(b, "PyType_GetName", type_of(b, obj))
    api.call(b, "PyErr_Format", api.exc(b, "PyExc_TypeError"), wb.ctx.cstring(MESSAGES["musttype"]),
             wb.fname, pname, what, tname)
    api.call(b, "Py_DecRef", tname)


def unbox_str(wb, k: int, obj, pname, what) -> ll.Value:
    b, api = wb.b, wb.api
    check_type(wb, obj, "PyUnicode_Type", pname, what)
    slot = wb.str_views[k]
    size = wb.entry_alloca(I64)
    length = api.call(b, "PyUnicode_GetLength", obj)
    utf8 = api.call(b, "PyUnicode_AsUTF8AndSize", obj, size)
    wide_bb, copied_bb, done = (wb.llfn.append_basic_block(f"str.{x}") for x in ("ucs4", "copied", "done"))
    # ASCII iff its UTF-8 form has one byte per character (lone surrogates cannot be encoded: copy)
    is_ascii = b.and_(b.icmp_unsigned("!=", utf8, NULL), b.icmp_signed("==", b.load(size), length))
    pre = b.block
    b.cbranch(is_ascii, done, wide_bb)
    b.position_at_end(wide_bb)
    api.call(b, "PyErr_Clear")
    copy = api.call(b, "PyUnicode_AsUCS4Copy", obj)
    b.cbranch(b.icmp_unsigned("==", copy, NULL), wb.fail_bb, copied_bb)
    b.position_at_end(copied_bb)
    b.branch(done)
    b.position_at_end(done)
    data = b.phi(OBJ)
    data.add_incoming(utf8, pre)
    data.add_incoming(copy, copied_bb)
    width = b.phi(I64)
    width.add_incoming(I64(1), pre)
    width.add_incoming(I64(4), copied_bb)
    view = ll.Constant(STR_VIEW, ll.Undefined)
    for i, v in enumerate((data, length, width, obj)):
        view = b.insert_value(view, v, i)
    b.store(view, slot)
    return view
