"""Finding NumPy's inner loops at import: the exec slot that fills the `fx$nploop.*` globals.

A module whose code applies NumPy's transcendental ufuncs (`lower/nploops.py`) gets a
`Py_mod_exec` slot that runs once per import, with the GIL held, before any of its functions
can be called.  It imports `numpy`, takes each ufunc used (`numpy.exp`, ...) and reads the
loop table every ufunc object carries (NumPy's public `PyUFuncObject`, numpy/ufuncobject.h:
`nin`, `nargs`, `functions`, `data`, `ntypes`, `types`), where NumPy's import has put the
SIMD variant it picked for this CPU; the entry whose type numbers are all `NPY_DOUBLE` (or all
`NPY_FLOAT`) is the loop `np.exp` runs on float64 (float32) arrays.  Its function and data
pointers go into the loop's global.

The layout is checked against what the object says of itself from Python (its type is
`numpy.ufunc`; `nin` and `ntypes` read at their offsets equal the attributes), so a NumPy
whose struct moved leaves the globals null instead of reading garbage; a null global (or no
NumPy at all) makes the module compute those items with the C library, and the import
succeeds.  Only Limited-API functions and NumPy's public struct are used, so a module in a
wheel needs nothing of fastext.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, CApi, type_of
from fastext.compiler.lower.context import I8, I8P, ModuleContext
from fastext.compiler.lower.nploops import SLOT, TYPENUM, slots

# byte offsets of PyUFuncObject's fields after PyObject_HEAD (16 bytes on 64-bit CPython)
NIN, NARGS, FUNCTIONS, DATA, NTYPES, TYPES = 16, 24, 32, 40, 48, 64


def exec_slot(ctx: ModuleContext) -> ll.Function:
    """`int fx$nploop.exec(PyObject *module)`: fill each loop global; always 0 (no NumPy is no error)."""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [OBJ]), "fx$nploop.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    null = ll.Constant(OBJ, None)
    numpy = api.call(b, "PyImport_ImportModule", ctx.cstring("numpy"))
    with b.if_then(b.icmp_unsigned("==", numpy, null), likely=False):
        api.call(b, "PyErr_Clear")
        b.ret(I32(0))
    ufunc_type = api.call(b, "PyObject_GetAttrString", numpy, ctx.cstring("ufunc"))
    with b.if_then(b.icmp_unsigned("==", ufunc_type, null), likely=False):
        api.call(b, "PyErr_Clear")
        api.call(b, "Py_DecRef", numpy)
        b.ret(I32(0))
    find = _find_function(ctx, api)
    for ufunc, code, nin, gv in slots(ctx):
        obj = api.call(b, "PyObject_GetAttrString", numpy, ctx.cstring(ufunc))
        with b.if_else(b.icmp_unsigned("==", obj, null), likely=False) as (missing, found):
            with missing:
                api.call(b, "PyErr_Clear")
            with found:
                with b.if_then(b.icmp_unsigned("==", type_of(b, obj), ufunc_type)):
                    b.call(find, [obj, I32(nin), I32(TYPENUM[code]), gv])
                api.call(b, "Py_DecRef", obj)
    api.call(b, "Py_DecRef", ufunc_type)
    api.call(b, "Py_DecRef", numpy)
    b.ret(I32(0))
    return fn


def _attr_is(b: ll.IRBuilder, api: CApi, ctx, obj: ll.Value, name: str, value: ll.Value) -> ll.Value:
    """i1: `obj.<name>` is the int `value` (an error is cleared and counts as no)."""
    attr = api.call(b, "PyObject_GetAttrString", obj, ctx.cstring(name))
    result = b.alloca(ll.IntType(1))
    b.store(ll.IntType(1)(0), result)
    with b.if_else(b.icmp_unsigned("==", attr, ll.Constant(OBJ, None))) as (missing, found):
        with missing:
            api.call(b, "PyErr_Clear")
        with found:
            number = api.call(b, "PyLong_AsLongLong", attr)
            api.call(b, "PyErr_Clear")
            api.call(b, "Py_DecRef", attr)
            b.store(b.icmp_signed("==", number, b.sext(value, I64)), result)
    return b.load(result)


def _find_function(ctx: ModuleContext, api: CApi) -> ll.Function:
    """`void fx$nploop.find(PyObject *ufunc, i32 nin, i32 typenum, {i8*, i8*} *slot)`: the loop of
    `ufunc` whose nin + 1 type numbers are all `typenum`, stored into `slot` when the object's
    layout checks out."""
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [OBJ, I32, I32, SLOT.as_pointer()]),
                     "fx$nploop.find")
    fn.linkage = "internal"
    uf, nin, typenum, out = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    raw = uf

    def field(offset: int, ty: ll.Type) -> ll.Value:
        return b.load(b.bitcast(b.gep(raw, [I64(offset)]), ty.as_pointer()))

    s_nin, s_nargs, s_ntypes = field(NIN, I32), field(NARGS, I32), field(NTYPES, I32)
    ok = b.and_(b.icmp_signed("==", s_nin, nin), b.icmp_signed("==", s_nargs, b.add(nin, I32(1))))
    ok = b.and_(ok, _attr_is(b, api, ctx, uf, "nin", s_nin))
    ok = b.and_(ok, _attr_is(b, api, ctx, uf, "ntypes", s_ntypes))
    functions, data, types = field(FUNCTIONS, I8P.as_pointer()), field(DATA, I8P.as_pointer()), field(TYPES, I8P)
    ok = b.and_(ok, b.icmp_unsigned("!=", functions, ll.Constant(I8P.as_pointer(), None)))
    ok = b.and_(ok, b.icmp_unsigned("!=", types, ll.Constant(I8P, None)))
    search, done = fn.append_basic_block("search"), fn.append_basic_block("done")
    b.cbranch(ok, search, done)

    b.position_at_end(search)
    nargs = b.sext(s_nargs, I64)
    code = b.trunc(typenum, I8)
    head, check, item, nxt, hit = (fn.append_basic_block(n) for n in ("head", "check", "item", "next", "hit"))
    k = b.alloca(I64)
    a = b.alloca(I64)
    b.store(I64(0), k)
    b.branch(head)
    b.position_at_end(head)                      # for k in range(ntypes)
    kv = b.load(k)
    b.store(I64(0), a)
    b.cbranch(b.icmp_signed("<", kv, b.sext(s_ntypes, I64)), check, done)
    b.position_at_end(check)                     # for a in range(nargs): types[k * nargs + a] == typenum
    av = b.load(a)
    b.cbranch(b.icmp_signed("<", av, nargs), item, hit)
    b.position_at_end(item)
    t = b.load(b.gep(types, [b.add(b.mul(kv, nargs), av)]))
    b.store(b.add(av, I64(1)), a)
    b.cbranch(b.icmp_unsigned("==", t, code), check, nxt)
    b.position_at_end(nxt)
    b.store(b.add(kv, I64(1)), k)
    b.branch(head)
    b.position_at_end(hit)
    loop = b.load(b.gep(functions, [kv]))
    has_data = b.icmp_unsigned("!=", data, ll.Constant(I8P.as_pointer(), None))
    with b.if_then(b.icmp_unsigned("!=", loop, ll.Constant(I8P, None))):
        b.store(loop, b.gep(out, [I32(0), I32(0)]))
        with b.if_then(has_data):
            b.store(b.load(b.gep(data, [kv])), b.gep(out, [I32(0), I32(1)]))
    b.branch(done)
    b.position_at_end(done)
    b.ret_void()
    return fn
