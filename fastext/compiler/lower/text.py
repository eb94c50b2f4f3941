"""Lowering of `str` values and Python builtins (ops/text.py): one C-API call per operation.

Operands are objects (the front end boxes numbers, characters and `str` parameters), used
through `ObjectLowering.use`/`drop`, so a borrowed variable is not increfed and a new
reference is released right after the call — on the error path too, through `obj_temps`.
Every result is a new reference or NULL with a Python exception set (`fail_if_null`).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import I32, I64, I8P
from fastext.compiler.lower.ircontrol import Var, internal_global, made_once

NULL = ll.Constant(I8P, None)

# one C-API function of the operands, in order, returning a new reference
CALLS = {"text.add": "PyNumber_Add", "text.mul": "PyNumber_Multiply", "text.mod": "PyNumber_Remainder",
         "text.str": "PyObject_Str", "text.repr": "PyObject_Repr", "text.ascii": "PyObject_ASCII",
         "text.format": "PyObject_Format"}
# Python's rich-comparison codes (Py_LT ... Py_GE)
RICH = {"<": 0, "<=": 1, "==": 2, "!=": 3, ">": 4, ">=": 5}


def lower_text(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """Dispatch on the operation's name (all are `lazy`: `args` are the IR arguments)."""
    if e.name in CALLS:
        return _call(fl, CALLS[e.name], args)
    return globals()["_" + e.name.replace(".", "_")](fl, e, args)


def _use_all(fl, args):
    return [fl.use(a) for a in args]


def _drop_all(fl, values, args) -> None:
    for v, a in reversed(list(zip(values, args))):
        fl.drop(v, a)


def _call(fl, name: str, args: list[ir.Expr]) -> ll.Value:
    values = _use_all(fl, args)
    r = fl.api.call(fl.b, name, *values)
    _drop_all(fl, values, args)
    fl.fail_if_null(r)
    return r


def _text_compare(fl, e, args) -> ll.Value:
    values = _use_all(fl, args)
    rc = fl.api.call(fl.b, "PyObject_RichCompareBool", *values, I32(RICH[e.attrs["op"]]))
    _drop_all(fl, values, args)
    fl.py_fail_if(fl.b.icmp_signed("<", rc, I32(0)))
    return fl.b.icmp_signed(">", rc, I32(0))


def _pack(fl, values: list[ll.Value]) -> ll.Value:
    """A new tuple of `values` (each gets one more reference, which the tuple owns); tracked in
    `obj_temps` until the caller drops it."""
    b, api = fl.b, fl.api
    tup = api.call(b, "PyTuple_New", I64(len(values)))
    fl.fail_if_null(tup)
    fl.obj_temps.append(tup)
    for k, v in enumerate(values):
        api.call(b, "Py_IncRef", v)        # PyTuple_SetItem steals a reference
        api.call(b, "PyTuple_SetItem", tup, I64(k), v)
    return tup


def _text_tuple(fl, e, args) -> ll.Value:
    values = _use_all(fl, args)
    tup = _pack(fl, values)
    fl.obj_temps.remove(tup)     # the caller owns it now (an expression's new reference)
    _drop_all(fl, values, args)
    return tup


def _text_concat(fl, e, args) -> ll.Value:
    b, api = fl.b, fl.api
    values = _use_all(fl, args)
    tup = _pack(fl, values)
    empty = api.call(b, "PyUnicode_FromStringAndSize", fl.ctx.cstring(""), I64(0))
    fl.fail_if_null(empty)
    r = api.call(b, "PyUnicode_Join", empty, tup)
    api.call(b, "Py_DecRef", empty)
    fl.drop(tup, None)
    _drop_all(fl, values, args)
    fl.fail_if_null(r)
    return r


def appends_in_place(s: ir.Assign) -> bool:
    """`s += t` / `s = s + t` of a str local: CPython's own in-place concatenation applies."""
    v = s.value
    # (`s += s`: the right operand would be a borrowed reference to the str being resized)
    return (s.var.type == T.STRV and isinstance(v, ir.Intrinsic) and v.name == "text.add"
            and v.type == T.STRV and isinstance(v.args[0], ir.Load) and v.args[0].var is s.var
            and not (isinstance(v.args[1], ir.Load) and v.args[1].var is s.var))


def append_in_place(fl, s: ir.Assign) -> None:
    """`s += t` as PyUnicode_Append on the variable's slot, as CPython's interpreter does it: a str
    that the variable alone owns (refcount 1, never hashed, not interned) is grown in place, so a
    loop building a str is linear, not quadratic.  Anything else holding the str (a container's
    arena, another variable, an iterator) holds a reference, so Append copies then, as `+` does.
    A str subclass on the left keeps `+` (its `__add__` may differ)."""
    from fastext.compiler.capi import type_of
    b, api = fl.b, fl.api
    slot = fl.slots[id(s.var)]
    right = fl.use(s.value.args[1])
    left = b.load(slot)
    exact = b.icmp_unsigned("==", type_of(b, left), api.obj("PyUnicode_Type"))
    with b.if_else(exact) as (then, otherwise):
        with then:
            api.call(b, "PyUnicode_Append", slot, right)
        with otherwise:
            made = api.call(b, "PyNumber_Add", left, right)
            b.store(made, slot)
            api.call(b, "Py_DecRef", left)
    fl.drop(right, s.value.args[1])
    grown = b.load(slot)
    failed = b.icmp_unsigned("==", grown, NULL)
    with b.if_then(failed, likely=False):
        # the variable stays a str (an except clause of this function may read it): the empty one
        empty = api.call(b, "PyUnicode_FromStringAndSize", fl.ctx.cstring(""), I64(0))
        b.store(empty, slot)
    fl.py_fail_if(failed)


def native_item(e: ir.ObjItem) -> bool:
    """`s[i]` of a str value and a machine integer."""
    return (e.type == T.STRV and e.value.type == T.STRV and len(e.args) == 1
            and isinstance(e.args[0], ir.ObjBox) and isinstance(e.args[0].value.type, T.Scalar)
            and (e.args[0].value.type.kind == "int" or e.args[0].value.type.kind == "uint"
                 and e.args[0].value.type.bits < 64))


def str_item(fl, e: ir.ObjItem) -> ll.Value:
    """`s[i]`: PyUnicode_ReadChar at the index (a negative one counted from the end), then the
    character's str (CPython keeps one per Latin-1 character), with no int boxed and no
    subscript dispatch; out of range it is CPython's IndexError, "string index out of range"."""
    r = fl.api.call(fl.b, "PyUnicode_FromOrdinal", item_code(fl, e))
    fl.fail_if_null(r)
    return r


def item_code(fl, e: ir.ObjItem) -> ll.Value:
    """The code point (i32) of `s[i]` (`native_item`), with str_item's IndexError."""
    b, api = fl.b, fl.api
    s = fl.use(e.value)
    t = e.args[0].value.type
    i = fl.expr(e.args[0].value)
    if i.type != I64:
        i = b.sext(i, I64) if t.kind == "int" else b.zext(i, I64)
    negative = b.icmp_signed("<", i, I64(0))
    n = api.call(b, "PyUnicode_GetLength", s)
    i = b.select(negative, b.add(i, n), i)
    i = b.select(b.icmp_signed("<", i, I64(0)), n, i)       # still negative: out of range too
    cp = api.call(b, "PyUnicode_ReadChar", s, i)
    fl.py_fail_if(b.icmp_unsigned("==", cp, I32(-1)))       # (IndexError set)
    fl.drop(s, e.value)
    return cp


def _native_bound(e: ir.Expr):
    """A slice bound as a native signed integer (`None` when it is omitted), or False."""
    if isinstance(e, ir.ObjConst) and e.text is None:
        return None
    if isinstance(e, ir.ObjBox) and isinstance(e.value.type, T.Scalar) and \
            (e.value.type.kind == "int" or e.value.type.is_bool):
        return e.value
    return False


def slice_bound(fl, x: ir.Expr | None, default: ll.Value, n: ll.Value) -> ll.Value:
    """One bound of a slice of length-n text as Python reads it: `default` when omitted, a
    negative one counted from the end, then at least 0 (not clamped at n)."""
    if x is None:
        return default
    b = fl.b
    v = fl.expr(x)
    v = v if v.type == I64 else b.zext(v, I64) if x.type.is_bool else b.sext(v, I64)
    wrapped = b.add(v, n)
    wrapped = b.select(b.icmp_signed("<", wrapped, I64(0)), I64(0), wrapped)
    return b.select(b.icmp_signed("<", v, I64(0)), wrapped, v)


def _unit_slice(fl, e, args) -> ll.Value:
    """`s[a:b]` of a str with int bounds: PyUnicode_Substring on bounds normalised as Python's
    slices are (negative ones count from the end, then clamp at 0; Substring clamps the end and
    gives "" for an empty range), with no slice object and no boxed ints."""
    b, api = fl.b, fl.api
    text, lo_e, hi_e = args[0], _native_bound(args[1]), _native_bound(args[2])
    s = fl.use(text)
    n = api.call(b, "PyUnicode_GetLength", s)
    lo = slice_bound(fl, lo_e, I64(0), n)
    hi = slice_bound(fl, hi_e, n, n)
    r = api.call(b, "PyUnicode_Substring", s, lo, hi)
    fl.drop(s, text)
    fl.fail_if_null(r)
    return r


def _text_slice(fl, e, args) -> ll.Value:
    b, api = fl.b, fl.api
    if e.type == T.STRV and len(args) == 4 and _native_bound(args[3]) is None \
            and _native_bound(args[1]) is not False and _native_bound(args[2]) is not False:
        return _unit_slice(fl, e, args)
    text, *parts = args
    s = fl.use(text)
    bounds = _use_all(fl, parts)
    sl = api.call(b, "PySlice_New", *bounds)
    _drop_all(fl, bounds, parts)
    fl.fail_if_null(sl)
    fl.obj_temps.append(sl)
    r = api.call(b, "PyObject_GetItem", s, sl)
    fl.drop(sl, None)
    fl.drop(s, text)
    fl.fail_if_null(r)
    return r


def _raise_runtime(fl, message: str) -> None:
    fl.api.call(fl.b, "PyErr_SetString", fl.api.exc(fl.b, "PyExc_RuntimeError"), fl.ctx.cstring(message))


def interned(fl, name: str) -> ll.Value:
    """The interned str `name`, made once per module (its hash is cached: a dict lookup with it
    costs no decoding and no hashing)."""
    def make():
        made = fl.api.call(fl.b, "PyUnicode_InternFromString", fl.ctx.cstring(name))
        fl.fail_if_null(made)
        return made      # kept for the module's life
    return made_once(fl.b, internal_global(fl.ctx.module, f"fx$name.{name}", I8P), make)


def _py_builtin(fl, e, args) -> ll.Value:
    """builtins.NAME of the running code, looked up at each use as Python does (a borrowed dict
    entry, increfed)."""
    found = fl.api.call(fl.b, "PyDict_GetItem", fl.api.call(fl.b, "PyEval_GetBuiltins"), interned(fl, e.attrs["name"]))
    return _owned(fl, found, f"builtins.{e.attrs['name']} is missing")


def _py_import(fl, e, args) -> ll.Value:
    """The Python module `name` (a new reference): imported by Python's import the first time,
    then kept by the module (a module object outlives a reload, which runs again in it)."""
    def make():
        found = fl.api.call(fl.b, "PyImport_Import", interned(fl, e.attrs["name"]))
        fl.fail_if_null(found)
        return found
    module = made_once(fl.b, internal_global(fl.ctx.module, f"fx$module.{e.attrs['name']}", I8P), make)
    fl.api.call(fl.b, "Py_IncRef", module)
    return module


def exception_class(fl, attrs: dict) -> ll.Value:
    """The module's exception class `attrs["chain"][0]` (borrowed: the module keeps it), made the
    first time from its base — the next class of the chain, or the builtin exception."""
    chain = attrs["chain"]
    qualname, shown = chain[0]

    def make():
        # made on first use, which may be an except clause matching an exception in flight: that
        # one is set aside meanwhile (the C API must not run Python code with an exception set)
        pending = [fl.entry_alloca(I8P) for _ in range(3)]
        fl.api.call(fl.b, "PyErr_Fetch", *pending)
        above = {"chain": chain[1:], "builtin": attrs["builtin"]}
        base = exception_class(fl, above) if chain[1:] else fl.api.exc(fl.b, f"PyExc_{attrs['builtin']}")
        if "source" in attrs:
            made = _class_from_source(fl, attrs, shown, chain[1][1] if chain[1:] else attrs["builtin"], base)
        else:
            made = fl.api.call(fl.b, "PyErr_NewException", fl.ctx.cstring(f"{fl.ctx.module.name}.{shown}"), base, NULL)
            fl.fail_if_null(made)
        fl.api.call(fl.b, "PyErr_Restore", *(fl.b.load(p) for p in pending))
        return made
    return made_once(fl.b, internal_global(fl.ctx.module, f"fx$exc.{qualname}", I8P), make)


def _class_from_source(fl, attrs: dict, name: str, base_name: str, base: ll.Value) -> ll.Value:
    """The class `name` made by running its class statement `attrs["source"]` (of
    `attrs["file"]`) as Python (an exception class with methods: frontend/userexc.py), in a
    namespace of the builtins and its base, under the module's name (its `__module__`); a new
    reference."""
    b, api = fl.b, fl.api
    ns = api.call(b, "PyDict_New")
    fl.fail_if_null(ns)
    module_name = api.call(b, "PyUnicode_InternFromString", fl.ctx.cstring(fl.ctx.module.name))
    fl.fail_if_null(module_name)
    for key, value in (("__builtins__", api.call(b, "PyEval_GetBuiltins")), ("__name__", module_name),
                       (base_name, base)):
        fl.py_fail_if(b.icmp_signed("!=", api.call(b, "PyDict_SetItemString", ns, fl.ctx.cstring(key), value), I32(0)))
    api.call(b, "Py_DecRef", module_name)
    code = api.call(b, "Py_CompileString", fl.ctx.cstring(attrs["source"]), fl.ctx.cstring(attrs["file"]), I32(257))
    fl.fail_if_null(code)       # 257: Py_file_input
    done = api.call(b, "PyEval_EvalCode", code, ns, ns)
    api.call(b, "Py_DecRef", code)
    fl.fail_if_null(done)
    api.call(b, "Py_DecRef", done)
    made = api.call(b, "PyDict_GetItemString", ns, fl.ctx.cstring(name))    # borrowed from ns
    api.call(b, "Py_IncRef", made)
    api.call(b, "Py_DecRef", ns)
    return made


def _py_excclass(fl, e, args) -> ll.Value:
    """A new reference to the module's exception class."""
    cls = exception_class(fl, e.attrs)
    fl.api.call(fl.b, "Py_IncRef", cls)
    return cls


def _py_sys(fl, e, args) -> ll.Value:
    """sys.NAME now (so redirect_stdout, capsys and notebooks see the writes), increfed."""
    found = fl.api.call(fl.b, "PySys_GetObject", fl.ctx.cstring(e.attrs["name"]))
    return _owned(fl, found, f"lost sys.{e.attrs['name']}")


def _owned(fl, found: ll.Value, message: str) -> ll.Value:
    """A borrowed lookup result, increfed; RuntimeError(`message`) when the name was missing."""
    missing = fl.b.icmp_unsigned("==", found, NULL)
    with fl.b.if_then(missing, likely=False):
        _raise_runtime(fl, message)
    fl.py_fail_if(missing)
    fl.api.call(fl.b, "Py_IncRef", found)
    return found


def _text_view(fl, e, args) -> ll.Value:
    """The characters of a str value for a `str` parameter of a `.fx` function: the UTF-8 form
    in place when it is ASCII, else a UCS-4 copy in a bytearray's buffer (PyObject_Malloc'd, so
    aligned for 4-byte loads; an object, so the error exits' `obj_temps` free it too), owned
    until the call returns (`release_view`).  The view's object is the str itself."""
    from fastext.compiler.lower.context import STR_VIEW
    b, api = fl.b, fl.api
    (text,) = args
    s = fl.use(text)
    size = fl.entry_alloca(I64)
    length = api.call(b, "PyUnicode_GetLength", s)
    fl.py_fail_if(b.icmp_signed("<", length, I64(0)))
    utf8 = api.call(b, "PyUnicode_AsUTF8AndSize", s, size)
    is_ascii = b.and_(b.icmp_unsigned("!=", utf8, NULL), b.icmp_signed("==", b.load(size), length))
    pre = b.block
    wide, done = fl.new_block("view.ucs4"), fl.new_block("view.done")
    b.cbranch(is_ascii, done, wide)
    b.position_at_end(wide)
    api.call(b, "PyErr_Clear")
    encoded = api.call(b, "PyByteArray_FromStringAndSize", NULL, b.mul(length, I64(4)))
    fl.fail_if_null(encoded)
    fl.obj_temps.append(encoded)
    data4 = api.call(b, "PyByteArray_AsString", encoded)
    copied = api.call(b, "PyUnicode_AsUCS4", s, data4, length, I32(0))
    fl.py_fail_if(b.icmp_unsigned("==", copied, NULL))
    fl.obj_temps.remove(encoded)
    wide_end = b.block
    b.branch(done)
    b.position_at_end(done)
    data, width, owner = b.phi(I8P), b.phi(I64), b.phi(I8P)
    for v, w, o, bb in ((utf8, 1, NULL, pre), (data4, 4, encoded, wide_end)):
        data.add_incoming(v, bb)
        width.add_incoming(I64(w), bb)
        owner.add_incoming(o, bb)
    fl.obj_temps.append(owner)          # Py_DecRef(NULL) does nothing: the ASCII case owns nothing
    view = ll.Constant(STR_VIEW, ll.Undefined)
    for k, v in enumerate((data, length, width, s)):
        view = b.insert_value(view, v, k)
    fl.text_views = getattr(fl, "text_views", {})
    fl.text_views[id(e)] = (owner, s, text)
    return view


def release_view(fl, e: ir.Intrinsic) -> None:
    """After the call that received a `text.view`: drop its UTF-32 copy and its str."""
    owner, s, text = fl.text_views.pop(id(e))
    fl.drop(owner, None)
    fl.drop(s, text)


def _text_tobase(fl, e, args) -> ll.Value:
    """hex(n), oct(n), bin(n): PyNumber_ToBase, which is what the builtins call; a machine
    integer is formatted natively instead (lower/intformat.py), without boxing it first."""
    arg = args[0]
    if isinstance(arg, ir.ObjBox) and isinstance(arg.value.type, T.Scalar) and arg.value.type.is_int \
            and not arg.value.type.is_bool:
        from fastext.compiler.lower import intformat
        t = arg.value.type
        v = fl.expr(arg.value)
        if t.bits < 64:
            v = fl.b.sext(v, I64) if t.signed else fl.b.zext(v, I64)
        r = intformat.tobase(fl.api, fl.b, v, e.attrs["base"], t.signed)
        fl.fail_if_null(r)
        return r
    v = fl.use(args[0])
    r = fl.api.call(fl.b, "PyNumber_ToBase", v, I32(e.attrs["base"]))
    fl.drop(v, args[0])
    fl.fail_if_null(r)
    return r


def _text_int_base(fl, e, args) -> ll.Value:
    """int(s, base): for ASCII text without NUL characters and a valid base PyLong_FromString
    parses exactly what int() parses (same errors and messages); other text (non-ASCII digits and
    spaces, which int() first maps to ASCII) and bad bases go through the builtin int()."""
    b, api = fl.b, fl.api
    s = fl.use(args[0])
    base = fl.expr(args[1])
    size = fl.entry_alloca(I64)
    utf8 = api.call(b, "PyUnicode_AsUTF8AndSize", s, size)
    result = Var(b, I8P, NULL)
    strlen = fl.ctx.intrinsic("strlen", I64, [I8P])
    fast = b.icmp_unsigned("!=", utf8, NULL)
    with b.if_else(fast) as (ascii_text, other):
        with ascii_text:
            n = b.load(size)
            valid_base = b.or_(b.icmp_signed("==", base, I64(0)),
                               b.and_(b.icmp_signed(">=", base, I64(2)), b.icmp_signed("<=", base, I64(36))))
            plain = b.and_(b.and_(b.icmp_signed("==", n, api.call(b, "PyUnicode_GetLength", s)),
                                  b.icmp_signed("==", b.call(strlen, [utf8]), n)), valid_base)
            with b.if_else(plain) as (parse, general):
                with parse:
                    from fastext.compiler.lower import intformat
                    value = fl.entry_alloca(I64)
                    with b.if_else(intformat.parse(api, b, utf8, n, base, value)) as (simple, other_text):
                        with simple:      # plain digits that fit an i64 (lower/intformat.py)
                            result.set(api.call(b, "PyLong_FromLongLong", b.load(value)))
                        with other_text:
                            result.set(api.call(b, "PyLong_FromString", utf8, NULL, b.trunc(base, I32)))
                    failed = b.icmp_unsigned("==", result.get(), NULL)
                    with b.if_then(failed, likely=False):
                        # int() words the error with the base it was given and the str itself
                        # (PyLong_FromString's own message may name base 10 for base 0)
                        bad = api.call(b, "PyErr_ExceptionMatches", api.exc(b, "PyExc_ValueError"))
                        with b.if_then(b.icmp_signed("!=", bad, I32(0))):
                            api.call(b, "PyErr_Clear")
                            api.call(b, "PyErr_Format", api.exc(b, "PyExc_ValueError"),
                                     fl.ctx.cstring("invalid literal for int() with base %d: %.200R"),
                                     b.trunc(base, I32), s)
                with general:
                    result.set(_builtin_int(fl, s, base))
        with other:
            api.call(b, "PyErr_Clear")        # lone surrogates have no UTF-8: int() decides
            result.set(_builtin_int(fl, s, base))
    fl.drop(s, args[0])
    fl.fail_if_null(result.get())
    return result.get()


def _builtin_int(fl, s: ll.Value, base: ll.Value) -> ll.Value:
    """builtins.int(s, base) (NULL with the exception set on failure)."""
    b, api = fl.b, fl.api
    int_type = api.call(b, "PyDict_GetItem", api.call(b, "PyEval_GetBuiltins"), interned(fl, "int"))
    out = Var(b, I8P, NULL)
    with b.if_then(b.icmp_unsigned("==", int_type, NULL), likely=False):
        _raise_runtime(fl, "builtins.int is missing")
    with b.if_then(b.icmp_unsigned("!=", int_type, NULL)):
        boxed = api.call(b, "PyLong_FromLongLong", base)
        with b.if_then(b.icmp_unsigned("!=", boxed, NULL)):
            out.set(api.call(b, "PyObject_CallFunctionObjArgs", int_type, s, boxed, NULL))
            api.call(b, "Py_DecRef", boxed)
    return out.get()
