"""Matrix products and `a @= b` in native code (`ops/linalg.py`): NumPy's shape checks and
messages, conversion of the operands to the product's dtype, stacks of matrices broadcast
along their leading axes; each product of the stack is then `lower/products.py`'s.

Each kind of product (kind, operand and result types) is one internal function of the module,
`{i32, T} fx$product.…(err*, a, b)`, called from every function variant that uses it.  A
zero-size result does nothing; an empty sum (k = 0) is zeros, as NumPy gives.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.lower import blas, gemm
from fastext.compiler.lower.alloc import allocate, assign
from fastext.compiler.lower.arraymap import _shape_format, formatted_error
from fastext.compiler.lower.context import ERRP, I1, I32, I64, fill_error, value_type
from fastext.compiler.lower.exceptions import literal_text
from fastext.compiler.lower.products import Operand, convert, dot_operand, products, vector_dot

CORE = "(n?,k),(k,m?)->(n?,m?)"


# ----------------------------------------------------------------------------- shape checks

def _core_check(fl, kind: str, a: Operand, b_: Operand) -> ll.Value:
    """k of a and of b must agree (NumPy's ValueError otherwise); returns k."""
    b = fl.b
    ka = a.shape[-1]
    kb = b_.shape[-2] if b_.core == 2 else b_.shape[-1]
    bad = b.icmp_signed("!=", ka, kb)
    if kind == "matmul":
        fl.fail_if(bad, "ValueError", f"matmul: Input operand 1 has a mismatch in its core dimension 0, "
                                      f"with gufunc signature {CORE} (size %lld is different from %lld)", (kb, ka))
        return ka
    na, nb = a.type.ndim, b_.type.ndim
    fmt = (f"shapes {_shape_format(na)} and {_shape_format(nb)} not aligned: "
           f"%lld (dim {na - 1}) != %lld (dim {max(nb - 2, 0)})")
    with b.if_then(bad, likely=False):
        formatted_error(fl, "ValueError", fmt, a.shape + b_.shape + [ka, kb], "shapes not aligned")
    return ka


def _batch_shape(fl, a: Operand, b_: Operand, out_core: list[ll.Value]) -> list[ll.Value]:
    """The broadcast shape of the stack axes (NumPy's error when they do not broadcast)."""
    b = fl.b
    nd = max(a.batch, b_.batch)
    shape, bad = [], I1(0)
    for k in range(nd):
        da = a.shape[k - (nd - a.batch)] if k >= nd - a.batch else I64(1)
        db = b_.shape[k - (nd - b_.batch)] if k >= nd - b_.batch else I64(1)
        one_a, one_b = b.icmp_signed("==", da, I64(1)), b.icmp_signed("==", db, I64(1))
        bad = b.or_(bad, b.and_(b.icmp_signed("!=", da, db), b.not_(b.or_(one_a, one_b))))
        shape.append(b.select(one_a, db, da))
    if nd:
        with b.if_then(bad, likely=False):
            def remapped(op: Operand) -> str:
                return _shape_format(op.type.ndim) + "->(" + ",".join(
                    ["%lld"] * op.batch + ["newaxis"] * op.core) + ")"
            fmt = (f"operands could not be broadcast together with remapped shapes [original->remapped]: "
                   f"{remapped(a)} {remapped(b_)}  and requested shape {_shape_format(len(out_core))}")
            values = a.shape + a.shape[:a.batch] + b_.shape + b_.shape[:b_.batch] + out_core
            formatted_error(fl, "ValueError", fmt, values, "operands could not be broadcast together")
    return shape


# ----------------------------------------------------------------------------- the product

def lower_product(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """A call of the module's function for this kind of product."""
    kind = ops.get(e.name).data["kind"]
    at, bt, rt = e.args[0].type, e.args[1].type, e.type
    return outlined_call(fl, f"fx$product.{kind}.{tag(at)}.{tag(bt)}.{tag(rt)}", [at, bt], rt, args,
                         lambda h, av, bv: _product(h, kind, av, at, bv, bt, rt))


def tag(t: T.Type) -> str:
    """A type in the name of an outlined function: `f64.2`, `f64`."""
    return f"{t.dtype.name}.{t.ndim}" if isinstance(t, T.Array) else t.name


def outlined_call(fl, name: str, arg_types: list[T.Type], rt: T.Type, args: list[ll.Value], emit) -> ll.Value:
    """A call of the module's internal function `name`, `{i32, T} (err*, args...)`, whose body
    `emit(h, *params) -> result` makes on first use (an `_Outlined` h): one function per kind of
    operation and types, not inlined, so every function variant that uses it calls the same
    code.  Its error (a shape mismatch, MemoryError, LinAlgError) is the caller's."""
    b = fl.b
    fn = fl.ctx.module.globals.get(name)
    if fn is None:
        ret = ll.LiteralStructType([I32, value_type(rt)])
        fn = ll.Function(fl.ctx.module, ll.FunctionType(ret, [ERRP] + [value_type(t) for t in arg_types]), name)
        fn.linkage = "internal"
        fn.attributes.add("noinline")
        h = _Outlined(fl.ctx, fn)
        h.finish(emit(h, *fn.args[1:]))
    result = b.call(fn, [fl.err] + list(args))
    with b.if_then(b.icmp_unsigned("!=", b.extract_value(result, 0), I32(0)), likely=False):
        fl.error_exit()     # the record is filled
    return b.extract_value(result, 1)


class _Outlined:
    """The part of a FunctionLowering the product (and `lower/lapack.py`) code uses, for a function
    of its own (`outlined_call`): an error fills the record and returns status 1."""

    def __init__(self, ctx, fn: ll.Function):
        self.ctx, self.llfn = ctx, fn
        self.err = fn.args[0]
        self.b = ll.IRBuilder(fn.append_basic_block("entry"))
        self.boundscheck, self.fast_flags = ctx.boundscheck, ()

    def new_block(self, name: str) -> ll.Block:
        return self.llfn.append_basic_block(name)

    def entry_alloca(self, ty: ll.Type) -> ll.Value:
        with self.b.goto_entry_block():
            if self.b.block.instructions:
                self.b.position_before(self.b.block.instructions[0])
            return self.b.alloca(ty)

    def fail_if(self, cond: ll.Value, exc: str, fmt: str | None, args: tuple = (), deferrable: bool = False) -> None:
        with self.b.if_then(cond, likely=False):
            fill_error(self.b, self.err, self.ctx, exc, literal_text(fmt) if not args else fmt, args)
            self.error_exit()

    def error_exit(self) -> None:
        ret = self.llfn.function_type.return_type
        self.b.ret(self.b.insert_value(ll.Constant(ret, ll.Undefined), I32(1), 0))

    def finish(self, value: ll.Value) -> None:
        ret = self.llfn.function_type.return_type
        self.b.ret(self.b.insert_value(self.b.insert_value(ll.Constant(ret, ll.Undefined), I32(0), 0), value, 1))


def _product(fl, kind: str, av: ll.Value, at: T.Array, bv: ll.Value, bt: T.Array, rt: T.Type) -> ll.Value:
    b = fl.b
    t: T.Scalar = rt.dtype if isinstance(rt, T.Array) else rt
    a = Operand(fl, av, at, min(at.ndim, 2))
    b_ = Operand(fl, bv, bt, min(bt.ndim, 2))
    k = _core_check(fl, kind, a, b_)
    out_core = ([a.shape[-2]] if a.core == 2 else []) + ([b_.shape[-1]] if b_.core == 2 else [])
    batch = _batch_shape(fl, a, b_, out_core)
    a = a.replaced(convert(fl, a.value, at, t)[0]) if at.dtype != t else a
    b_ = b_.replaced(convert(fl, b_.value, bt, t)[0]) if bt.dtype != t else b_
    a.type, b_.type = T.Array(t, at.ndim), T.Array(t, bt.ndim)
    if kind == "dot" and blas.has_routines(t):
        a, b_ = dot_operand(fl, a), dot_operand(fl, b_)
    if not isinstance(rt, T.Array):          # vector . vector
        return vector_dot(fl, t, k, a, b_)
    out = allocate(fl, rt, batch + out_core)
    c = Operand(fl, out, rt, len(out_core))
    total = I64(1)
    for d in batch + out_core:
        total = b.mul(total, d)
    with b.if_then(b.icmp_signed(">", total, I64(0))):
        with b.if_else(b.icmp_signed("==", k, I64(0))) as (empty_sum, work):
            with empty_sum:
                gemm.zero_fill(fl, c.data, b.mul(total, I64(t.nbytes)))
            with work:
                products(fl, kind, t, k, a, b_, c, batch)
    return out



# ----------------------------------------------------------------------------- a @= b

def lower_store_product(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`a @= b`: the product (a new array) stored into a, whose shape it must have exactly."""
    b = fl.b
    target, value = args
    tt, vt = e.args[0].type, e.args[1].type
    nd = tt.ndim
    want = [b.extract_value(target, [1, k]) for k in range(nd)]
    got = [b.extract_value(value, [1, k]) for k in range(nd)]
    core = min(nd, 2)          # the front end made the product's rank the target's
    for k in range(nd - core):
        with b.if_then(b.icmp_signed("!=", want[k], got[k]), likely=False):
            formatted_error(fl, "ValueError", f"non-broadcastable output operand with shape {_shape_format(nd)} "
                                              f"doesn't match the broadcast shape {_shape_format(nd)}",
                            want + got, "non-broadcastable output operand")
    for j, k in enumerate(range(nd - core, nd)):
        fl.fail_if(b.icmp_signed("!=", want[k], got[k]), "ValueError",
                   f"matmul: Output operand 0 has a mismatch in its core dimension {j}, with gufunc signature "
                   f"{CORE} (size %lld is different from %lld)", (want[k], got[k]))
    assign(fl, target, tt, value, vt)
    return I1(0)
