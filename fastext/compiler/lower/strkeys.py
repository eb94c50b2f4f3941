"""Str keys without str objects: lookups and stores of `dict[str, V]` keyed by a one-character
str (`d[s[i]]`) or a slice (`d[s[i:i + k]]`, or a local only ever assigned such a slice and only
ever used as such a key) of a `str` parameter whose text is ASCII.

A native dict of str keys hashes a key from its UTF-8 bytes (`text_hash`; the str's own hash,
SipHash with the process's secret over its canonical form, cannot be computed without the
object).  Iteration order is insertion order whatever the hash (lower/dicts.py), so the dict
Python gets back and the output printed are unchanged.  Such a key is then hashed straight from
the parameter's characters (`hash_bytes`), found by comparing bytes with the stored keys'
UTF-8 (`find_bytes`), and made a str object only when it is inserted or named by a KeyError.

The lazy local: its object slot stays NULL while it holds a lazy key, whose bytes (a pointer
into the parameter's text, which the call keeps alive), length and hash live in three frame
slots.  Text that is not ASCII (the view holds a UCS-4 copy) falls back to the object: the
slot then holds the slice made by PyUnicode_Substring, and the operations take the object path.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.capi import CApi
from fastext.compiler.lower.context import I1, I32, I64, I8, I8P
from fastext.compiler.lower.ircontrol import Var, internal_function, while_loop

NULL = ll.Constant(I8P, None)
_K = 0x9E3779B97F4A7C15 - 2 ** 64
_OPS = ("dict.contains", "dict.getitem", "dict.setitem")


# ------------------------------------------------------------------------------ hashing
def hash_bytes_function(module: ll.Module) -> ll.Function:
    """`i64 fx$str.hashb(i8* p, i64 n)`: a 64-bit hash of n bytes, 8 at a time, with
    splitmix64's finaliser (every bit reaches the low bits the index uses)."""
    fn, b = internal_function(module, "fx$str.hashb", I64, [I8P, I64])
    if b is None:
        return fn
    p, n = fn.args
    h = Var(b, I64, b.xor(b.mul(n, I64(_K)), I64(0x27D4EB2F165667C5)))
    i = Var(b, I64, I64(0))

    def word():
        w = b.load(b.bitcast(b.gep(p, [i.get()]), I64.as_pointer()), align=1)
        x = b.mul(b.xor(h.get(), w), I64(_K))
        h.set(b.xor(x, b.lshr(x, I64(29))))
        i.set(b.add(i.get(), I64(8)))
    while_loop(b, lambda: b.icmp_signed("<=", b.add(i.get(), I64(8)), n), word, "hash.words")
    tail = Var(b, I64, I64(0))
    shift = Var(b, I64, I64(0))

    def byte():
        c = b.zext(b.load(b.gep(p, [i.get()])), I64)
        tail.set(b.or_(tail.get(), b.shl(c, shift.get())))
        shift.set(b.add(shift.get(), I64(8)))
        i.set(b.add(i.get(), I64(1)))
    while_loop(b, lambda: b.icmp_signed("<", i.get(), n), byte, "hash.tail")
    x = b.mul(b.xor(h.get(), tail.get()), I64(_K))
    x = b.mul(b.xor(x, b.lshr(x, I64(30))), I64(0xBF58476D1CE4E5B9 - 2 ** 64))
    x = b.mul(b.xor(x, b.lshr(x, I64(27))), I64(0x94D049BB133111EB - 2 ** 64))
    x = b.xor(x, b.lshr(x, I64(31)))
    b.ret(b.select(b.icmp_signed("==", x, I64(-1)), I64(-2), x))     # -1 means "raised"
    return fn


def text_hash_function(module: ll.Module) -> ll.Function:
    """`i64 fx$str.hash(PyObject*)`: the hash of a str key, `fx$str.hashb` of its UTF-8 (for
    ASCII text, its own characters); a str with lone surrogates (no UTF-8) hashes by
    PyObject_Hash, and never equals text that has UTF-8.  -1: PyObject_Hash raised (a str
    subclass's own `__hash__` is called first, as Python's dict would)."""
    fn, b = internal_function(module, "fx$str.hash", I64, [I8P])
    if b is None:
        return fn
    from fastext.compiler.capi import type_of
    api = CApi(module)
    size = b.alloca(I64)
    exact = b.icmp_unsigned("==", type_of(b, fn.args[0]), api.obj("PyUnicode_Type"))
    with b.if_then(b.not_(exact), likely=False):
        # a str subclass: its own __hash__ runs (and may raise, as in a Python dict); the text
        # decides equality, so the text's hash is the one kept
        with b.if_then(b.icmp_signed("==", api.call(b, "PyObject_Hash", fn.args[0]), I64(-1)), likely=False):
            b.ret(I64(-1))
    utf8 = api.call(b, "PyUnicode_AsUTF8AndSize", fn.args[0], size)
    with b.if_then(b.icmp_unsigned("!=", utf8, NULL), likely=True):
        b.ret(b.call(hash_bytes_function(module), [utf8, b.load(size)]))
    api.call(b, "PyErr_Clear")
    b.ret(api.call(b, "PyObject_Hash", fn.args[0]))
    return fn


def utf8_of(module: ll.Module) -> ll.Function:
    """`{i8*, i64} fx$str.utf8(PyObject*)`: the key's UTF-8 text and size, as a str entry keeps
    them (the text lives as long as the object, which the arena keeps); size -1 for a str with
    lone surrogates, which has no UTF-8."""
    ret = ll.LiteralStructType([I8P, I64])
    fn, b = internal_function(module, "fx$str.utf8", ret, [I8P])
    if b is None:
        return fn
    api = CApi(module)
    size = b.alloca(I64)
    text = api.call(b, "PyUnicode_AsUTF8AndSize", fn.args[0], size)
    with b.if_then(b.icmp_unsigned("==", text, NULL), likely=False):
        api.call(b, "PyErr_Clear")
        b.store(I64(-1), size)
    b.ret(b.insert_value(b.insert_value(ll.Constant(ret, None), text, 0), b.load(size), 1))
    return fn


def find_bytes(table) -> ll.Function:
    """`{i64 slot, i64 entry} fx$dict.findb.<types>(d, i8* p, i64 n, i64 hash)`: `Table.find`
    for the key whose UTF-8 is the n bytes at p (stored keys compared by their UTF-8)."""
    from fastext.compiler.lower.dicts import HASH, TEXT, entry_index, probe, tload
    module = table.ctx.module
    fn, b = internal_function(module, f"fx$dict.findb.{table.suffix}", ll.LiteralStructType([I64, I64]),
                              [I8P, I8P, I64, I64])
    if b is None:
        return fn
    memcmp = table.ctx.intrinsic("memcmp", I32, [I8P, I8P, I64])
    d, p, n, h = fn.args
    entries = table.entries(b, d)

    def compare(slot, found):
        same = b.icmp_unsigned("==", tload(b, b.gep(entries, [slot, I32(entry_index(table.key, HASH))])), h)
        with b.if_then(same):
            size = tload(b, b.gep(entries, [slot, I32(TEXT + 1)]))
            with b.if_then(b.icmp_signed("==", size, n)):       # (-1: never)
                text = tload(b, b.gep(entries, [slot, I32(TEXT)]))
                with b.if_then(b.icmp_signed("==", b.call(memcmp, [text, p, n]), I32(0))):
                    found()
    return probe(b, fn, d, h, compare)


# ------------------------------------------------------------------------------ which keys
def _str_param(fn: ir.Function, e: ir.Expr, assigned: set[int]) -> bool:
    """Whether `e` boxes a `str` parameter the function never assigns (its view's text lives
    for the whole call)."""
    return isinstance(e, ir.ObjBox) and isinstance(e.value, ir.Load) and isinstance(e.value.type, T.Str) \
        and any(p.var is e.value.var for p in fn.params) and id(e.value.var) not in assigned


def _slice(fn: ir.Function, e: ir.Expr, assigned: set[int]) -> bool:
    """`s[a:b]` of a str parameter with int bounds (either may be omitted)."""
    from fastext.compiler.lower.text import _native_bound
    return isinstance(e, ir.Intrinsic) and e.name == "text.slice" and e.type == T.STRV and len(e.args) == 4 \
        and _native_bound(e.args[3]) is None and _native_bound(e.args[1]) is not False \
        and _native_bound(e.args[2]) is not False and _str_param(fn, e.args[0], assigned)


def _char(e: ir.Expr) -> bool:
    """`s[i]` (a character) boxed as a str, or `s[i]` of a str value and an int."""
    from fastext.compiler.lower.text import native_item
    return isinstance(e, ir.ObjBox) and isinstance(e.value.type, T.Char) or \
        isinstance(e, ir.ObjItem) and native_item(e)


def _keyed(e: ir.Expr) -> bool:
    """`k in d`, `d[k]`, `d.get(k, default)` or `d[k] = v` of a `dict[str, V]` whose other
    operands are not str values (their references are `str_items.lower`'s work)."""
    if not (isinstance(e, ir.Intrinsic) and e.name in _OPS and len(e.args) >= 2):
        return False
    t = e.args[0].type
    if not (isinstance(t, T.Dict) and t.key == T.STRV):
        return False
    if any(a.type == T.STRV or T.holds_text(a.type) for a in e.args[2:]):
        return False
    if e.name == "dict.setitem":
        return len(e.args) == 3
    return e.name != "dict.getitem" or e.attrs.get("kind", "get") == "get"


def _assigned(fn: ir.Function) -> set[int]:
    """The variables some statement of `fn` names (assigns, loops over, deletes...)."""
    out = set()
    for s in ir.walk(fn.body):
        for name in getattr(s, "__dataclass_fields__", {}):
            v = getattr(s, name)
            for x in (v if isinstance(v, (list, tuple)) else (v,)):
                if isinstance(x, ir.Var):
                    out.add(id(x))
    return out


def plan(fl) -> None:
    """At entry: the str locals that hold lazy keys, and their frame slots."""
    fl.lazy_keys = {}
    fn = fl.fn
    if fn.target != "cpu" or not any(_keyed(e) for e in ir.all_exprs(fn.body)):
        return
    assigned = _assigned(fn)
    candidates = {id(v): v for v in fn.locals if v.type == T.STRV}
    key_loads: set[int] = set()
    for e in ir.all_exprs(fn.body):
        if _keyed(e) and isinstance(e.args[1], ir.Load):
            key_loads.add(id(e.args[1]))
    for e in ir.all_exprs(fn.body):
        if isinstance(e, ir.Load) and id(e.var) in candidates and id(e) not in key_loads:
            candidates.pop(id(e.var))
    for s in ir.walk(fn.body):
        for name in getattr(s, "__dataclass_fields__", {}):
            v = getattr(s, name)
            for x in (v if isinstance(v, (list, tuple)) else (v,)):
                if isinstance(x, ir.Var) and id(x) in candidates and not (
                        isinstance(s, ir.Assign) and name == "var" and _slice(fn, s.value, assigned)):
                    candidates.pop(id(x))
    for vid, var in candidates.items():
        slots = (fl.entry_alloca(I8P), fl.entry_alloca(I64), fl.entry_alloca(I64))
        b = fl.b
        with b.goto_entry_block():
            b.position_after(slots[0])
            b.store(fl.ctx.cstring(""), slots[0])      # read before an assignment: ""
            b.store(I64(0), slots[1])
            b.store(b.call(hash_bytes_function(fl.ctx.module), [fl.ctx.cstring(""), I64(0)]), slots[2])
        fl.lazy_keys[vid] = slots
    fl._fx_assigned = assigned


def applies(fl, e: ir.Intrinsic) -> bool:
    """Whether `e` is a dict operation whose key this module lowers without its object."""
    if not _keyed(e):
        return False
    key = e.args[1]
    if isinstance(key, ir.Load):
        return id(key.var) in getattr(fl, "lazy_keys", {})
    return _char(key) or _slice(fl.fn, key, getattr(fl, "_fx_assigned", None) or _assigned(fl.fn))


# ------------------------------------------------------------------------------ lowering
def _bounds(fl, e: ir.Intrinsic, n: ll.Value) -> tuple[ll.Value, ll.Value]:
    """The slice's [lo, hi) normalised as Python's (lo <= hi, both within 0..n)."""
    from fastext.compiler.lower.text import _native_bound, slice_bound
    b = fl.b

    def bound(x, default):
        v = slice_bound(fl, x, default, n)
        return b.select(b.icmp_signed(">", v, n), n, v)
    lo = bound(_native_bound(e.args[1]), I64(0))
    hi = bound(_native_bound(e.args[2]), n)
    return lo, b.select(b.icmp_signed("<", hi, lo), lo, hi)


def _slice_key(fl, e: ir.Intrinsic):
    """(ascii, p, n, object-or-NULL): the slice's bytes when the text is ASCII, else the
    slice made as an object (a new reference, tracked in obj_temps)."""
    b, api = fl.b, fl.api
    view = fl.expr(e.args[0].value)
    n = b.extract_value(view, 1)
    lo, hi = _bounds(fl, e, n)
    ascii = b.icmp_signed("==", b.extract_value(view, 2), I64(1))
    p = b.gep(b.extract_value(view, 0), [lo])
    obj = Var(b, I8P, NULL)
    with b.if_then(b.not_(ascii), likely=False):
        made = api.call(b, "PyUnicode_Substring", b.extract_value(view, 3), lo, hi)
        fl.fail_if_null(made)
        obj.set(made)
    return ascii, p, b.sub(hi, lo), obj.get()


def lazy_assign(fl, s: ir.Assign) -> bool:
    """Whether `s` gives a lazy local its bytes (any other assignment stores an object: the
    operations then take the object path, as its slot is not NULL)."""
    return _slice(fl.fn, s.value, getattr(fl, "_fx_assigned", None) or _assigned(fl.fn))


def assign(fl, s: ir.Assign) -> None:
    """`word = s[a:b]` of a lazy local: the bytes, length and hash, or (text not ASCII) the
    object in the variable's slot."""
    b = fl.b
    p_slot, n_slot, h_slot = fl.lazy_keys[id(s.var)]
    ascii, p, n, obj = _slice_key(fl, s.value)
    slot = fl.slots[id(s.var)]
    old = b.load(slot)
    b.store(obj, slot)         # NULL: a lazy key
    fl.api.call(b, "Py_DecRef", old)
    with b.if_then(ascii, likely=True):
        b.store(p, p_slot)
        b.store(n, n_slot)
        b.store(b.call(hash_bytes_function(b.module), [p, n]), h_slot)


def lower(fl, e: ir.Intrinsic) -> ll.Value:
    """The dict operation `e` with a lazy key: by bytes when there are bytes, else (text that
    is not ASCII, a character past ASCII) through the key's object as usual."""
    from fastext.compiler.lower import dicts
    b = fl.b
    key = e.args[1]
    d = fl.expr(e.args[0])
    rest = [fl.expr(a) for a in e.args[2:]]
    table = dicts._table(fl, e.args[0].type)
    if isinstance(key, ir.Load):
        p_slot, n_slot, h_slot = fl.lazy_keys[id(key.var)]
        obj = b.load(fl.slots[id(key.var)])
        lazy = b.icmp_unsigned("==", obj, NULL)
        p, n, h = b.load(p_slot), b.load(n_slot), b.load(h_slot)
        owned = False
    elif _char(key):
        if isinstance(key, ir.ObjItem):
            from fastext.compiler.lower.text import item_code
            cp = item_code(fl, key)
        else:
            cp = fl.expr(key.value)
        lazy = b.icmp_unsigned("<", cp, I32(128))
        cell = fl.entry_alloca(I8)
        b.store(b.trunc(cp, I8), cell)
        p, n = cell, I64(1)
        h = b.call(hash_bytes_function(b.module), [p, n])
        obj = Var(b, I8P, NULL)
        with b.if_then(b.not_(lazy), likely=False):
            made = fl.api.call(b, "PyUnicode_FromOrdinal", cp)
            fl.fail_if_null(made)
            obj.set(made)
        obj, owned = obj.get(), True
        fl.obj_temps.append(obj)       # NULL on the lazy path: its release does nothing
    else:
        lazy, p, n, obj = _slice_key(fl, key)
        h = b.call(hash_bytes_function(b.module), [p, n])
        owned = True
        fl.obj_temps.append(obj)
    result_type = _result_type(e)
    out = Var(b, result_type, ll.Constant(result_type, None)) if result_type is not None else None
    with b.if_else(lazy, likely=True) as (by_bytes, by_object):
        with by_bytes:
            r = _by_bytes(fl, e, table, d, p, n, h, rest)
            if out is not None:
                out.set(r)
        with by_object:
            r = _by_object(fl, e, table, d, obj, rest)
            if out is not None:
                out.set(r)
    if owned:
        _untrack(fl, obj)
        fl.api.call(b, "Py_DecRef", obj)     # NULL on the lazy path: nothing
    return out.get() if out is not None else I1(0)


def _untrack(fl, v) -> None:
    for k in range(len(fl.obj_temps) - 1, -1, -1):
        if fl.obj_temps[k] is v:
            del fl.obj_temps[k]
            return


def _result_type(e: ir.Intrinsic):
    from fastext.compiler.lower.context import value_type
    if e.name == "dict.contains":
        return I1
    if e.name == "dict.getitem":
        return value_type(e.type)
    return None


def _by_object(fl, e, table, d, key, rest) -> ll.Value:
    from fastext.compiler.lower import dicts
    args = [d, key, *rest]
    if e.name == "dict.contains":
        return dicts._contains(fl, e, args)
    if e.name == "dict.getitem":
        r = dicts._getitem(fl, e, args)
        if e.type == T.STRV:
            fl.api.call(fl.b, "Py_IncRef", r)
        return r
    return dicts._setitem(fl, e, args)


def _make(fl, p, n) -> ll.Value:
    """The key's str object (ASCII bytes), a new reference."""
    made = fl.api.call(fl.b, "PyUnicode_FromStringAndSize", p, n)
    fl.fail_if_null(made)
    return made


def _by_bytes(fl, e, table, d, p, n, h, rest) -> ll.Value:
    from fastext.compiler.lower import dicts
    from fastext.compiler.lower.dicts import VALUE
    b = fl.b
    found = b.call(find_bytes(table), [d, p, n, h])
    slot, entry = b.extract_value(found, 0), b.extract_value(found, 1)
    missing = b.icmp_signed("<", entry, I64(0))
    if e.name == "dict.contains":
        return b.not_(missing)
    if e.name == "dict.getitem":
        if not rest:
            with b.if_then(missing, likely=False):
                made = _make(fl, p, n)
                fl.api.call(b, "PyErr_SetObject", fl.api.exc(b, "PyExc_KeyError"), made)
                fl.api.call(b, "Py_DecRef", made)
                fl.py_fail_if(I1(1))
            r = b.load(table.entry_field(b, d, entry, VALUE))
            if e.type == T.STRV:
                fl.api.call(b, "Py_IncRef", r)
            return r
        return b.select(missing, rest[0], b.load(table.entry_field(b, d, b.select(missing, I64(0), entry), VALUE)))

    def make_key():
        made = _make(fl, p, n)
        fl.obj_temps.append(made)       # until the arena keeps it (dicts.store)
        return made
    dicts.store(fl, table, d, None, rest[0], probe=(h, slot, entry), make_key=make_key)
    return I1(0)
