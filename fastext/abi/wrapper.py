"""One METH_FASTCALL|METH_KEYWORDS entry point per exported function, in LLVM IR.

    PyObject *fxw.NAME(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)

Hot path (all arguments positional, exact int/float types): inline type checks
and one C-API call per scalar.  Everything else goes to the out-of-line helpers
of `runtime.py`.  Buffers are released on every path; the GIL is released
around bodies that loop.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.abi import objects
from fastext.compiler.capi import BUFFER, I8, I32, I64, OBJ, CApi, type_of
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.abi.arena import ArenaEmitter
from fastext.compiler.lower.alloc import ARENA
from fastext.compiler.lower.context import ERR, ERR_ARENA, F64, ModuleContext, scalar_type, value_type

GIL_RELEASE_MIN_ELEMENTS = 1024
WRAPPER_TYPE = ll.FunctionType(OBJ, [OBJ, OBJ.as_pointer(), I64, OBJ])
NUMPY_NAMES = {"i8": "int8", "i16": "int16", "i32": "int32", "i64": "int64", "u8": "uint8", "u16": "uint16",
               "u32": "uint32", "u64": "uint64", "f32": "float32", "f64": "float64", "bool": "bool",
               "c64": "complex64", "c128": "complex128"}


def describe(t: T.Type) -> str:
    """How a parameter type is named in error messages."""
    if isinstance(t, T.Array) and isinstance(t.dtype, T.Struct):
        from fastext.abi.structs import describe_struct_array
        return describe_struct_array(t)
    if isinstance(t, T.Array):
        return f"{t} (a {t.ndim}-D {NUMPY_NAMES[t.dtype.name]} buffer)"
    if isinstance(t, T.Struct):
        from fastext.abi.structs import describe_struct
        return describe_struct(t)
    if isinstance(t, T.Tuple):
        from fastext.abi.structs import describe_tuple
        return describe_tuple(t)
    if isinstance(t, T.Scalar):
        return T.describe_scalar(t)
    return str(t)


def too_many(name: str, fn: ir.Function, npos: int) -> str:
    """Python's "f() takes from 1 to 2 positional arguments but %lld %s given" for `fn` (the
    count given and was/were filled in at run time: abi/runtime.py `fx_parse_args`)."""
    low = sum(1 for p in fn.params[:npos] if not p.has_default)
    takes = f"{npos}" if low == npos else f"from {low} to {npos}"
    return f"{name.replace('%', '%%')}() takes {takes} positional argument{'' if npos == 1 else 's'} but %lld %s given"


PACKED_IN_FRAME = 16     # `*args` of up to this many items: no arena block for the list (abi/lists.py)


def _describe_item(t: T.Type) -> str:
    from fastext.abi.lists import _describe
    return _describe(t) if isinstance(t, T.Scalar) else str(t)


class WrapperBuilder:
    def __init__(self, ctx: ModuleContext, api: CApi, runtime: dict[str, ll.Function]):
        self.ctx, self.api, self.rt = ctx, api, runtime

    def build(self, fn: ir.Function, python_name: str | None = None) -> ll.Function:
        """The entry point of `fn`; messages name it `python_name` (its name in the module's
        namespace: `f` for an imported `other.f`, `_g` for the copy `_g$py`)."""
        llfn = ll.Function(self.ctx.module, WRAPPER_TYPE, f"fxw.{fn.name}")
        llfn.linkage = "internal"
        self.fn, self.llfn = fn, llfn
        _, args, nargs, kwnames = llfn.args
        entry = llfn.append_basic_block("entry")
        b = self.b = ll.IRBuilder(entry)
        n = len(fn.params)
        self.fname = self.ctx.cstring(python_name or fn.name)
        self.views = {}
        self.view_writes: dict[str, bool] = {}
        for k, p in enumerate(fn.params):
            if isinstance(p.var.type, T.Array):
                view = b.alloca(BUFFER, name=f"view.{p.var.name}")
                b.store(ll.Constant(OBJ, None), b.gep(view, [I32(0), I32(1)]))
                self.views[k] = view
            elif isinstance(p.var.type, T.Tuple):     # `pair: tuple[f64[:], f64[:]]`: a view per array
                from fastext.abi.namespace import tuple_arrays
                for name, _ in tuple_arrays(p.var.type, p.var.name):
                    view = b.alloca(BUFFER, name=f"view.{name}")
                    b.store(ll.Constant(OBJ, None), b.gep(view, [I32(0), I32(1)]))
                    self.views[name] = view
                    self.view_writes[name] = k in fn.writes
        objects.prepare(self, fn)
        err = self.err = b.alloca(ERR, name="err")
        # the call's arena (lower/alloc.py): the list head of the blocks it allocates
        # {head of the blocks, the current chunk of small objects} (lower/alloc.py: ARENA)
        from fastext.compiler.frontend.module_containers import INIT
        if fn.name == INIT:     # module-level containers: the module arena, never released
            from fastext.compiler.lower.module_containers import module_arena
            arena = module_arena(self.ctx)
        else:
            arena = b.alloca(ARENA, name="arena")
            b.store(ll.Constant(ARENA, None), arena)
        self.arena = b.bitcast(arena, OBJ.as_pointer())     # its first field: the head
        b.store(b.bitcast(arena, OBJ), b.gep(err, [I32(0), I32(ERR_ARENA)]))
        from fastext.compiler.lower.context import ERR_INTRET, I64 as _I64
        b.store(_I64(0), b.gep(err, [I32(0), I32(ERR_INTRET)]))   # no argument flags from Python
        self.allocates = fn.name in self.ctx.arena_users and fn.name != INIT
        if self.ctx.recursion is not None and fn.name in self.ctx.recursion.reaches:
            from fastext.compiler.lower.recursion import set_stack_limit
            set_stack_limit(self.ctx, b, err)     # recursive code below may use STACK_BUDGET bytes
        slots = b.alloca(ll.ArrayType(OBJ, max(n, 1)), name="slots")
        self.fail_bb = llfn.append_basic_block("fail")
        # `**opts`: a dict the parser puts the unnamed keywords in, converted like a dict argument
        # and released with the views (null if it could not be made: Py_DecRef takes null)
        self.kwdict = self.api.call(b, "PyDict_New") if fn.kwargs is not None else None
        if self.kwdict is not None:
            with b.if_then(b.icmp_unsigned("==", self.kwdict, ll.Constant(OBJ, None)), likely=False):
                b.branch(self.fail_bb)

        # --- argument objects: positional fast path, or the general parser
        fast, slow, parsed = (llfn.append_basic_block(x) for x in ("args.fast", "args.slow", "args.done"))
        npos = n if fn.positional is None else fn.positional
        if fn.vararg is not None:
            npos = fn.vararg        # the ones after `*args` are keyword-only; the entry point packs the rest
        # (keyword-only parameters: only the parser fills their slots, by name or default)
        is_fast = b.and_(b.icmp_unsigned("==", kwnames, ll.Constant(OBJ, None)),
                         b.icmp_signed("==", nargs, I64(n)) if npos == n else ll.Constant(ll.IntType(1), 0))
        given = n
        packs = (fn.vararg, fn.kwargs)
        if npos < n and all(p.has_default or k in packs for k, p in enumerate(fn.params) if k >= npos):
            # `total(1.0, 2.0)`, `newton(1.5)`: the positional ones (at least, with `*args`: `packed`
            # takes the rest) and no keywords; the others take their defaults
            is_fast = b.and_(b.icmp_unsigned("==", kwnames, ll.Constant(OBJ, None)),
                             b.icmp_signed(">=" if fn.vararg is not None else "==", nargs, I64(npos)))
            given = npos
        b.cbranch(is_fast, fast, slow)
        b.position_at_end(fast)
        fast_objs = [b.load(b.gep(args, [I64(k)])) if k < given else ll.Constant(OBJ, None) for k in range(n)]
        b.branch(parsed)
        b.position_at_end(slow)
        names = self.name_table(fn)
        required = "".join("o" if p.has_default or k in packs else "r" for k, p in enumerate(fn.params))
        rc = b.call(self.rt["fx_parse_args"], [b.bitcast(args, OBJ), nargs, kwnames, b.bitcast(names, OBJ), I64(n),
                                                self.ctx.cstring(required), self.fname, b.bitcast(slots, OBJ),
                                                I64(npos), I64(fn.posonly), I64(int(fn.vararg is not None)),
                                                self.ctx.cstring(too_many(python_name or fn.name, fn, npos)),
                                                self.kwdict or ll.Constant(OBJ, None)])
        slow_ok = llfn.append_basic_block("args.slow.ok")
        b.cbranch(b.icmp_signed("<", rc, I32(0)), self.fail_bb, slow_ok)
        b.position_at_end(slow_ok)
        slow_objs = [b.load(b.gep(slots, [I32(0), I32(k)])) for k in range(n)]
        b.branch(parsed)
        b.position_at_end(parsed)
        objs = []
        for k in range(n):
            if k == fn.kwargs:
                objs.append(self.kwdict)
                continue
            phi = b.phi(OBJ)
            phi.add_incoming(fast_objs[k], fast)
            phi.add_incoming(slow_objs[k], slow_ok)
            objs.append(phi)

        # --- unbox
        values = [self.unbox(k, p, obj) if k != fn.vararg else self.packed(p, args, nargs, npos)
                  for k, (p, obj) in enumerate(zip(fn.params, objs))]
        self.objs, self.values = objs, values     # `return a` hands back the argument (box_array)

        # --- call the native body, GIL released when it loops
        call_args = [err] + values
        holds = objects.holds_gil(fn)    # Python objects: the GIL stays held for the whole call
        tstate = self.release_gil(fn, values) if (fn.loops or fn.nogil) and not holds else None
        result = self.call_native(fn, values, call_args)
        status = result if fn.ret == T.NONE else b.extract_value(result, 0)
        if tstate is not None:
            with b.if_then(b.icmp_unsigned("!=", tstate, ll.Constant(OBJ, None))):
                self.api.call(b, "PyEval_RestoreThread", tstate)
        self.release_all()
        failed = self.write_back(fn, objs, values)
        ok_bb, raise_bb = llfn.append_basic_block("ok"), llfn.append_basic_block("raise")
        b.cbranch(b.icmp_unsigned("!=", status, I32(0)), raise_bb, ok_bb)
        b.position_at_end(raise_bb)
        # raise first: a message formatted at run time lives in an arena block (lower/arraymap.py)
        raised = b.call(self.rt["fx_raise"], [b.bitcast(err, OBJ)])
        from fastext.abi import traceback
        b.call(traceback.emitter(self.ctx), [err, status])     # the .fx lines the error came through
        self.release_arena()
        b.ret(raised)
        b.position_at_end(ok_bb)
        if failed is not None:     # an argument's fields could not be written back
            with b.if_then(failed, likely=False):
                self.release_arena()
                b.ret(ll.Constant(OBJ, None))
        if fn.int_return and isinstance(fn.ret, T.Tuple):    # a bit per f64 item (frontend/intflags.py)
            from fastext.compiler.lower.context import ERR_INTRET
            bits = b.load(b.gep(err, [I32(0), I32(ERR_INTRET)]))
            boxed = self.box(fn.ret, b.extract_value(result, 1), bits)
        elif fn.int_return and isinstance(fn.ret, (T.List, T.Dict)):   # the address of the items' flags
            from fastext.abi.lists import box_container
            from fastext.compiler.lower.context import ERR_INTRET
            flags = b.load(b.gep(err, [I32(0), I32(ERR_INTRET)]))
            boxed = box_container(self, fn.ret, b.extract_value(result, 1), flags)
        elif fn.int_return:       # an f64 result Python would hold as an int: its returns said which
            from fastext.compiler.lower.container_objects import mixed_number
            from fastext.compiler.lower.context import ERR_INTRET
            isint = b.icmp_unsigned("!=", b.load(b.gep(err, [I32(0), I32(ERR_INTRET)])), I64(0))
            boxed = mixed_number(self.api, b, b.extract_value(result, 1), isint)
        else:
            boxed = self.box(fn.ret, b.extract_value(result, 1) if fn.ret != T.NONE else None)
        self.release_arena()
        b.ret(boxed)

        # --- failure while unboxing: release what was acquired
        b.position_at_end(self.fail_bb)
        self.release_all()
        self.release_arena()      # lists converted before the failing argument (abi/lists.py)
        b.ret(ll.Constant(OBJ, None))
        return llfn

    def write_back(self, fn: ir.Function, objs: list[ll.Value], values: list[ll.Value]) -> ll.Value | None:
        """Copy the records of mutable struct parameters back into the instances passed
        (abi/structs.py: write_back), on success and error alike, as Python's changes stay made;
        i1 1 when a store failed, None when there are no such parameters."""
        from fastext.abi.structs import write_back
        failed = None
        for p, obj, value in zip(fn.params, objs, values):
            if isinstance(p.var.type, T.Struct) and p.var.type.mutable:
                if p.has_default and not p.var.type.plain:
                    continue      # struct parameters have no defaults (the front end refuses them)
                one = write_back(self, p.var.type, obj, value)
                failed = one if failed is None else self.b.or_(failed, one)
        return failed

    def call_native(self, fn: ir.Function, values: list[ll.Value], call_args: list[ll.Value]) -> ll.Value:
        """Call the body (its status, or {status, result}): its contiguous variant when every
        array's innermost stride is its item size."""
        b = self.b
        general = self.ctx.functions[fn.name]
        variant = self.ctx.contiguous.get(fn.name)
        if variant is None:
            return b.call(general, call_args)
        dense = ll.Constant(ll.IntType(1), 1)
        for p, v in zip(fn.params, values):
            t = p.var.type
            if isinstance(t, T.Array):
                stride = b.extract_value(v, [2, t.ndim - 1])
                dense = b.and_(dense, b.icmp_signed("==", stride, I64(t.dtype.nbytes)))
        fast_bb, slow_bb, done = (self.llfn.append_basic_block(x) for x in ("call.dense", "call.strided", "called"))
        b.cbranch(dense, fast_bb, slow_bb)
        b.position_at_end(fast_bb)
        fast = self.call_dense(fn, variant, values, call_args)
        fast_bb = b.block
        b.branch(done)
        b.position_at_end(slow_bb)
        slow = b.call(general, call_args)
        b.branch(done)
        b.position_at_end(done)
        result = b.phi(general.function_type.return_type)
        result.add_incoming(fast, fast_bb)
        result.add_incoming(slow, slow_bb)
        return result

    def call_dense(self, fn: ir.Function, variant: ll.Function, values, call_args) -> ll.Value:
        """The contiguous variant, or its no-overlap copy when the arrays are disjoint (abi/noalias.py)."""
        from fastext.abi import noalias
        b, apart = self.b, self.ctx.noalias.get(fn.name)
        if apart is None:
            return b.call(variant, call_args)
        with b.if_else(noalias.disjoint(b, fn, values)) as (then, otherwise):
            with then:
                res_apart, bb_apart = b.call(apart, call_args + noalias.data_pointers(fn, values, b)), b.block
            with otherwise:
                res_dense, bb_dense = b.call(variant, call_args), b.block
        result = b.phi(variant.function_type.return_type)
        result.add_incoming(res_apart, bb_apart)
        result.add_incoming(res_dense, bb_dense)
        return result

    def release_gil(self, fn: ir.Function, values: list[ll.Value]) -> ll.Value:
        """PyEval_SaveThread() unless the call is small; returns the thread state or NULL.

        Small = the function has array parameters and they hold fewer than
        GIL_RELEASE_MIN_ELEMENTS elements in total: then releasing and re-taking
        the GIL (~50 ns) would cost more than it lets other threads gain.
        """
        b = self.b
        arrays = [(p.var.type, v) for p, v in zip(fn.params, values) if isinstance(p.var.type, T.Array)]
        if not arrays or fn.nogil:      # @nogil: always, whatever the size of the call
            return self.api.call(b, "PyEval_SaveThread")
        total = I64(0)
        for t, v in arrays:
            size = I64(1)
            for axis in range(t.ndim):
                size = b.mul(size, b.extract_value(v, [1, axis]))
            total = b.add(total, size)
        big = b.icmp_signed(">=", total, I64(GIL_RELEASE_MIN_ELEMENTS))
        pre = b.block
        with b.if_then(big):
            saved = self.api.call(b, "PyEval_SaveThread")
            then_end = b.block
        phi = b.phi(OBJ)
        phi.add_incoming(ll.Constant(OBJ, None), pre)
        phi.add_incoming(saved, then_end)
        return phi

    def release_arena(self) -> None:
        """Free the blocks of the call that no returned array owns (abi/arena.py), and the table
        of the class instances boxed so far (abi/structs.py: box_mutable)."""
        memo = getattr(self, "instances", None)
        if memo is not None and memo[0] is self.llfn:
            self.api.call(self.b, "Py_DecRef", self.b.load(memo[1]))     # NULL when none was boxed
        if self.allocates:
            if self.ctx.keeps_objects:     # str items of containers first (lower/kept.py)
                from fastext.compiler.lower.kept import unkeep_function
                self.b.call(unkeep_function(self.ctx), [self.b.bitcast(self.arena, OBJ)])
            self.b.call(ArenaEmitter(self.ctx, self.api).release(), [self.b.load(self.arena)])

    def box_array(self, t: T.Array, v: ll.Value) -> ll.Value:
        """A new ndarray owning the arena block that holds the view `v` — or, where the body
        returned an array parameter as it came (`Function.returns_args`), the caller's own
        object: every other array that could share a parameter's memory was copied by the
        front end (frontend/alloc.py: own_returns), so an equal data pointer means that one."""
        b = self.b
        same = [k for k in sorted(self.fn.returns_args) if self.fn.params[k].var.type == t]
        if not same:
            return self.new_array(t, v)
        done = self.llfn.append_basic_block("box.done")
        incoming = []
        for k in same:
            hit, miss = self.llfn.append_basic_block(f"box.arg{k}"), self.llfn.append_basic_block(f"box.not{k}")
            data = b.extract_value(self.values[k], 0)
            b.cbranch(b.icmp_unsigned("==", b.extract_value(v, 0), data), hit, miss)
            b.position_at_end(hit)
            self.api.call(b, "Py_IncRef", self.objs[k])
            incoming.append((self.objs[k], b.block))
            b.branch(done)
            b.position_at_end(miss)
        fresh = self.new_array(t, v)
        incoming.append((fresh, b.block))
        b.branch(done)
        b.position_at_end(done)
        phi = b.phi(OBJ)
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def new_array(self, t: T.Array, v: ll.Value) -> ll.Value:
        """A new ndarray owning the arena block that holds the view `v` (abi/arena.py)."""
        b = self.b
        slot = self.entry_alloca(value_type(t))
        b.store(v, slot)
        helper = ArenaEmitter(self.ctx, self.api).box_array(t.ndim)
        return b.call(helper, [b.load(self.arena), b.bitcast(slot, OBJ),
                               self.ctx.cstring(NUMPY_NAMES[t.dtype.name])])

    def release_all(self) -> None:
        for view in self.views.values():
            self.b.call(self.rt["fx_release"], [self.b.bitcast(view, OBJ)])
        objects.release(self)
        if self.kwdict is not None:
            self.api.call(self.b, "Py_DecRef", self.kwdict)

    def name_table(self, fn: ir.Function) -> ll.Value:
        arr_t = ll.ArrayType(OBJ, max(1, len(fn.params)))
        gv = ll.GlobalVariable(self.ctx.module, arr_t, f"fx$names.{fn.name}")
        # the packed `*args` list is named `*xs`: no keyword matches it (Python: an unexpected keyword)
        gv.initializer = ll.Constant(arr_t, [self.ctx.cstring(("*" if k == fn.vararg else "**" if k == fn.kwargs else "")
                                                              + p.var.name)
                                             for k, p in enumerate(fn.params)] or
                                     [ll.Constant(OBJ, None)])
        gv.global_constant, gv.linkage = True, "private"
        return gv.bitcast(OBJ.as_pointer())

    # ------------------------------------------------------------------ unboxing
    def packed(self, p: ir.Param, args: ll.Value, nargs: ll.Value, npos: int) -> ll.Value:
        """`def f(a, *xs: float)`: the positional arguments after the first `npos` as the native list
        the body's `xs` is, each converted as the annotation says (messages name `xs`)."""
        from fastext.abi.lists import unbox_items
        b = self.b
        extra = b.sub(nargs, I64(npos))
        n = b.select(b.icmp_signed(">", extra, I64(0)), extra, I64(0))
        return unbox_items(self, p.var.type, n, lambda k: b.load(b.gep(args, [b.add(k, I64(npos))])),
                           self.ctx.cstring(f"*{p.var.name}"), self.err, p.var.name,
                           items=f"{_describe_item(p.var.type.item)} (each of them)", frame=PACKED_IN_FRAME)

    def unbox(self, k: int, p: ir.Param, obj: ll.Value) -> ll.Value:
        t = p.var.type
        b = self.b
        if not p.has_default:
            return self.unbox_value(k, p, obj)
        if isinstance(t, T.Str):
            # `ref: str = "sun"`: a missing argument is the module's own str of the literal
            given = b.icmp_unsigned("!=", obj, ll.Constant(OBJ, None))
            return self.unbox_value(k, p, b.select(given, obj, self.str_constant(p.default)))
        # optional parameter: NULL slot → the compiled-in default
        given, absent, merge = (self.llfn.append_basic_block(f"{p.var.name}.{x}") for x in ("given", "default", "merge"))
        b.cbranch(b.icmp_unsigned("==", obj, ll.Constant(OBJ, None)), absent, given)
        b.position_at_end(given)
        v = self.unbox_value(k, p, obj)
        given_end = b.block
        b.branch(merge)
        b.position_at_end(absent)
        if isinstance(t, T.Struct) and t.plain:      # `nxt: Optional[Task] = None`: no record
            d = ll.Constant(value_type(t), None)
        else:
            d = self.api.obj("_Py_NoneStruct") if isinstance(t, T.PyObj) else _constant(t, p.default)  # borrowed
        b.branch(merge)
        b.position_at_end(merge)
        phi = b.phi(value_type(t))
        phi.add_incoming(v, given_end)
        phi.add_incoming(d, absent)
        return phi

    def str_constant(self, text: str) -> ll.Value:
        """A str object of `text`, made at its first use and kept for the module's life (borrowed)."""
        from fastext.compiler.lower.ircontrol import internal_global, made_once
        b, api = self.b, self.api
        data = text.encode("utf-8")      # the front end admits UTF-8-encodable defaults only
        gv = internal_global(self.ctx.module, self.ctx.module.get_unique_name("fx$strdefault"), OBJ)

        def make():
            made = api.call(b, "PyUnicode_FromStringAndSize", self.ctx.cstring(text), I64(len(data)))
            with b.if_then(b.icmp_unsigned("==", made, ll.Constant(OBJ, None)), likely=False):
                b.branch(self.fail_bb)
            return made
        return made_once(b, gv, make)

    def unbox_value(self, k: int, p: ir.Param, obj: ll.Value) -> ll.Value:
        t = p.var.type
        pname = self.ctx.cstring(p.var.name)
        what = self.ctx.cstring(describe(t))
        if isinstance(t, T.Array):
            return self.unbox_array(k, p, obj, pname, what)
        if isinstance(t, T.Struct):
            from fastext.abi.structs import unbox_struct
            return unbox_struct(self, t, obj, p.var.name)
        if isinstance(t, T.Tuple):      # any sequence of the items (abi/structs.py)
            from fastext.abi.structs import unbox_tuple
            return unbox_tuple(self, t, obj, p.var.name)
        if isinstance(t, (T.Str, T.PyObj)):
            return objects.unbox(self, k, p, obj, pname, what)
        if isinstance(t, T.List):
            from fastext.abi.lists import unbox_list
            return unbox_list(self, t, obj, pname, what, self.err, p.var.name)
        if isinstance(t, (T.Dict, T.Set)):
            from fastext.abi.lists import unbox_table
            return unbox_table(self, t, obj, pname, what, self.err)
        return self.unbox_scalar(t, obj, pname, what)

    def unbox_scalar(self, t: T.Scalar, obj, pname, what) -> ll.Value:
        if t.is_float:
            return self.unbox_float(t, obj, pname, what)
        if t.is_complex:
            return self.unbox_complex(t, obj, pname, what)
        if t.is_bool:
            return self.unbox_bool(obj, pname, what)
        return self.unbox_int(t, obj, pname, what)

    def exact(self, obj: ll.Value, type_name: str) -> ll.Value:
        return self.b.icmp_unsigned("==", type_of(self.b, obj), self.api.obj(type_name))

    def slow_call(self, helper: str, args: list[ll.Value], out_type: ll.Type) -> tuple[ll.Value, ll.Block]:
        b = self.b
        slot = self.entry_alloca(out_type)
        rc = b.call(self.rt[helper], args + [b.bitcast(slot, OBJ)])
        cont = self.llfn.append_basic_block("unboxed")
        b.cbranch(b.icmp_signed("<", rc, I32(0)), self.fail_bb, cont)
        b.position_at_end(cont)
        return b.load(slot), cont

    def entry_alloca(self, ty: ll.Type) -> ll.Value:
        with self.b.goto_entry_block():
            self.b.position_before(self.b.block.instructions[0])
            return self.b.alloca(ty)

    def fast_or_slow(self, obj, exact_type: str, fast, helper: str, helper_args: list[ll.Value],
                     ty: ll.Type) -> ll.Value:
        """Exact `exact_type` → `fast()` inline, returning (value, ok or None); else, or when the
        fast path says not ok, the out-of-line `helper(obj, *helper_args, &out)` (which raises)."""
        b = self.b
        fast_bb, slow_bb, done = (self.llfn.append_basic_block(f"{exact_type}.{x}") for x in ("fast", "slow", "done"))
        b.cbranch(self.exact(obj, exact_type), fast_bb, slow_bb)
        b.position_at_end(fast_bb)
        v, ok = fast()
        fast_end = b.block
        if ok is None:
            b.branch(done)
        else:
            b.cbranch(ok, done, slow_bb)
        b.position_at_end(slow_bb)
        sv, slow_end = self.slow_call(helper, [obj, *helper_args], ty)
        b.branch(done)
        b.position_at_end(done)
        phi = b.phi(ty)
        phi.add_incoming(v, fast_end)
        phi.add_incoming(sv, slow_end)
        return phi

    def unbox_int(self, t: T.Scalar, obj, pname, what) -> ll.Value:
        b = self.b
        if t == T.U64:
            def fast():
                v = self.api.call(b, "PyLong_AsUnsignedLongLong", obj)
                return v, b.icmp_unsigned("!=", v, I64(-1))
            return self.fast_or_slow(obj, "PyLong_Type", fast, "fx_unbox_u64_slow", [self.fname, pname, what], I64)
        lo, hi = _range(t)

        def fast():
            v = self.api.call(b, "PyLong_AsLongLong", obj)
            ok = b.icmp_unsigned("!=", v, I64(-1))   # -1, errors and range misses take the careful path
            if t.bits < 64:
                ok = b.and_(ok, b.and_(b.icmp_signed(">=", v, I64(lo)), b.icmp_signed("<=", v, I64(hi))))
            return v, ok
        v = self.fast_or_slow(obj, "PyLong_Type", fast, "fx_unbox_int_slow",
                              [I64(lo), I64(hi), self.fname, pname, what], I64)
        return v if t.bits == 64 else b.trunc(v, scalar_type(t))

    def unbox_float(self, t: T.Scalar, obj, pname, what) -> ll.Value:
        b = self.b
        # PyFloat_AsDouble cannot fail for an exact float
        v = self.fast_or_slow(obj, "PyFloat_Type", lambda: (self.api.call(b, "PyFloat_AsDouble", obj), None),
                              "fx_unbox_f64_slow", [self.fname, pname, what], F64)
        if t.bits == 64:
            return v
        narrow = b.fptrunc(v, scalar_type(t))
        self.check_narrowed([(v, narrow)], obj, pname, what)
        return narrow

    def check_narrowed(self, pairs: list[tuple[ll.Value, ll.Value]], obj, pname, what) -> None:
        """OverflowError when a finite double became infinite in single precision (as
        struct.pack('f', 1e300) raises); inf and nan pass unchanged."""
        b = self.b
        bad = ll.Constant(ll.IntType(1), 0)
        for wide, narrow in pairs:
            fabs32 = self.ctx.intrinsic("llvm.fabs.f32", narrow.type, [narrow.type])
            fabs64 = self.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
            became_inf = b.fcmp_ordered("==", b.call(fabs32, [narrow]), narrow.type(float("inf")))
            was_finite = b.fcmp_ordered("<", b.call(fabs64, [wide]), F64(float("inf")))
            bad = b.or_(bad, b.and_(became_inf, was_finite))
        with b.if_then(bad, likely=False):
            b.call(self.rt["fx_float_overflow"], [obj, self.fname, pname, what])
            b.branch(self.fail_bb)
            b.position_at_end(self.llfn.append_basic_block("narrowed.unreachable"))
        return None

    def unbox_complex(self, t: T.Scalar, obj, pname, what) -> ll.Value:
        """Exact complex inline (the two Limited-API accessors); the rest out of line."""
        b = self.b
        c128 = scalar_type(T.C128)

        def fast():
            re = self.api.call(b, "PyComplex_RealAsDouble", obj)
            im = self.api.call(b, "PyComplex_ImagAsDouble", obj)
            agg = ll.Constant(c128, ll.Undefined)
            return b.insert_value(b.insert_value(agg, re, 0), im, 1), None
        v = self.fast_or_slow(obj, "PyComplex_Type", fast, "fx_unbox_complex_slow", [self.fname, pname, what], c128)
        if t.bits == 128:
            return v
        c64 = scalar_type(t)
        wide = [b.extract_value(v, k) for k in (0, 1)]
        re, im = (b.fptrunc(w, c64.elements[k]) for k, w in enumerate(wide))
        self.check_narrowed(list(zip(wide, (re, im))), obj, pname, what)
        return b.insert_value(b.insert_value(ll.Constant(c64, ll.Undefined), re, 0), im, 1)

    def unbox_bool(self, obj, pname, what) -> ll.Value:
        b = self.b
        is_true = lambda: (b.zext(b.icmp_unsigned("==", obj, self.api.obj("_Py_TrueStruct")), I8), None)  # noqa: E731
        v = self.fast_or_slow(obj, "PyBool_Type", is_true, "fx_unbox_bool_slow", [self.fname, pname, what], I8)
        return b.icmp_unsigned("!=", v, I8(0))

    def unbox_array(self, k: int, p: ir.Param, obj, pname, what) -> ll.Value:
        return self.array_from_buffer(self.views[k], p.var.type, obj, pname, what, k in self.fn.writes, p.var.name)

    def unbox_item_array(self, name: str, t: T.Array, obj) -> ll.Value:
        """An array item of a tuple parameter (`pair[0]`): its own view, released with the others."""
        return self.array_from_buffer(self.views[name], t, obj, self.ctx.cstring(name), self.ctx.cstring(describe(t)),
                                      self.view_writes[name], name)

    def array_from_buffer(self, view, t: T.Array, obj, pname, what, writes: bool, name: str) -> ll.Value:
        """The array value of `obj`'s buffer, acquired into `view` (checked as a parameter of type `t`)."""
        b = self.b
        cls = 4 if t.dtype.is_complex else 3 if t.dtype.is_bool else 2 if t.dtype.is_float else \
            0 if t.dtype.signed else 1
        writable = 1 if writes else 0
        if isinstance(t.dtype, T.Struct):   # a structured array: its format string is checked
            from fastext.abi.structs import get_struct_buffer
            rc = get_struct_buffer(self, obj, view, t, writable, pname, what)
        else:
            rc = b.call(self.rt["fx_get_buffer"], [obj, b.bitcast(view, OBJ), I32(cls), I64(t.dtype.nbytes),
                                                   I32(t.ndim), I32(writable), self.fname, pname, what])
        cont = self.llfn.append_basic_block(f"{name}.buffer")
        b.cbranch(b.icmp_signed("<", rc, I32(0)), self.fail_bb, cont)
        b.position_at_end(cont)
        agg = ll.Constant(value_type(t), ll.Undefined)
        agg = b.insert_value(agg, b.load(b.gep(view, [I32(0), I32(0)])), 0)
        shape, strides = self.buffer_layout(view, t.ndim, name)
        wide = I64(0)
        for axis in range(t.ndim):
            dim = b.load(b.gep(shape, [I64(axis)]))
            wide = b.or_(wide, dim)
            agg = b.insert_value(agg, dim, [1, axis])
            agg = b.insert_value(agg, b.load(b.gep(strides, [I64(axis)])), [2, axis])
        # every dimension below 2**53 (native code assumes it: lower/function.py, e_ArrayDim), all
        # tested at once; the cold helper finds the axis and raises ValueError
        with b.if_then(b.icmp_unsigned("!=", b.lshr(wide, I64(53)), I64(0)), likely=False):
            b.call(self.rt["fx_check_dims"], [b.bitcast(shape, OBJ), I32(t.ndim), self.fname, pname])
            b.branch(self.fail_bb)
            b.position_at_end(self.llfn.append_basic_block(f"{name}.dims.unreachable"))
        return agg

    def buffer_layout(self, view: ll.Value, ndim: int, name: str) -> tuple[ll.Value, ll.Value]:
        """Pointers to the shape and strides of an acquired view.

        An exporter may leave `strides` NULL (C-contiguous, PEP 3118: ctypes arrays do) and,
        for a 1-D buffer, `shape` NULL (length len / itemsize); the cold helper then writes
        both into a scratch array of the entry point.  The hot path is two compares."""
        b = self.b
        null = ll.Constant(I64.as_pointer(), None)
        shape = b.load(b.gep(view, [I32(0), I32(7)]))
        strides = b.load(b.gep(view, [I32(0), I32(8)]))
        missing = b.or_(b.icmp_unsigned("==", shape, null), b.icmp_unsigned("==", strides, null))
        pre = b.block
        with b.if_then(missing, likely=False):
            scratch = self.entry_alloca(ll.ArrayType(I64, 2 * ndim))
            rc = b.call(self.rt["fx_buffer_layout"], [b.bitcast(view, OBJ), b.bitcast(scratch, OBJ), self.fname,
                                                      self.ctx.cstring(name)])
            filled = self.llfn.append_basic_block(f"{name}.layout")
            b.cbranch(b.icmp_signed("<", rc, I32(0)), self.fail_bb, filled)
            b.position_at_end(filled)
            fixed_shape = b.gep(scratch, [I32(0), I32(0)])
            fixed_strides = b.gep(scratch, [I32(0), I32(ndim)])
        shape_phi = b.phi(shape.type, name=f"{name}.shape")
        shape_phi.add_incoming(shape, pre)
        shape_phi.add_incoming(fixed_shape, filled)
        strides_phi = b.phi(strides.type, name=f"{name}.strides")
        strides_phi.add_incoming(strides, pre)
        strides_phi.add_incoming(fixed_strides, filled)
        return shape_phi, strides_phi

    # ------------------------------------------------------------------ boxing
    def box(self, t: T.Type, v: ll.Value | None, intbits: ll.Value | None = None) -> ll.Value:
        """A new reference to the Python object of the result `v`; `intbits` (a tuple result):
        bit k set where f64 item k is Python's int (frontend/intflags.py)."""
        b, api = self.b, self.api
        if isinstance(t, T.PyObj):
            return v     # the body returned an owned reference
        if t == T.NONE:
            none = api.obj("_Py_NoneStruct")
            api.call(b, "Py_IncRef", none)
            return none
        if isinstance(t, T.Struct) and t.mutable:    # a new instance of the module's class
            from fastext.abi.structs import box_mutable
            return box_mutable(self, t, v)
        if isinstance(t, (T.Tuple, T.Struct)):   # a struct comes back as the tuple of its fields
            items = t.items if isinstance(t, T.Tuple) else tuple(ft for _, ft in t.fields)
            tup = api.call(b, "PyTuple_New", I64(len(items)))
            for k, item_t in enumerate(items):
                if intbits is not None and item_t == T.F64:
                    from fastext.compiler.lower.container_objects import mixed_number
                    isint = b.icmp_unsigned("!=", b.and_(intbits, I64(1 << k)), I64(0))
                    item = mixed_number(api, b, b.extract_value(v, k), isint)
                else:
                    item = self.box(item_t, b.extract_value(v, k))
                if item_t == T.STRV:     # a str field is kept by the arena (lower/kept.py), not owned
                    api.call(b, "Py_IncRef", item)
                with b.if_then(b.icmp_unsigned("==", item, ll.Constant(OBJ, None)), likely=False):
                    api.call(b, "Py_DecRef", tup)
                    self.release_arena()
                    b.ret(ll.Constant(OBJ, None))
                api.call(b, "PyTuple_SetItem", tup, I64(k), item)
            return tup
        if isinstance(t, T.Array):
            return self.box_array(t, v)
        if isinstance(t, (T.List, T.Dict, T.Set)):
            from fastext.abi.lists import box_container
            return box_container(self, t, v)
        from fastext.compiler.lower.container_objects import scalar_object
        return scalar_object(api, b, v, t)


_range = T.value_range


def _constant(t: T.Scalar, value) -> ll.Constant:
    lt = scalar_type(t)
    if t.is_complex:
        z = complex(value)
        return ll.Constant(lt, [lt.elements[0](z.real), lt.elements[1](z.imag)])
    if t.is_float:
        return lt(float(value))
    if t.is_bool:
        return lt(int(bool(value)))
    return lt(int(value) & ((1 << t.bits) - 1))
