"""NumPy ufuncs made at import: the inner loops of `ir.Ufunc`s and the exec slot that builds them.

Each dtype loop is an LLVM function with NumPy's inner-loop signature
`void loop(char **args, npy_intp const *dims, npy_intp const *steps, void *data)`.  A
@vectorize loop calls the checked scalar function once per item: when every step equals its
operand's item size it indexes typed pointers (LLVM inlines the function and vectorises the
loop), else it walks byte strides.  A @guvectorize loop builds the array views of each
operand's core dimensions (their sizes in `dims[1:]`, their strides after the operands' steps)
and calls the function once per outer item.

An item whose call fails (a ZeroDivisionError, a failed conversion, a `raise`) cannot raise a
Python exception from inside a ufunc loop: NumPy drops exceptions set by loops of numeric
dtypes.  Such an item follows NumPy's own error model instead: its output is NaN (0 for
integers, False for bool) and the loop raises the floating-point *invalid* flag, which NumPy
reports as `np.errstate` says (a RuntimeWarning by default, FloatingPointError under
`np.errstate(invalid="raise")`) — docs/ufuncs.md.

The exec slot imports NumPy's `_multiarray_umath`, takes the function table of its
`_UFUNC_API` capsule and calls `PyUFunc_FromFuncAndDataAndSignatureAndIdentity` (entry
`MAKE_UFUNC`, see numpy/_core/include/numpy/__ufunc_api.h) once per ufunc, binding the result
in the module under the function's name.  No fastext is needed at run time, only NumPy.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.capi import I32, I64, OBJ, CApi
from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.context import (
    ERR, ERR_ARENA, F32, F64, I1, I8, ModuleContext, memory_type, scalar_type, value_type,
)

FE_INVALID = 1
MAKE_UFUNC = 42          # PyUFunc_FromFuncAndDataAndSignatureAndIdentity (NumPy >= 1.16)
NUMPY_MODULES = ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath")
IDENTITY = {0: 0, 1: 1, None: -1, "reorderable": -2}     # PyUFunc_Zero, _One, _None, _ReorderableNone
I64P = I64.as_pointer()
LOOP_TYPE = ll.FunctionType(ll.VoidType(), [OBJ.as_pointer(), I64P, I64P, OBJ])
MAKE_TYPE = ll.FunctionType(OBJ, [LOOP_TYPE.as_pointer().as_pointer(), OBJ.as_pointer(), OBJ, I32, I32, I32, I32,
                                  OBJ, OBJ, I32, OBJ, OBJ])


def type_number(t: T.Scalar) -> int:
    """NumPy's type number of a dialect scalar on this platform (`int64` is NPY_LONG on Linux)."""
    import numpy
    name = "bool" if t.is_bool else {"int": "int", "uint": "uint", "float": "float", "complex": "complex"}[t.kind] \
        + str(t.bits)
    return numpy.dtype(name).num


def _itemsize(t: T.Scalar) -> int:
    return 1 if t.is_bool else t.nbytes


class _Loop:
    """Emits one inner loop into `fn`."""

    def __init__(self, ctx: ModuleContext, fn: ll.Function, callee_ir: ir.Function):
        self.ctx, self.fn, self.callee_ir = ctx, fn, callee_ir
        self.callee = ctx.functions[callee_ir.name]
        self.b = ll.IRBuilder(fn.append_basic_block("entry"))

    def prologue(self, nargs: int):
        b = self.b
        args, dims, steps, _ = self.fn.args
        self.n = b.load(dims)
        self.ptrs = [b.load(b.gep(args, [I64(k)])) for k in range(nargs)]
        self.steps = [b.load(b.gep(steps, [I64(k)])) for k in range(nargs)]
        self.err = b.alloca(ERR, name="err")
        from fastext.compiler.lower.alloc import ARENA
        self.arena = b.alloca(ARENA, name="arena")
        b.store(ll.Constant(ARENA, None), self.arena)
        b.store(b.bitcast(self.arena, OBJ), b.gep(self.err, [I32(0), I32(ERR_ARENA)]))
        from fastext.compiler.lower.context import ERR_INTRET
        b.store(I64(0), b.gep(self.err, [I32(0), I32(ERR_INTRET)]))     # no argument flags
        if self.ctx.recursion is not None and self.callee_ir.name in self.ctx.recursion.reaches:
            from fastext.compiler.lower.recursion import set_stack_limit
            set_stack_limit(self.ctx, b, self.err)
        self.failed = b.alloca(I1, name="failed")
        b.store(I1(0), self.failed)

    def counted(self, name: str, body) -> None:
        """`for i in range(n): body(i)` at the builder's position; continues after the loop."""
        b = self.b
        pre = b.block
        head, step, done = (self.fn.append_basic_block(f"{name}.{x}") for x in ("head", "body", "done"))
        b.branch(head)
        b.position_at_end(head)
        i = b.phi(I64)
        i.add_incoming(I64(0), pre)
        b.cbranch(b.icmp_signed("<", i, self.n), step, done)
        b.position_at_end(step)
        body(i)
        nxt = b.add(i, I64(1), flags=["nsw"])
        i.add_incoming(nxt, b.block)
        b.branch(head)
        b.position_at_end(done)

    def call(self, values: list[ll.Value], callee: ll.Function | None = None):
        """Call the function (or its `callee` version); its result (None for a gufunc) and
        whether it failed."""
        b = self.b
        api = CApi(self.ctx.module)
        # NumPy runs the loop without the GIL; a function that uses Python objects (print, str
        # values) takes it per call, and a Python error it leaves is cleared (the item fails)
        gil = api.call(b, "PyGILState_Ensure") if self.callee_ir.objects else None
        r = b.call(callee or self.callee, [self.err] + values)
        status = r if self.callee_ir.ret == T.NONE else b.extract_value(r, 0)
        bad = b.icmp_unsigned("!=", status, I32(0))
        if gil is not None:
            with b.if_then(bad, likely=False):
                api.call(b, "PyErr_Clear")
            api.call(b, "PyGILState_Release", gil)
        return (None if self.callee_ir.ret == T.NONE else b.extract_value(r, 1)), bad

    def note_failure(self, bad: ll.Value) -> None:
        b = self.b
        b.store(b.or_(b.load(self.failed), bad), self.failed)

    def epilogue(self) -> None:
        b = self.b
        with b.if_then(b.load(self.failed), likely=False):
            raise_invalid(self.ctx, b)
        head = b.load(b.bitcast(self.arena, OBJ.as_pointer()))
        with b.if_then(b.icmp_unsigned("!=", head, ll.Constant(OBJ, None)), likely=False):
            from fastext.abi.arena import ArenaEmitter
            b.call(ArenaEmitter(self.ctx, CApi(self.ctx.module)).release(), [head])
        b.ret_void()


def raise_invalid(ctx: ModuleContext, b: ll.IRBuilder) -> None:
    """Set the FPU's *invalid* flag as NumPy's own loops do (libm's `feraiseexcept`; FE_INVALID
    is 1 on x86-64 and AArch64, glibc and Darwin alike): NumPy reads the flags after the loop."""
    raise_ = ctx.intrinsic("feraiseexcept", I32, [I32])
    b.call(raise_, [I32(FE_INVALID)])


def load_item(b: ll.IRBuilder, ptr: ll.Value, t: T.Scalar) -> ll.Value:
    v = b.load(b.bitcast(ptr, memory_type(t).as_pointer()))
    return b.icmp_unsigned("!=", v, I8(0)) if t.is_bool else v


def store_item(b: ll.IRBuilder, v: ll.Value, ptr: ll.Value, t: T.Scalar) -> None:
    b.store(b.zext(v, I8) if t.is_bool else v, b.bitcast(ptr, memory_type(t).as_pointer()))


def convert(b: ll.IRBuilder, v: ll.Value, src: T.Scalar, dst: T.Scalar) -> ll.Value:
    """A C cast as NumPy's unsafe casting does it (the declared result of a loop whose function
    returns another type: `"f32(f32)"` over a body computing in f64)."""
    if src == dst:
        return v
    dty = scalar_type(dst)
    if dst.is_complex:
        part = F32 if dst.bits == 64 else F64
        if src.is_complex:
            re, im = b.extract_value(v, 0), b.extract_value(v, 1)
            re, im = (b.fpext(x, part) if dst.bits > src.bits else b.fptrunc(x, part) for x in (re, im))
        else:
            re, im = convert(b, v, src, T.F32 if dst.bits == 64 else T.F64), ll.Constant(part, 0.0)
        return b.insert_value(b.insert_value(ll.Constant(dty, ll.Undefined), re, 0), im, 1)
    if src.is_complex:
        return convert(b, b.extract_value(v, 0), T.F32 if src.bits == 64 else T.F64, dst)
    if dst.is_bool:
        if src.is_float:
            return b.fcmp_unordered("!=", v, ll.Constant(v.type, 0.0))
        return b.icmp_unsigned("!=", v, ll.Constant(v.type, 0))
    if src.is_bool:
        return b.uitofp(v, dty) if dst.is_float else b.zext(v, dty)
    if src.is_int and dst.is_int:
        if dst.bits < src.bits:
            return b.trunc(v, dty)
        return b.sext(v, dty) if dst.bits > src.bits and src.kind == "int" else \
            b.zext(v, dty) if dst.bits > src.bits else v
    if src.is_int:
        return b.sitofp(v, dty) if src.kind == "int" else b.uitofp(v, dty)
    if dst.is_float:
        return b.fpext(v, dty) if dst.bits > src.bits else b.fptrunc(v, dty)
    return b.fptosi(v, dty) if dst.kind == "int" else b.fptoui(v, dty)


def failure_value(t: T.Scalar) -> ll.Constant:
    """What a failed item holds: NaN, 0 or False (NumPy's invalid results)."""
    ty = scalar_type(t)
    if t.is_complex:
        part = F32 if t.bits == 64 else F64
        return ll.Constant(ty, [ll.Constant(part, float("nan"))] * 2)
    if t.is_float:
        return ll.Constant(ty, float("nan"))
    return ll.Constant(ty, 0)


def vectorize_loop(ctx: ModuleContext, u: ir.Ufunc, loop: ir.UfuncLoop, index: int) -> ll.Function:
    """The inner loop of one @vectorize signature."""
    fn = ll.Function(ctx.module, LOOP_TYPE, f"fx$ufunc.{u.name}.{index}")
    fn.linkage = "internal"
    callee = ctx.ir_module.functions[loop.function]
    em = _Loop(ctx, fn, callee)
    operands = list(loop.params) + [loop.ret]
    em.prologue(len(operands))
    b = em.b
    typed = [b.bitcast(p, memory_type(t).as_pointer()) for p, t in zip(em.ptrs, operands)]
    nin = len(loop.params)

    def body(address, fixed=None):
        fixed = fixed or {}

        def emit(i):
            values = []
            for k, (t, p) in enumerate(zip(loop.params, callee.params)):
                v = fixed[k] if k in fixed else load_item(b, address(k, i), t)
                values.append(convert(b, v, t, p.var.type))
            r, bad = em.call(values)
            r = convert(b, r, callee.ret, loop.ret)
            em.note_failure(bad)
            r = b.select(bad, failure_value(loop.ret), r)
            store_item(b, r, address(nin, i), loop.ret)
        return emit

    # Unit-stride versions: every operand contiguous, or (up to 3 inputs) some inputs repeated
    # with step 0 — a scalar or a broadcast axis, loaded once before the loop.
    patterns = [tuple(bool(m >> k & 1) for k in range(nin)) for m in range(1 << nin)] if nin <= 3 else \
        [(False,) * nin]
    after = fn.append_basic_block("after")
    for pattern in patterns:
        cond = b.and_(b.icmp_signed("==", em.steps[nin], I64(_itemsize(loop.ret))),
                      b.icmp_signed(">", em.n, I64(0)))      # (nothing is read for an empty loop)
        for k, (step, t) in enumerate(zip(em.steps, loop.params)):
            cond = b.and_(cond, b.icmp_signed("==", step, I64(0 if pattern[k] else _itemsize(t))))
        name = "dense" + "".join("s" if x else "c" for x in pattern)
        here, other = fn.append_basic_block(name), fn.append_basic_block(name + ".no")
        b.cbranch(cond, here, other)
        b.position_at_end(here)
        fixed = {k: load_item(b, em.ptrs[k], t) for k, t in enumerate(loop.params) if pattern[k]}
        em.counted(name, body(lambda k, i: b.bitcast(b.gep(typed[k], [i]), OBJ), fixed))
        b.branch(after)
        b.position_at_end(other)
    em.counted("strided", body(lambda k, i: b.gep(em.ptrs[k], [b.mul(i, em.steps[k])])))
    b.branch(after)
    b.position_at_end(after)
    em.epilogue()
    return fn


def gufunc_loop(ctx: ModuleContext, u: ir.Ufunc, loop: ir.UfuncLoop, index: int) -> ll.Function:
    """The inner loop of one @guvectorize signature: array views over each operand's core dims."""
    fn = ll.Function(ctx.module, LOOP_TYPE, f"fx$ufunc.{u.name}.{index}")
    fn.linkage = "internal"
    callee = ctx.ir_module.functions[loop.function]
    em = _Loop(ctx, fn, callee)
    ins, outs = u.layout
    cores = list(ins) + list(outs)
    nargs = len(cores)
    em.prologue(nargs)
    b = em.b
    _, dims, steps, _ = fn.args
    names: list[str] = []
    for dims_k in cores:
        for d in dims_k:
            if d not in names:
                names.append(d)
    sizes = {d: b.load(b.gep(dims, [I64(1 + j)])) for j, d in enumerate(names)}
    core_strides, offset = [], nargs
    for dims_k in cores:
        core_strides.append([b.load(b.gep(steps, [I64(offset + j)])) for j in range(len(dims_k))])
        offset += len(dims_k)

    def emit(i, version=None):
        values = []
        for k, (t, p) in enumerate(zip(loop.params, callee.params)):
            ptr = b.gep(em.ptrs[k], [b.mul(i, em.steps[k])])
            if isinstance(t, T.Scalar):
                values.append(convert(b, load_item(b, ptr, t), t, p.var.type))
                continue
            view = ll.Constant(value_type(t), ll.Undefined)
            view = b.insert_value(view, ptr, 0)
            if cores[k]:
                for j, d in enumerate(cores[k]):
                    view = b.insert_value(view, sizes[d], [1, j])
                    view = b.insert_value(view, core_strides[k][j], [2, j])
            else:        # `()` operand of a 1-D parameter: one item
                view = b.insert_value(view, I64(1), [1, 0])
                view = b.insert_value(view, I64(_itemsize(t.dtype)), [2, 0])
            values.append(view)
        _, bad = em.call(values, version)
        em.note_failure(bad)
    variant = ctx.contiguous.get(callee.name)
    if variant is None:
        em.counted("outer", emit)
    else:       # every core's innermost stride is its item size: the unit-stride version (vectorises)
        dense = ll.Constant(I1, 1)
        for k, t in enumerate(loop.params):
            if isinstance(t, T.Array) and cores[k]:
                dense = b.and_(dense, b.icmp_signed("==", core_strides[k][-1], I64(_itemsize(t.dtype))))
        dense_bb, strided_bb, after = (fn.append_basic_block(x) for x in ("dense", "strided", "after"))
        b.cbranch(dense, dense_bb, strided_bb)
        b.position_at_end(dense_bb)
        em.counted("outer.dense", lambda i: emit(i, variant))
        b.branch(after)
        b.position_at_end(strided_bb)
        em.counted("outer", emit)
        b.branch(after)
        b.position_at_end(after)
    em.epilogue()
    return fn


def exec_slot(ctx: ModuleContext, ufuncs: list[ir.Ufunc]) -> ll.Function:
    """`int fx$ufuncs.exec(PyObject *module)`: make every ufunc and bind it in the module; -1
    (with NumPy's ImportError or AttributeError set) when NumPy cannot be found."""
    api = CApi(ctx.module)
    fn = ll.Function(ctx.module, ll.FunctionType(I32, [OBJ]), "fx$ufuncs.exec")
    fn.linkage = "internal"
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    null = ll.Constant(OBJ, None)
    slot = b.alloca(OBJ)
    b.store(null, slot)
    for name in NUMPY_MODULES:      # NumPy 2, then NumPy 1's name
        with b.if_then(b.icmp_unsigned("==", b.load(slot), null)):
            b.store(api.call(b, "PyImport_ImportModule", ctx.cstring(name)), slot)
            if name != NUMPY_MODULES[-1]:
                with b.if_then(b.icmp_unsigned("==", b.load(slot), null)):
                    api.call(b, "PyErr_Clear")
    umath = b.load(slot)
    with b.if_then(b.icmp_unsigned("==", umath, null)):
        b.ret(I32(-1))
    capsule = api.call(b, "PyObject_GetAttrString", umath, ctx.cstring("_UFUNC_API"))
    api.call(b, "Py_DecRef", umath)
    with b.if_then(b.icmp_unsigned("==", capsule, null)):
        b.ret(I32(-1))
    table = api.call(b, "PyCapsule_GetPointer", capsule, null)
    api.call(b, "Py_DecRef", capsule)     # the table lives as long as NumPy's module, which stays imported
    with b.if_then(b.icmp_unsigned("==", table, null)):
        b.ret(I32(-1))
    make = b.bitcast(b.load(b.gep(b.bitcast(table, OBJ.as_pointer()), [I64(MAKE_UFUNC)])), MAKE_TYPE.as_pointer())
    for u in ufuncs:
        emit = vectorize_loop if u.kind == "vectorize" else gufunc_loop
        loops = [emit(ctx, u, loop, k) for k, loop in enumerate(u.loops)]
        funcs = _constant_array(ctx, f"fx$ufunc.{u.name}.funcs", LOOP_TYPE.as_pointer(), loops)
        data = _constant_array(ctx, f"fx$ufunc.{u.name}.data", OBJ, [null] * len(loops))
        codes = []
        for loop in u.loops:
            operands = list(loop.params) if u.kind == "guvectorize" else list(loop.params) + [loop.ret]
            codes += [type_number(t.dtype if isinstance(t, T.Array) else t) for t in operands]
        types = _constant_array(ctx, f"fx$ufunc.{u.name}.types", I8, [I8(c) for c in codes])
        doc = u.doc or f"{u.name}: a NumPy ufunc compiled by fastext from {u.kind} `{u.name}`"
        signature = ctx.cstring(u.layout_text.replace(" ", "")) if u.layout_text else null
        made = b.call(make, [funcs, data, types, I32(len(loops)), I32(u.nin), I32(u.nout), I32(IDENTITY[u.identity]),
                             ctx.cstring(u.name), ctx.cstring(doc), I32(0), signature, null])
        with b.if_then(b.icmp_unsigned("==", made, null)):
            b.ret(I32(-1))
        rc = api.call(b, "PyObject_SetAttrString", fn.args[0], ctx.cstring(u.name), made)
        api.call(b, "Py_DecRef", made)
        with b.if_then(b.icmp_signed("<", rc, I32(0))):
            b.ret(I32(-1))
    b.ret(I32(0))
    return fn


def _constant_array(ctx: ModuleContext, name: str, item: ll.Type, values: list) -> ll.Value:
    """A pointer to the first item of an internal constant array NumPy keeps a pointer to."""
    t = ll.ArrayType(item, len(values))
    gv = ll.GlobalVariable(ctx.module, t, name)
    gv.initializer = ll.Constant(t, values)
    gv.linkage = "internal"     # writable, as NumPy's API declares the arrays
    return gv.bitcast(item.as_pointer())


def lower_vectorized(fl, e: ir.Intrinsic, args: list):
    """One item of a @vectorize function called from .fx code: a direct call of the loop's
    function; a failed call gives NaN (0, False) as the ufunc's loops do."""
    b = fl.b
    callee = fl.ctx.functions[e.attrs["function"]]
    err = getattr(fl, "err", None) or fl.fl.err
    r = b.call(callee, [err] + list(args))
    own = T.BOOL if e.attrs["result"] == "bool" else T.SCALARS[e.attrs["result"]]
    value = convert(b, b.extract_value(r, 1), own, e.type)
    bad = b.icmp_unsigned("!=", b.extract_value(r, 0), I32(0))
    return b.select(bad, failure_value(e.type), value)
