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
  very exception object (and traceback) the Python code raised (`try` statements:
  `python_exceptions.py`; conversions to numbers: `object_conversions.py`).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import CApi
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import PYERR_CODE
from fastext.compiler.lower.context import F64, I32, I64, I8P
from fastext.compiler.lower.object_conversions import ConversionLowering
from fastext.compiler.lower.python_exceptions import PythonExceptionLowering

NULL = ll.Constant(I8P, None)


class ObjectLowering(ConversionLowering, PythonExceptionLowering):
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
        from fastext.compiler.lower import strbuild
        strbuild.plan(self)      # loops growing a str local by `+=`: byte buffers
        from fastext.compiler.lower import strkeys
        strkeys.plan(self)       # str locals that are only dict keys: bytes, no objects

    def begin_without_objects(self) -> None:
        """For a body the front end guarantees touches no Python object (a prange worker:
        its threads run without the GIL)."""
        self.api = CApi(self.ctx.module)
        self.obj_temps, self.stashes, self.obj_vars, self.uses_python = [], [], [], False

    def release_objects(self, status: int) -> None:
        """Before a return: drop the variables' references (and, on an error, the result's)."""
        if not getattr(self, "obj_vars", None) and not (status and isinstance(self.fn.ret, T.PyObj)) \
                and not getattr(self, "str_builders", None):
            return
        for var in self.obj_vars:
            self.api.call(self.b, "Py_DecRef", self.b.load(self.slots[id(var)]))
        if getattr(self, "str_builders", None):
            from fastext.compiler.lower import strbuild
            strbuild.release(self)
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
            from fastext.compiler.lower.context import site
            where = site(self.ctx)     # this statement, for the traceback (no format: already set)
            b.store(where if where is not None else ll.Constant(I8P, None), b.gep(self.err, [I32(0), I32(1)]))
            self.error_exit()

    def fail_if_null(self, v: ll.Value) -> None:
        self.py_fail_if(self.b.icmp_unsigned("==", v, NULL))

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
        from fastext.compiler.lower.text import appends_in_place, append_in_place
        if id(s.var) in getattr(self, "active_builders", ()):
            from fastext.compiler.lower import strbuild
            return strbuild.append(self, s)     # a loop's str builder (lower/strbuild.py)
        if appends_in_place(s):
            return append_in_place(self, s)
        if id(s.var) in getattr(self, "lazy_keys", ()):
            from fastext.compiler.lower import strkeys
            if strkeys.lazy_assign(self, s):
                return strkeys.assign(self, s)
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
        from fastext.compiler.lower.text import interned
        owner = self.use(e.value)       # by the interned name: no str made per read, its hash cached
        r = self.api.call(self.b, "PyObject_GetAttr", owner, interned(self, e.attr))
        self.drop(owner, e.value)
        self.fail_if_null(r)
        return r

    def e_ObjCall(self, e: ir.ObjCall) -> ll.Value:
        b, api = self.b, self.api
        if "join" in getattr(self, "str_builders", ()):
            from fastext.compiler.lower import strbuild
            if strbuild.native_join(e):        # `"".join(parts)` of a native list of str
                return strbuild.join(self, e)
        if e.method is not None and not e.kwnames and all(_cannot_fail(a) for a in e.args):
            # `o.m(x)`: no str made from the name and no bound method per call (CPython looks
            # the method up by the interned name and calls the function with `o` prepended).
            # Python looks `o.m` up before it evaluates the arguments; these arguments can
            # neither fail nor run code, so looking it up after them is the same program.
            from fastext.compiler.lower.text import interned
            owner = self.use(e.value)
            args = [self.use(a) for a in e.args]
            r = b.call(api.fn("PyObject_CallMethodObjArgs"), [owner, interned(self, e.method), *args, NULL])
            for v, a in reversed(list(zip(args, e.args))):
                self.drop(v, a)
            self.drop(owner, e.value)
            self.fail_if_null(r)
            return r
        if e.method is not None:
            owner = self.use(e.value)
            from fastext.compiler.lower.text import interned
            fn = api.call(b, "PyObject_GetAttr", owner, interned(self, e.method))
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
        from fastext.compiler.lower.text import native_item, str_item
        if native_item(e):
            return str_item(self, e)
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
        # made once per module and kept (a str is immutable; Python too reuses a code object's
        # constants), so a literal in a loop costs an incref, not a decode and an allocation
        import hashlib
        from fastext.compiler.lower.ircontrol import internal_global, made_once
        raw = isinstance(e.text, bytes)     # b"...": a bytes object
        data = e.text if raw else e.text.encode("utf-8")
        kind = "bytes" if raw else "str"
        gv = internal_global(self.ctx.module, f"fx${kind}." + hashlib.sha1(data).hexdigest()[:16], I8P)

        def make():
            made = self.api.call(self.b, "PyBytes_FromStringAndSize" if raw else "PyUnicode_FromStringAndSize",
                                 self.ctx.cstring(e.text), I64(len(data)))
            self.fail_if_null(made)
            return made
        r = made_once(self.b, gv, make)
        self.api.call(self.b, "Py_IncRef", r)
        return r

    def e_ObjBox(self, e: ir.ObjBox) -> ll.Value:
        b, api = self.b, self.api
        t = e.value.type
        if isinstance(t, T.PyObj):      # an object seen as another object type: the same reference
            return self.take(e.value)
        v = self.expr(e.value)
        if isinstance(t, T.Str):
            obj = b.extract_value(v, 3)
            api.call(b, "Py_IncRef", obj)
            return obj
        if isinstance(t, (T.List, T.Dict, T.Set, T.Tuple, T.Struct)):    # a new Python list, dict, ...
            from fastext.compiler.lower.container_objects import to_object
            r = to_object(api, b, v, t)
        elif isinstance(t, T.Char):
            r = api.call(b, "PyUnicode_FromOrdinal", v)
        elif t.is_complex:
            re, im = b.extract_value(v, 0), b.extract_value(v, 1)
            if t.bits == 64:
                re, im = b.fpext(re, F64), b.fpext(im, F64)
            r = api.call(b, "PyComplex_FromDoubles", re, im)
        elif t.is_float and e.intflag is not None and not (isinstance(e.intflag, ir.Const) and not e.intflag.value):
            from fastext.compiler.lower.container_objects import mixed_number
            r = mixed_number(api, b, v, self.expr(e.intflag))
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

    def s_ObjStore(self, s: ir.ObjStore) -> None:
        b, api = self.b, self.api
        owner = self.use(s.target)
        key = self.use(s.key) if s.key is not None else None
        value = self.use(s.value)
        if s.attr is not None:
            rc = api.call(b, "PyObject_SetAttrString", owner, self.ctx.cstring(s.attr), value)
        else:
            rc = api.call(b, "PyObject_SetItem", owner, key, value)
        self.drop(value, s.value)
        if key is not None:
            self.drop(key, s.key)
        self.drop(owner, s.target)
        self.py_fail_if(b.icmp_signed("<", rc, I32(0)))

    def e_ObjContains(self, e: ir.ObjContains) -> ll.Value:
        container = self.use(e.value)
        item = self.use(e.args[0])
        rc = self.api.call(self.b, "PySequence_Contains", container, item)
        self.drop(item, e.args[0])
        self.drop(container, e.value)
        self.py_fail_if(self.b.icmp_signed("<", rc, I32(0)))
        return self.b.icmp_signed("==" if e.negate else "!=", rc, I32(0))

    def e_ObjIter(self, e: ir.ObjIter) -> ll.Value:
        o = self.use(e.value)
        r = self.api.call(self.b, "PyObject_GetIter", o)
        self.drop(o, e.value)
        self.fail_if_null(r)
        return r

    def e_ObjNext(self, e: ir.ObjNext) -> ll.Value:
        it = self.use(e.value)
        r = self.api.call(self.b, "PyIter_Next", it)
        self.drop(it, e.value)
        failed = self.b.and_(self.b.icmp_unsigned("==", r, NULL),
                             self.b.icmp_unsigned("!=", self.api.call(self.b, "PyErr_Occurred"), NULL))
        self.py_fail_if(failed)
        return r      # NULL: exhausted

    def e_ObjExhausted(self, e: ir.ObjExhausted) -> ll.Value:
        return self.b.icmp_unsigned("==", self.expr(e.value), NULL)

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


# scalar operations that never raise (i64 arithmetic wraps; float arithmetic gives inf/nan)
_SAFE_BINOPS = {"+", "-", "*", "&", "|", "^"}


def _cannot_fail(e: ir.Expr) -> bool:
    """`e` is evaluated without raising and without running Python code (boxing a number
    can only fail for want of memory)."""
    for sub in ir.walk_exprs(e):
        if isinstance(sub, (ir.Load, ir.Const, ir.ObjConst)):
            continue
        if isinstance(sub, ir.Compare) and all(isinstance(o.type, T.Scalar) for o in sub.operands):
            continue
        if isinstance(sub, ir.ObjBox) and isinstance(sub.value.type, T.Scalar):
            continue
        if isinstance(sub, ir.Cast) and isinstance(sub.type, T.Scalar) and isinstance(sub.value.type, T.Scalar) \
                and (sub.type.is_float or not sub.value.type.is_float):
            continue
        if isinstance(sub, ir.BinOp) and sub.op in _SAFE_BINOPS and isinstance(sub.type, T.Scalar):
            continue
        return False
    return True
