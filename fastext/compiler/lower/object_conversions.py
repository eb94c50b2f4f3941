"""Conversion of Python objects to dialect numbers (`ir.ObjConvert`; a mixin of FunctionLowering).

Explicit conversions follow Python (`PyNumber_Float`, `PyNumber_Long`, `PyObject_IsTrue`);
implicit ones (a number needed: an annotated assignment, an argument, a return) take the
rules of a parameter of that type — the exact type inline, anything else through the
entry points' slow helpers of `abi/runtime.py`, whose errors are re-worded to name the value.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import CApi, type_of
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import F32, F64, I32, I64, I8, I8P

NULL = ll.Constant(I8P, None)


class ConversionLowering:
    """Mixin of FunctionLowering (through ObjectLowering)."""

    def e_ObjConvert(self, e: ir.ObjConvert) -> ll.Value:
        b, api = self.b, self.api
        t: T.Scalar = e.type
        o = self.use(e.value)
        if t.is_bool and e.mode != "param":
            r = api.call(b, "PyObject_IsTrue", o)
            self.py_fail_if(b.icmp_signed("<", r, I32(0)))
            v = b.icmp_signed("!=", r, I32(0))
        elif e.mode == "param" or t.is_complex:
            v = self.param_convert(o, t, e.what)
        elif t.is_int:
            n = api.call(b, "PyNumber_Long", o)
            self.fail_if_null(n)
            if e.mode == "python":      # int(o): Python's int, which must fit an i64
                v = api.call(b, "PyLong_AsLongLong", n)
            else:                       # i32(o), u64(o), …: Python's int, wrapped like the dialect's i32(x)
                v = api.call(b, "PyLong_AsUnsignedLongLongMask", n)
            api.call(b, "Py_DecRef", n)
            failed = b.and_(b.icmp_signed("==", v, I64(-1)),
                            b.icmp_unsigned("!=", api.call(b, "PyErr_Occurred"), NULL))
            self.py_fail_if(failed)
            if t.bits < 64:
                v = b.trunc(v, ll.IntType(t.bits))
        else:                           # float(o), f64(o), f32(o): Python's float
            f = api.call(b, "PyNumber_Float", o)
            self.fail_if_null(f)
            v = api.call(b, "PyFloat_AsDouble", f)
            api.call(b, "Py_DecRef", f)
            if t.bits == 32:
                v = b.fptrunc(v, F32)
        self.drop(o, e.value)
        return v

    def param_convert(self, o: ll.Value, t: T.Scalar, what: str) -> ll.Value:
        """`o` as a `t` by the rules of a parameter of type `t` (the entry point's slow paths);
        their TypeError/OverflowError are re-worded to name the value instead of a parameter."""
        from fastext.compiler.lower.context import C128, scalar_type
        b = self.b
        fname, pname, desc = (self.ctx.cstring(x) for x in (self.fn.name.rpartition(".")[2], what, T.describe_scalar(t)))
        if t.is_complex:
            helper, out_t, extra = "fx_unbox_complex_slow", C128, []
        elif t.is_float:
            helper, out_t, extra = "fx_unbox_f64_slow", F64, []
        elif t.is_bool:
            helper, out_t, extra = "fx_unbox_bool_slow", I8, []
        elif t == T.U64:
            helper, out_t, extra = "fx_unbox_u64_slow", I64, []
        else:
            lo, hi = T.value_range(t)
            helper, out_t, extra = "fx_unbox_int_slow", I64, [I64(lo), I64(hi)]
        slot = self.entry_alloca(out_t)
        done = None
        if t.is_float or (t.is_int and t != T.U64):
            # the exact type inline (a callback returning a float for an f64), as the entry point does
            exact = "PyFloat_Type" if t.is_float else "PyLong_Type"
            fast_bb, slow_bb, done = (self.new_block(f"conv.{x}") for x in ("fast", "slow", "done"))
            b.cbranch(b.icmp_unsigned("==", type_of(b, o), self.api.obj(exact)), fast_bb, slow_bb)
            b.position_at_end(fast_bb)
            if t.is_float:
                b.store(self.api.call(b, "PyFloat_AsDouble", o), slot)
                b.branch(done)
            else:
                v = self.api.call(b, "PyLong_AsLongLong", o)
                b.store(v, slot)
                ok = b.and_(b.icmp_signed("!=", v, I64(-1)),   # -1, errors and range misses: the careful path
                            b.and_(b.icmp_signed(">=", v, extra[0]), b.icmp_signed("<=", v, extra[1])))
                b.cbranch(ok, done, slow_bb)
            b.position_at_end(slow_bb)
        fn = runtime_helper(self.ctx.module, helper)
        rc = b.call(fn, [o, *extra, fname, pname, desc, b.bitcast(slot, I8P)])
        failed = b.icmp_signed("<", rc, I32(0))
        with b.if_then(failed, likely=False):
            b.call(conversion_error(self.ctx.module, self.api), [o, fname, pname, desc])
        self.py_fail_if(failed)
        if done is not None:
            b.branch(done)
            b.position_at_end(done)
        v = b.load(slot)
        if t.is_bool:
            return b.icmp_unsigned("!=", v, I8(0))
        if t.is_complex:
            if t.bits == 64:
                c64 = scalar_type(t)
                re, im = (b.fptrunc(b.extract_value(v, k), F32) for k in (0, 1))
                return b.insert_value(b.insert_value(ll.Constant(c64, ll.Undefined), re, 0), im, 1)
            return v
        if t.is_float:
            return v if t.bits == 64 else b.fptrunc(v, F32)
        return v if t.bits == 64 else b.trunc(v, ll.IntType(t.bits))


RUNTIME_SIGNATURES = {
    "fx_unbox_int_slow": [I8P, I64, I64, I8P, I8P, I8P, I8P],
    "fx_unbox_u64_slow": [I8P, I8P, I8P, I8P, I8P],
    "fx_unbox_f64_slow": [I8P, I8P, I8P, I8P, I8P],
    "fx_unbox_bool_slow": [I8P, I8P, I8P, I8P, I8P],
    "fx_unbox_complex_slow": [I8P, I8P, I8P, I8P, I8P],
}


def runtime_helper(module: ll.Module, name: str) -> ll.Function:
    """A declaration of one of `abi/runtime.py`'s helpers (shared with the entry points)."""
    fn = module.globals.get(name)
    if fn is None:
        fn = ll.Function(module, ll.FunctionType(I32, RUNTIME_SIGNATURES[name]), name)
    return fn


MESSAGES = {
    "type": "%s(): %s must be %s, not %U",
    "range": "%s(): %s is out of range for %s: %S",
}


def conversion_error(module: ll.Module, api: CApi) -> ll.Function:
    """`fx$conv_error(obj, fname, what, expected)`: reword the parameter helpers' TypeError and
    OverflowError for a value converted inside the body (other exceptions are left alone)."""
    name = "fx$conv_error"
    fn = module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(module, ll.FunctionType(ll.VoidType(), [I8P] * 4), name)
    fn.linkage = "internal"
    fn.attributes.add("cold")
    fn.attributes.add("noinline")
    obj, fname, what, expected = fn.args
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    te = api.exc(b, "PyExc_TypeError")
    oe = api.exc(b, "PyExc_OverflowError")
    is_type = b.icmp_signed("!=", api.call(b, "PyErr_ExceptionMatches", te), I32(0))
    with b.if_else(is_type) as (type_err, other):
        with type_err:
            api.call(b, "PyErr_Clear")
            tname = api.call(b, "PyType_GetName", type_of(b, obj))
            api.call(b, "PyErr_Format", te, _cstring(module, "type"), fname, what, expected, tname)
            api.call(b, "Py_DecRef", tname)
        with other:
            is_range = b.icmp_signed("!=", api.call(b, "PyErr_ExceptionMatches", oe), I32(0))
            with b.if_then(is_range):
                api.call(b, "PyErr_Clear")
                api.call(b, "PyErr_Format", oe, _cstring(module, "range"), fname, what, expected, obj)
    b.ret_void()
    return fn


def _cstring(module: ll.Module, key: str) -> ll.Value:
    name = f"fx$conv_msg.{key}"
    gv = module.globals.get(name)
    if gv is None:
        data = bytearray(MESSAGES[key].encode() + b"\0")
        gv = ll.GlobalVariable(module, ll.ArrayType(I8, len(data)), name)
        gv.initializer = ll.Constant(ll.ArrayType(I8, len(data)), data)
        gv.global_constant, gv.linkage = True, "private"
    return gv.bitcast(I8P)
