"""`str` items, keys and values of native containers (`list[str]`, `dict[str, i64]`,
`dict[i64, str]`, `set[str]`): the object side of the list and dict operations.

An item is a `PyObject*` in container memory, kept alive by the call's arena (lower/kept.py):
the lowerings of the stores (lower/lists.py, lower/dicts.py) call `kept.keep` on the stored
pointer.  Around each operation this module applies lower/objects.py's rules:

* a `str` argument is *used* (`FunctionLowering.use`: a new reference is tracked in `obj_temps`,
  so an error inside the operation releases it) and *dropped* after the operation — a store
  took its own reference meanwhile;
* a `str` result (`xs[i]`, `xs.pop()`, `d[k]`, a loop's key) is a *new* reference: the item
  pointer increfed, which the consumer owns (an assignment) or drops after use.

Keys hash from their UTF-8 bytes (lower/strkeys.py: `text_hash`, so lookups keyed by a slice or
a character of a str parameter need no object) and compare by identity, then by text
(`PyUnicode_Compare`), which is `==` for every `str`.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import CApi
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import I1, I32, I64


def involved(e: ir.Intrinsic) -> bool:
    """Whether the operation takes or gives a str value."""
    return e.type == T.STRV or any(a.type == T.STRV for a in e.args)


def lower(fl, e: ir.Intrinsic, op) -> ll.Value:
    """The operation with its str arguments used then dropped, its str result a new reference."""
    used = []
    args = []
    for a in e.args:
        if a.type == T.STRV:
            v = fl.use(a)
            used.append((v, a))
        else:
            v = fl.expr(a)
        args.append(v)
    result = op.lower(fl, e, args)
    if e.type == T.STRV:
        fl.api.call(fl.b, "Py_IncRef", result)     # Py_IncRef: NULL (a check-only read) is fine
    for v, a in reversed(used):
        fl.drop(v, a)
    return result


def keeps_objects(module: ir.Module) -> bool:
    """Whether any function of `module` has a container holding str values."""
    for fn in module.functions.values():
        if any(T.holds_text(p.var.type) for p in fn.params) or T.holds_text(fn.ret) or \
                any(T.holds_text(v.type) for v in fn.locals):
            return True
        if any(T.holds_text(x.type) for x in ir.all_exprs(fn.body)):
            return True
    return False


def hash_text(fl, v: ll.Value) -> ll.Value:
    """The hash of a str key: of its UTF-8 bytes (lower/strkeys.py: so a key can be found from
    characters without its object); -1 (PyObject_Hash of a str with lone surrogates raised) is
    an error exit with that exception (`fl` is a FunctionLowering, or lower/dicts.py's
    entry-point shim)."""
    from fastext.compiler.lower.strkeys import text_hash_function
    h = fl.b.call(text_hash_function(fl.b.module), [v])
    fl.py_fail_if(fl.b.icmp_signed("==", h, I64(-1)))
    return h


def equal_text(b: ll.IRBuilder, x: ll.Value, y: ll.Value) -> ll.Value:
    """Whether two str objects are equal: the same object, or the same text."""
    same = b.icmp_unsigned("==", x, y)
    start = b.block
    with b.if_then(b.not_(same)):
        text = b.icmp_signed("==", CApi(b.module).call(b, "PyUnicode_Compare", x, y), I32(0))
        inner = b.block
    out = b.phi(I1)
    out.add_incoming(I1(1), start)
    out.add_incoming(text, inner)
    return out


def from_strs(fl, e: ir.Intrinsic) -> ll.Value:
    """`s.split()` & co. (a new Python list of exact str objects) as a native `list[str]`: each
    item kept by the arena, the Python list released."""
    from fastext.compiler.lower import lists
    from fastext.compiler.lower.ircontrol import for_range
    from fastext.compiler.lower.kept import keep
    b = fl.b
    src = fl.use(e.args[0])
    n = fl.api.call(b, "PyList_Size", src)
    lst = lists.new(fl, T.STRV, n)

    def one(k):
        item = fl.api.call(b, "PyList_GetItem", src, k)     # borrowed
        keep(fl, item)
        lists.istore(fl, item, lst, T.STRV, k)
    for_range(b, I64(0), n, one)
    fl.drop(src, e.args[0])
    return lst


def key_error(fl, missing: ll.Value, key: ll.Value) -> None:
    """`KeyError(key)` of a missing str key, the key object itself as Python's argument."""
    with fl.b.if_then(missing, likely=False):
        fl.api.call(fl.b, "PyErr_SetObject", fl.api.exc(fl.b, "PyExc_KeyError"), key)
        fl.py_fail_if(I1(1))
