"""Python objects in native code: C-API calls with the GIL held, and reference counting.

Ownership rules (docs/ARCHITECTURE.md, "Objects in native code"):

* every object variable owns one reference: parameters are increfed on entry (so they
  can be rebound like any local), an assignment decrefs the old value, and every return —
  normal or error — decrefs them all (`release_objects`, called by `ret_status`);
* an object expression is *borrowed* when it is a variable's `Load`, else *new* (an
  attribute, a call's result, a boxed value, …): a consumer takes ownership of a new
  reference (an assignment, `return`) or releases it right after use (`use` … `drop`);
* new references live in the expression being lowered are listed in `obj_temps`, and
  every error exit emitted meanwhile releases them (`release_temps`, called by
  `error_exit`), so a failing call in `f(a.x, g(b))` leaks nothing;
* a failed C-API call leaves its Python exception set and fills the error record with
  `PYERR_CODE`: the entry point returns NULL without touching it, so the caller sees the
  very exception object (and traceback) the Python code raised.
"""
from __future__ import annotations

import contextlib

from llvmlite import ir as ll

from fastext.abi.capi import CApi, type_of
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import PYERR_CODE
from fastext.compiler.lower.context import F32, F64, I1, I32, I64, I8, I8P

NULL = ll.Constant(I8P, None)


class ObjectLowering:
    """Mixin of FunctionLowering: object variables, temporaries and the object expressions."""

    def begin_objects(self) -> None:
        """At entry, once the parameters are stored: own a reference to each object parameter."""
        self.api = CApi(self.ctx.module)
        self.obj_temps: list[ll.Value] = []
        self.stashes: list[tuple[ll.Value, ll.Value | None, int, int, int]] = []
        variables = [p.var for p in self.fn.params] + list(self.fn.locals)
        self.obj_vars = [v for v in variables if isinstance(v.type, T.PyObj)]
        # Python exceptions can reach this function's handlers (analysis: `Function.objects`)
        self.uses_python = bool(self.obj_vars) or self.fn.objects
        for p in self.fn.params:
            if isinstance(p.var.type, T.PyObj):
                self.api.call(self.b, "Py_IncRef", self.b.load(self.slots[id(p.var)]))

    def release_objects(self, status: int) -> None:
        """Before a return: drop the variables' references (and, on an error, the result's)."""
        if not getattr(self, "obj_vars", None) and not (status and isinstance(self.fn.ret, T.PyObj)):
            return
        for var in self.obj_vars:
            self.api.call(self.b, "Py_DecRef", self.b.load(self.slots[id(var)]))
        if status and isinstance(self.fn.ret, T.PyObj):
            self.api.call(self.b, "Py_DecRef", self.b.load(self.out))

    def release_temps(self) -> None:
        """At an error exit: drop the new references of the expression being lowered."""
        for v in getattr(self, "obj_temps", ()):
            self.api.call(self.b, "Py_DecRef", v)

    def py_fail_if(self, cond: ll.Value) -> None:
        """Error exit when `cond` holds: a Python exception is set (PYERR_CODE)."""
        b = self.b
        with b.if_then(cond, likely=False):
            b.store(I32(PYERR_CODE), b.gep(self.err, [I32(0), I32(0)]))
            b.store(ll.Constant(I8P, None), b.gep(self.err, [I32(0), I32(1)]))
            self.error_exit()

    def fail_if_null(self, v: ll.Value) -> None:
        self.py_fail_if(self.b.icmp_unsigned("==", v, NULL))

    def python_dispatch(self, handlers: list[ir.Handler], blocks: list[ll.Block], unmatched: ll.Block,
                        saved: ll.Value) -> ll.Block:
        """The except dispatch for a Python exception: the first clause naming its class or a
        base (PyErr_ExceptionMatches) runs, with the exception set aside in its `saved` record
        (a bare `raise` restores it; leaving the clause otherwise drops it); none: it stays
        set, on out."""
        b = self.b
        here = b.block
        start = self.new_block("except.python")
        b.position_at_end(start)
        for h, bb in zip(handlers, blocks):
            take = self.new_block("except.python.take")
            if h.names is None:
                b.branch(take)
            else:
                hit = I1(0)
                for name in h.names:
                    m = self.api.call(b, "PyErr_ExceptionMatches", self.api.exc(b, f"PyExc_{name}"))
                    hit = b.or_(hit, b.icmp_signed("!=", m, I32(0)))
                nxt = self.new_block("except.python.next")
                b.cbranch(hit, take, nxt)
            b.position_at_end(take)
            self.stash_exception(saved)
            b.branch(bb)
            if h.names is None:
                break
            b.position_at_end(nxt)
        if not b.block.is_terminated:
            b.branch(unmatched)
        b.position_at_end(here)
        return start

    # ---------------------------------------------------------------- Python exceptions set aside
    # While an except clause or a finally body runs for a Python exception, the exception is
    # not left set (Python code called meanwhile must not see it): PyErr_Fetch moves it into
    # the record's three argument fields, owned there.  A bare `raise` or the end of a finally
    # body restores it (PyErr_Restore; the record's code becomes 0, owning nothing); any other
    # way out of the region drops it (`stashes`, `leave_stashes`).

    def _fields(self, record: ll.Value) -> list[ll.Value]:
        return [self.b.gep(record, [I32(0), I32(k)]) for k in (2, 3, 4)]

    def _is_python(self, record: ll.Value) -> ll.Value:
        return self.b.icmp_signed("==", self.b.load(self.b.gep(record, [I32(0), I32(0)])), I32(PYERR_CODE))

    def stash_exception(self, record: ll.Value) -> None:
        """`record` holds a copy of the error record: if it is a Python exception, fetch it in."""
        if not self.uses_python:
            return
        b = self.b
        with b.if_then(self._is_python(record)):
            slots = [b.bitcast(f, I8P.as_pointer()) for f in self._fields(record)]
            self.api.call(b, "PyErr_Fetch", *slots)

    def restore_exception(self, record: ll.Value) -> None:
        """Make the exception set aside in `record` the current one again (a re-raise)."""
        if not self.uses_python:
            return
        b = self.b
        with b.if_then(self._is_python(record)):
            fields = [b.inttoptr(b.load(f), I8P) for f in self._fields(record)]
            self.api.call(b, "PyErr_Restore", *fields)
            b.store(I32(0), b.gep(record, [I32(0), I32(0)]))

    def drop_stash(self, record: ll.Value, sel: ll.Value | None) -> None:
        """Release an exception set aside in `record` (for a finally body: only when one is in
        flight, `sel` == 1)."""
        if not self.uses_python:
            return
        b = self.b
        cond = self._is_python(record)
        if sel is not None:
            cond = b.and_(cond, b.icmp_signed("==", b.load(sel), I32(1)))
        with b.if_then(cond):
            for f in self._fields(record):
                self.api.call(b, "Py_DecRef", b.inttoptr(b.load(f), I8P))
            b.store(I32(0), b.gep(record, [I32(0), I32(0)]))

    @contextlib.contextmanager
    def stash_region(self, record: ll.Value, sel: ll.Value | None):
        """The clause or finally body being lowered may hold an exception in `record`."""
        if not self.uses_python:
            yield
            return
        self.stashes.append((record, sel, len(self.err_targets), len(self.loops), len(self.finallies)))
        try:
            yield
        finally:
            self.stashes.pop()

    def leave_stashes(self, err_depth: int | None, loop_depth: int | None, finally_depth: int | None) -> None:
        """An exit from the regions it crosses (innermost first, stopping at the first it stays
        in): an error exit at `err_depth` leaves those opened at that depth (a handler opened
        inside one would keep it); a break/continue leaves those opened inside the innermost
        loop; a jump into the finally body of frame `finally_depth - 1` leaves those opened in
        its try; a return leaves them all (0, 0, 0)."""
        for record, sel, errs, loops, fins in reversed(getattr(self, "stashes", ())):
            if err_depth is not None and errs < err_depth or loop_depth is not None and loops < loop_depth \
                    or finally_depth is not None and fins < finally_depth:
                break
            self.drop_stash(record, sel)

    # ---------------------------------------------------------------- ownership
    def take(self, e: ir.Expr) -> ll.Value:
        """An owned reference to the value of `e` (a borrowed one is increfed)."""
        v = self.expr(e)
        if isinstance(e, ir.Load):
            self.api.call(self.b, "Py_IncRef", v)
        return v

    def use(self, e: ir.Expr) -> ll.Value:
        """The value of `e` for one use; a new reference is tracked until `drop`."""
        v = self.expr(e)
        if not isinstance(e, ir.Load):
            self.obj_temps.append(v)
        return v

    def drop(self, v: ll.Value, e: ir.Expr | None) -> None:
        """The end of a use: a new reference (`e` not a Load; None: a temporary) is released."""
        if e is not None and isinstance(e, ir.Load):
            return
        for k in range(len(self.obj_temps) - 1, -1, -1):
            if self.obj_temps[k] is v:
                del self.obj_temps[k]
                break
        self.api.call(self.b, "Py_DecRef", v)

    # ---------------------------------------------------------------- statements
    def assign_object(self, s: ir.Assign) -> None:
        v = self.take(s.value)
        slot = self.slots[id(s.var)]
        old = self.b.load(slot)
        self.b.store(v, slot)
        self.api.call(self.b, "Py_DecRef", old)

    def return_object(self, s: ir.Return) -> None:
        v = self.take(s.value)
        old = self.b.load(self.out)       # a `return` overridden by one in a finally block
        self.b.store(v, self.out)
        self.api.call(self.b, "Py_DecRef", old)

    def discard_object(self, e: ir.Expr) -> None:
        v = self.expr(e)
        if not isinstance(e, ir.Load):
            self.api.call(self.b, "Py_DecRef", v)

    def object_ifexp(self, e: ir.IfExp) -> ll.Value:
        """`a if c else b` of objects: an owned reference from either branch."""
        b = self.b
        cond = self.expr(e.cond)
        then_bb, else_bb, end = self.new_block("ifo.then"), self.new_block("ifo.else"), self.new_block("ifo.end")
        b.cbranch(cond, then_bb, else_bb)
        incoming = []
        for bb, branch in ((then_bb, e.then), (else_bb, e.orelse)):
            b.position_at_end(bb)
            incoming.append((self.take(branch), b.block))
            b.branch(end)
        b.position_at_end(end)
        phi = b.phi(I8P)
        for v, bb in incoming:
            phi.add_incoming(v, bb)
        return phi

    # ---------------------------------------------------------------- expressions
    def e_ObjAttr(self, e: ir.ObjAttr) -> ll.Value:
        owner = self.use(e.value)
        r = self.api.call(self.b, "PyObject_GetAttrString", owner, self.ctx.cstring(e.attr))
        self.drop(owner, e.value)
        self.fail_if_null(r)
        return r

    def e_ObjCall(self, e: ir.ObjCall) -> ll.Value:
        b, api = self.b, self.api
        if e.method is not None:
            owner = self.use(e.value)
            fn = api.call(b, "PyObject_GetAttrString", owner, self.ctx.cstring(e.method))
            self.drop(owner, e.value)
            self.fail_if_null(fn)
            self.obj_temps.append(fn)
            fn_expr = None
        else:
            fn = self.use(e.value)
            fn_expr = e.value
        args = [self.use(a) for a in e.args]
        if not e.kwnames:
            # positional only: no argument tuple (CPython passes them on the C stack, vectorcall)
            r = b.call(api.fn("PyObject_CallFunctionObjArgs"), [fn, *args, NULL])
            for v, a in reversed(list(zip(args, e.args))):
                self.drop(v, a)
            self.drop(fn, fn_expr)
            self.fail_if_null(r)
            return r
        npos = len(e.args) - len(e.kwnames)
        tup = api.call(b, "PyTuple_New", I64(npos))
        self.fail_if_null(tup)
        self.obj_temps.append(tup)
        for k in range(npos):
            api.call(b, "Py_IncRef", args[k])          # PyTuple_SetItem steals one
            api.call(b, "PyTuple_SetItem", tup, I64(k), args[k])
        kw = NULL
        if e.kwnames:
            kw = api.call(b, "PyDict_New")
            self.fail_if_null(kw)
            self.obj_temps.append(kw)
            for name, v in zip(e.kwnames, args[npos:]):
                rc = api.call(b, "PyDict_SetItemString", kw, self.ctx.cstring(name), v)
                self.py_fail_if(b.icmp_signed("<", rc, I32(0)))
        r = api.call(b, "PyObject_Call", fn, tup, kw)
        if e.kwnames:
            self.drop(kw, None)
        self.drop(tup, None)
        for v, a in reversed(list(zip(args, e.args))):
            self.drop(v, a)
        self.drop(fn, fn_expr)
        self.fail_if_null(r)
        return r

    def e_ObjItem(self, e: ir.ObjItem) -> ll.Value:
        owner = self.use(e.value)
        key = self.use(e.args[0])
        r = self.api.call(self.b, "PyObject_GetItem", owner, key)
        self.drop(key, e.args[0])
        self.drop(owner, e.value)
        self.fail_if_null(r)
        return r

    def e_ObjConst(self, e: ir.ObjConst) -> ll.Value:
        if e.text is None:
            none = self.api.obj("_Py_NoneStruct")
            self.api.call(self.b, "Py_IncRef", none)
            return none
        data = e.text.encode("utf-8")
        r = self.api.call(self.b, "PyUnicode_FromStringAndSize", self.ctx.cstring(e.text), I64(len(data)))
        self.fail_if_null(r)
        return r

    def e_ObjBox(self, e: ir.ObjBox) -> ll.Value:
        b, api = self.b, self.api
        t = e.value.type
        v = self.expr(e.value)
        if isinstance(t, T.Str):
            obj = b.extract_value(v, 3)
            api.call(b, "Py_IncRef", obj)
            return obj
        if isinstance(t, T.Char):
            r = api.call(b, "PyUnicode_FromOrdinal", v)
        elif t.is_complex:
            re, im = b.extract_value(v, 0), b.extract_value(v, 1)
            if t.bits == 64:
                re, im = b.fpext(re, F64), b.fpext(im, F64)
            r = api.call(b, "PyComplex_FromDoubles", re, im)
        elif t.is_float:
            r = api.call(b, "PyFloat_FromDouble", v if t.bits == 64 else b.fpext(v, F64))
        elif t.is_bool:
            r = api.call(b, "PyBool_FromLong", b.zext(v, I64))
        elif t == T.U64:
            r = api.call(b, "PyLong_FromUnsignedLongLong", v)
        else:
            wide = v if t.bits == 64 else (b.sext(v, I64) if t.signed else b.zext(v, I64))
            r = api.call(b, "PyLong_FromLongLong", wide)
        self.fail_if_null(r)
        return r

    def e_ObjLen(self, e: ir.ObjLen) -> ll.Value:
        o = self.use(e.value)
        n = self.api.call(self.b, "PyObject_Size", o)
        self.drop(o, e.value)
        self.py_fail_if(self.b.icmp_signed("<", n, I64(0)))
        return n

    def e_ObjIs(self, e: ir.ObjIs) -> ll.Value:
        left = self.use(e.left)
        right = self.api.obj("_Py_NoneStruct") if e.right is None else self.use(e.right)
        same = self.b.icmp_unsigned("!=" if e.negate else "==", left, right)
        if e.right is not None:
            self.drop(right, e.right)
        self.drop(left, e.left)
        return same

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
        from fastext.abi.wrapper import _range, describe
        from fastext.compiler.lower.context import C128, scalar_type
        b = self.b
        fname, pname, desc = (self.ctx.cstring(x) for x in (self.fn.name.rpartition(".")[2], what, describe(t)))
        if t.is_complex:
            helper, out_t, extra = "fx_unbox_complex_slow", C128, []
        elif t.is_float:
            helper, out_t, extra = "fx_unbox_f64_slow", F64, []
        elif t.is_bool:
            helper, out_t, extra = "fx_unbox_bool_slow", I8, []
        elif t == T.U64:
            helper, out_t, extra = "fx_unbox_u64_slow", I64, []
        else:
            lo, hi = _range(t)
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

