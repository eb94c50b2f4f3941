"""Native containers handed to Python code (`print(xs)`, `f(d)` of a Python callable, `str(t)`):
a new Python list, dict, set or tuple of boxed items, made by one internal function per type
(`fx$tobj.<type>`: NULL with the Python exception set when boxing failed; partial objects are
released), for code running inside a call, which holds the GIL (analysis: `Function.objects`).
The entry points box their container results with the same loops (`python_container`, called
by abi/lists.py with the entry point's own boxing of items and failure exit).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import CApi
from fastext.compiler import types as T
from fastext.compiler.lower.context import F64, I32, I64, I8P, value_type
from fastext.compiler.lower.ircontrol import for_range, internal_function

NULL = ll.Constant(I8P, None)


def to_object(api: CApi, b: ll.IRBuilder, v: ll.Value, t: T.Type) -> ll.Value:
    """A new reference to the Python value of `v` (NULL on failure, exception set)."""
    if isinstance(t, T.Scalar):
        return scalar_object(api, b, v, t)
    if t == T.STRV:     # a str item: the object itself, a new reference
        api.call(b, "Py_IncRef", v)
        return v
    if isinstance(t, (T.Tuple, T.Struct)):
        items = t.items if isinstance(t, T.Tuple) else tuple(ft for _, ft in t.fields)
        return b.call(_tuple_fn(api, t, items), [v])
    if isinstance(t, (T.List, T.Dict, T.Set)):
        return b.call(_container_fn(api, t), [v])
    raise NotImplementedError(f"boxing {t}")


def scalar_object(api: CApi, b: ll.IRBuilder, v: ll.Value, t: T.Scalar) -> ll.Value:
    """A new Python int/float/bool/complex of a number (NULL on failure)."""
    if t.is_complex:
        re, im = b.extract_value(v, 0), b.extract_value(v, 1)
        if t.bits == 64:
            re, im = b.fpext(re, F64), b.fpext(im, F64)
        return api.call(b, "PyComplex_FromDoubles", re, im)
    if t.is_float:
        return api.call(b, "PyFloat_FromDouble", v if t.bits == 64 else b.fpext(v, F64))
    if t.is_bool:
        return api.call(b, "PyBool_FromLong", b.zext(v, I64))
    if t == T.U64:
        return api.call(b, "PyLong_FromUnsignedLongLong", v)
    return api.call(b, "PyLong_FromLongLong", v if t.bits == 64 else b.sext(v, I64) if t.signed else b.zext(v, I64))


def mixed_number(api: CApi, b: ll.IRBuilder, v: ll.Value, isint: ll.Value) -> ll.Value:
    """A new Python int (where `isint`: Python's int held in an f64, frontend/intflags.py) or
    float of the f64 `v` (NULL on failure).  A flagged value of magnitude 2**53 or more (an
    infinity, NaN) is a float: the f64 no longer holds Python's exact int, and a float says so."""
    exact = b.fcmp_ordered("<", b.call(_fabs(b), [v]), ll.Constant(F64, 2.0 ** 53))
    with b.if_else(b.and_(isint, exact)) as (then, otherwise):
        with then:
            as_int, int_block = api.call(b, "PyLong_FromDouble", v), b.block
        with otherwise:
            as_float, float_block = api.call(b, "PyFloat_FromDouble", v), b.block
    phi = b.phi(as_int.type)
    phi.add_incoming(as_int, int_block)
    phi.add_incoming(as_float, float_block)
    return phi


def _fabs(b: ll.IRBuilder) -> ll.Function:
    module = b.module
    fn = module.globals.get("llvm.fabs.f64")
    return fn if fn is not None else ll.Function(module, ll.FunctionType(F64, [F64]), "llvm.fabs.f64")


def _name(t: T.Type) -> str:
    return "fx$tobj." + str(t).replace(" ", "").replace("[", "(").replace("]", ")")


def _fail_unless(b: ll.IRBuilder, obj: ll.Value, owner: ll.Value, api: CApi) -> None:
    """Return NULL (releasing `owner`) when `obj` is NULL."""
    with b.if_then(b.icmp_unsigned("==", obj, NULL), likely=False):
        api.call(b, "Py_DecRef", owner)
        b.ret(NULL)


def _tuple_fn(api: CApi, t: T.Type, items: tuple[T.Type, ...]) -> ll.Function:
    fn, b = internal_function(api.module, _name(t), I8P, [value_type(t)])
    if b is None:
        return fn
    v = fn.args[0]
    out = api.call(b, "PyTuple_New", I64(len(items)))
    with b.if_then(b.icmp_unsigned("==", out, NULL), likely=False):
        b.ret(NULL)
    for k, it in enumerate(items):
        item = to_object(api, b, b.extract_value(v, k), it)
        _fail_unless(b, item, out, api)
        api.call(b, "PyTuple_SetItem", out, I64(k), item)
    b.ret(out)
    return fn


def _container_fn(api: CApi, t: T.Type) -> ll.Function:
    fn, b = internal_function(api.module, _name(t), I8P, [I8P])
    if b is None:
        return fn
    b.ret(python_container(api, b, fn.args[0], t, lambda it, v: to_object(api, b, v, it), lambda: b.ret(NULL)))
    return fn


def python_container(api: CApi, b: ll.IRBuilder, c: ll.Value, t: T.Type, box, fail,
                     intflags: ll.Value | None = None) -> ll.Value:
    """A new Python list, dict or set of the native container `c`'s items (live entries in
    order), each made by `box(item_type, value)` (a new reference, or NULL with an exception
    set); on a failure the partial object is released and `fail()` leaves the function.  The
    entry points box their results with it too (abi/lists.py), with their own `box` and `fail`.
    `intflags`: the address (i64, 0 for none) of a native `list[bool]` saying which f64 items,
    or values of entries in order, Python holds as ints (frontend/intflags.py)."""
    from fastext.compiler.lower import dicts, lists

    flags_len = flags_data = None
    if intflags is not None:     # the flags list's length and items (0 and NULL for none), read once
        fh = b.inttoptr(intflags, lists.HEADER.as_pointer())
        bool_p = value_type(T.BOOL).as_pointer()
        with b.if_else(b.icmp_unsigned("!=", intflags, I64(0))) as (some, none):
            with some:
                n_some = b.load(b.gep(fh, [I32(0), I32(lists.LEN)]))
                d_some = b.bitcast(b.load(b.gep(fh, [I32(0), I32(lists.DATA)])), bool_p)
                some_bb = b.block
            with none:
                none_bb = b.block
        flags_len, flags_data = b.phi(I64), b.phi(bool_p)
        flags_len.add_incoming(n_some, some_bb)
        flags_len.add_incoming(I64(0), none_bb)
        flags_data.add_incoming(d_some, some_bb)
        flags_data.add_incoming(ll.Constant(bool_p, None), none_bb)

    def boxed(item_t: T.Type, v: ll.Value, k: ll.Value) -> ll.Value:
        if flags_len is None or item_t != T.F64:
            return box(item_t, v)
        # a flag beyond the list's end (a `finally` block grew the container): a float
        with b.if_else(b.icmp_signed("<", k, flags_len)) as (inside, outside):
            with inside:
                flag = b.load(b.gep(flags_data, [k]))
                flag = b.icmp_unsigned("!=", flag, ll.Constant(flag.type, 0))
                inside_bb = b.block
            with outside:
                outside_bb = b.block
        isint = b.phi(ll.IntType(1))
        isint.add_incoming(flag, inside_bb)
        isint.add_incoming(ll.Constant(ll.IntType(1), 0), outside_bb)
        return mixed_number(api, b, v, isint)

    def fail_unless(obj: ll.Value, owner: ll.Value | None) -> None:
        with b.if_then(b.icmp_unsigned("==", obj, NULL), likely=False):
            if owner is not None:
                api.call(b, "Py_DecRef", owner)
            fail()

    if isinstance(t, T.List):
        h = b.bitcast(c, lists.HEADER.as_pointer())
        n = b.load(b.gep(h, [I32(0), I32(lists.LEN)]))
        data = b.bitcast(b.load(b.gep(h, [I32(0), I32(lists.DATA)])), value_type(t.item).as_pointer())
        out = api.call(b, "PyList_New", n)
        fail_unless(out, None)

        def item(k):
            obj = boxed(t.item, b.load(b.gep(data, [k])), k)
            fail_unless(obj, out)
            api.call(b, "PyList_SetItem", out, k, obj)
        for_range(b, I64(0), n, item)
        return out
    key, value = dicts.key_value(t)
    entry = dicts.entry_type(key, value).as_pointer()
    h = b.bitcast(c, dicts.HEADER.as_pointer())
    n = b.load(b.gep(h, [I32(0), I32(dicts.N)]))
    entries = b.bitcast(b.load(b.gep(h, [I32(0), I32(dicts.ENTRIES)])), entry)
    is_dict = isinstance(t, T.Dict)
    out = api.call(b, "PyDict_New") if is_dict else api.call(b, "PySet_New", NULL)
    fail_unless(out, None)

    def one(k):
        with b.if_then(dicts.is_live(b, b.module, key, value, c, k)):
            kobj = box(key, b.load(b.gep(entries, [k, I32(dicts.entry_index(key, dicts.KEY))])))
            fail_unless(kobj, out)
            if is_dict:
                vobj = boxed(value, b.load(b.gep(entries, [k, I32(dicts.entry_index(key, dicts.VALUE))])), k)
                with b.if_then(b.icmp_unsigned("==", vobj, NULL), likely=False):
                    api.call(b, "Py_DecRef", kobj)
                fail_unless(vobj, out)
                rc = api.call(b, "PyDict_SetItem", out, kobj, vobj)
                api.call(b, "Py_DecRef", vobj)
            else:
                rc = api.call(b, "PySet_Add", out, kobj)
            api.call(b, "Py_DecRef", kobj)
            fail_unless(b.select(b.icmp_signed("<", rc, I32(0)), NULL, out), out)
    for_range(b, I64(0), n, one)
    return out
