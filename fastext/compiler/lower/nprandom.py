"""Lowering of the `np.random` operations (ops/nprandom.py): NumPy's argument checks and
errors, then one number at the call site or a new array filled by a loop.

Scalar draws and fills use the same element code, so `rng.random(n)` gives exactly the n
numbers n calls of `rng.random()` would.  A fill runs in an internal function per
distribution and element type (`fx$rng.fill.*`) that copies the state into a local first:
the four words then live in registers for the whole loop and are written back once.

Distributions (each element from the bit generator of `lower/rng.py`):
* uniform [0, 1): the top 53 bits times 2**-53 (float32: the top 24 bits times 2**-24);
* normal: the ziggurat of `lower/ziggurat.py`, then `loc + scale * z`;
* uniform [low, high): `low + (high - low) * u`, as NumPy computes it;
* integers in [low, high): Lemire's multiply-shift with rejection (unbiased; one 64-bit
  draw per number except with probability < range / 2**64).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import rng
from fastext.compiler.lower.context import F32, F64, I1, I64, I8, I8P, memory_type
from fastext.compiler.lower.rng import I128, STATE_WORDS, STATEP
from fastext.compiler.lower.ziggurat import standard_normal, unit_double
from fastext.compiler.ops.dtypes import numpy_name

_PARAM_TYPES = {"random": [], "normal": [F64, F64], "uniform": [F64, F64], "integers": [I64, I64],
                "exponential": [F64]}


# ----------------------------------------------------------------------------- the operations

def lower_seed(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`np.random.seed(s)`: NumPy's range check, then this thread's state from s (None: the OS)."""
    b = fl.b
    if args:
        (value,) = args
        bad = b.or_(b.icmp_signed("<", value, I64(0)), b.icmp_signed(">", value, I64((1 << 32) - 1)))
        fl.fail_if(bad, "ValueError", "Seed must be between 0 and 2**32 - 1")
    s = rng.stream_state(fl)
    if args:
        b.call(rng.seed(fl.ctx), [s, args[0]])
    else:
        b.call(rng.seed_os(fl.ctx), [s])
    return I1(0)


def lower_default_rng(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`np.random.default_rng(seed)`: a state in the function's frame when nothing can see the
    Generator after the variable holding it is reassigned (`_frame_local`), else in the call's
    arena; seeded from `seed`, or from the OS."""
    b = fl.b
    if args and not e.attrs.get("unsigned"):
        fl.fail_if(b.icmp_signed("<", args[0], I64(0)), "ValueError", "expected non-negative integer")
    if _frame_local(fl.fn, e):
        s = b.bitcast(fl.entry_alloca(ll.ArrayType(I64, STATE_WORDS)), STATEP)
    else:
        s = rng.new_state(fl)
    if args:
        b.call(rng.seed(fl.ctx), [s, args[0]])
    else:
        b.call(rng.seed_os(fl.ctx), [s])
    return b.bitcast(s, I8P)


_DRAWS = ("random.draw", "random.draw.np", "random.fill")


def _frame_local(fn: ir.Function, e: ir.Intrinsic) -> bool:
    """Whether the Generator `e` makes may live in a slot of the frame, one per call site: it is
    assigned to a variable that only ever holds fresh Generators and is only read to draw from.
    Then no other name, callee or result can hold it, and when the site runs again the variable
    is reassigned: the old state is unreachable.  A Generator per iteration of a long (prange)
    loop then costs no memory (the arena would keep every one until the call returns), and one
    in a prange body lives on its worker thread's stack."""
    var = next((s.var for s in ir.walk(fn.body) if isinstance(s, ir.Assign) and s.value is e), None)
    if var is None:
        return False
    drawn_from: set[int] = set()
    loads: list[ir.Load] = []
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Assign) and s.var is var and not (
                isinstance(s.value, ir.Intrinsic) and s.value.name == "random.default_rng"):
            return False
        for x in (x for c in ir.children(s) for x in ir.walk_exprs(c)):
            if isinstance(x, ir.Intrinsic) and x.name in _DRAWS and x.attrs.get("generator"):
                drawn_from.add(id(x.args[0]))
            elif isinstance(x, ir.Load) and x.var is var:
                loads.append(x)
    return all(id(x) in drawn_from for x in loads)


def lower_draw(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """One number, in the result's register type."""
    b = fl.b
    state, params = _split(fl, e, args, 0)
    prepared = _check_params(fl, e, params)
    if state is None:
        state = rng.stream_state(fl)
    dtype = _dtype(e)
    value = element(fl.ctx, b, state, e.attrs["dist"], dtype, prepared)
    if dtype == T.F32:
        return b.fpext(value, F64)      # a Python float under plain Python
    if dtype.is_bool:
        return b.icmp_unsigned("!=", value, I8(0))
    return value


def lower_fill(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """A new C-contiguous array of draws (NumPy's checks first, then the allocation's)."""
    from fastext.compiler.lower.alloc import allocate
    b = fl.b
    atype: T.Array = e.type
    state, params = _split(fl, e, args, atype.ndim)
    dims = args[len(args) - atype.ndim:]
    prepared = _check_params(fl, e, params)
    new = allocate(fl, atype, dims)
    if state is None:
        state = rng.stream_state(fl)
    count = I64(1)
    for d in dims:
        count = b.mul(count, d)
    b.call(fill_function(fl.ctx, e.attrs["dist"], atype.dtype, len(prepared)),
           [state, b.extract_value(new, 0), count] + prepared)
    return new


def _split(fl, e: ir.Intrinsic, args: list[ll.Value], ndim: int) -> tuple[ll.Value | None, list[ll.Value]]:
    """(the Generator's state or None for the module's stream, the distribution's parameters)."""
    rest = args[:len(args) - ndim]
    if e.attrs["generator"]:
        return rng.generator_state(fl, rest[0]), rest[1:]
    return None, rest


def _dtype(e: ir.Intrinsic) -> T.Scalar:
    return T.BOOL if e.attrs["dtype"] == "bool" else T.SCALARS[e.attrs["dtype"]]


# ----------------------------------------------------------------------------- NumPy's checks

def _check_params(fl, e: ir.Intrinsic, params: list[ll.Value]) -> list[ll.Value]:
    """Raise what NumPy raises for bad parameters; give the values the element code uses."""
    b = fl.b
    dist = e.attrs["dist"]
    if dist == "normal" and params:
        loc, scale = params
        # NumPy's CONS_NON_NEGATIVE: the sign bit set on a number (-0.0 too; NaN passes)
        negative = b.icmp_signed("<", b.bitcast(scale, I64), I64(0))
        fl.fail_if(b.and_(negative, b.fcmp_ordered("==", scale, scale)), "ValueError", "scale < 0")
        return [loc, scale]
    if dist == "exponential":
        (scale,) = params
        negative = b.icmp_signed("<", b.bitcast(scale, I64), I64(0))
        fl.fail_if(b.and_(negative, b.fcmp_ordered("==", scale, scale)), "ValueError", "scale < 0")
        return [scale]
    if dist == "uniform":
        low, high = params
        span = b.fsub(high, low)
        fabs = fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
        finite = b.fcmp_ordered("<", b.call(fabs, [span]), F64(float("inf")))
        message = "Range exceeds valid bounds" if not e.attrs["generator"] else "high - low range exceeds valid bounds"
        fl.fail_if(b.not_(finite), "OverflowError", message)
        return [low, span]
    if dist == "integers":
        return _check_bounds(fl, e, *params)
    return []


def _limits(t: T.Scalar) -> tuple[int, int]:
    if t.is_bool:
        return 0, 1
    if t.kind == "uint":
        return 0, (1 << t.bits) - 1
    return -(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1


def _check_bounds(fl, e: ir.Intrinsic, low: ll.Value, high: ll.Value) -> list[ll.Value]:
    """NumPy's `_rand_<type>` checks, in its order: the dtype's bounds, then an empty range
    ("high <= 0" when low is 0); the result is [low, range] with range = 0 for all 2**64 values."""
    b = fl.b
    dtype = _dtype(e)
    closed = bool(e.attrs.get("closed"))
    lo, hi = _limits(dtype)
    name = numpy_name(dtype)
    if lo > -(1 << 63):
        fl.fail_if(b.icmp_signed("<", low, I64(lo)), "ValueError", f"low is out of bounds for {name}")
    top = hi if closed else hi + 1         # the largest `high` the dtype allows
    if top < (1 << 63) - 1:
        fl.fail_if(b.icmp_signed(">", high, I64(top)), "ValueError", f"high is out of bounds for {name}")
    empty = b.icmp_signed(">" if closed else ">=", low, high)
    at_zero = b.icmp_signed("==", low, I64(0))
    fl.fail_if(b.and_(empty, at_zero), "ValueError", "high < 0" if closed else "high <= 0")
    fl.fail_if(empty, "ValueError", "low > high" if closed else "low >= high")
    span = b.sub(high, low)            # exact as an unsigned number (high > low)
    if closed:
        span = b.add(span, I64(1))     # wraps to 0 for the whole 64-bit range
    return [low, span]


# ----------------------------------------------------------------------------- elements

def element(ctx, b: ll.IRBuilder, s: ll.Value, dist: str, dtype: T.Scalar, params: list[ll.Value]) -> ll.Value:
    """One draw of `dist` from state `s`, in the array item's memory type (bool: one byte)."""
    if dist == "random":
        return unit_double(ctx, b, s) if dtype == T.F64 else _unit_float(ctx, b, s)
    if dist == "normal":
        z = b.call(standard_normal(ctx), [s])
        if params:
            z = b.fadd(params[0], b.fmul(params[1], z))
        return z if dtype == T.F64 else b.fptrunc(z, F32)
    if dist == "uniform":
        return b.fadd(params[0], b.fmul(params[1], unit_double(ctx, b, s)))
    if dist == "exponential":      # inversion: 1 - u is in (0, 1], so the log is finite
        log1p = ctx.intrinsic("log1p", F64, [F64])
        return b.fmul(params[0], b.fneg(b.call(log1p, [b.fneg(unit_double(ctx, b, s))])))
    if dist == "integers":
        value = b.add(params[0], b.call(bounded(ctx), [s, params[1]]))
        return value if dtype.bits == 64 else b.trunc(value, memory_type(dtype))
    raise ValueError(f"unknown distribution {dist}")


def _unit_float(ctx, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    """A float32 in [0, 1): the top 24 bits of one draw, times 2**-24."""
    x = b.lshr(b.call(rng.next_u64(ctx), [s]), I64(40))
    return b.fmul(b.uitofp(x, F32), F32(2.0 ** -24))


def bounded(ctx) -> ll.Function:
    """`i64 fx$rng.bounded(i64* s, i64 range)`: uniform in [0, range) (Lemire 2019, "Fast random
    integer generation in an interval"): the high word of x·range, rejecting the low words below
    2**64 mod range so that every result has the same number of x; range 0 means all of 2**64."""
    fn = ctx.module.globals.get("fx$rng.bounded")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(I64, [STATEP, I64]), "fx$rng.bounded")
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    fn.attributes.add("alwaysinline")
    s, span = fn.args
    entry, raw, product = (fn.append_basic_block(n) for n in ("entry", "raw", "product"))
    reject, retry, done = (fn.append_basic_block(n) for n in ("reject", "retry", "done"))
    b = ll.IRBuilder(entry)
    nxt = rng.next_u64(ctx)
    first = b.call(nxt, [s])
    b.cbranch(b.icmp_unsigned("==", span, I64(0)), raw, product)
    b.position_at_end(raw)
    b.ret(first)

    def multiply(x):
        m = b.mul(b.zext(x, I128), b.zext(span, I128))
        return m, b.trunc(m, I64)

    b.position_at_end(product)
    m0, low0 = multiply(first)
    b.cbranch(b.icmp_unsigned("<", low0, span), reject, done)
    b.position_at_end(reject)              # rare: the threshold costs a division
    threshold = b.urem(b.sub(I64(0), span), span)
    b.branch(retry)
    b.position_at_end(retry)
    m = b.phi(I128)
    low = b.phi(I64)
    m.add_incoming(m0, reject)
    low.add_incoming(low0, reject)
    again = fn.append_basic_block("again")
    accepted = fn.append_basic_block("accepted")
    b.cbranch(b.icmp_unsigned("<", low, threshold), again, accepted)
    b.position_at_end(again)
    m1, low1 = multiply(b.call(nxt, [s]))
    m.add_incoming(m1, again)
    low.add_incoming(low1, again)
    b.branch(retry)
    b.position_at_end(accepted)
    b.branch(done)
    b.position_at_end(done)
    result = b.phi(I128)
    result.add_incoming(m0, product)
    result.add_incoming(m, accepted)
    b.ret(b.trunc(b.lshr(result, I128(64)), I64))
    return fn


def fill_function(ctx, dist: str, dtype: T.Scalar, nparams: int) -> ll.Function:
    """`void fx$rng.fill.<dist>.<dtype>.<nparams>(i64* state, i8* out, i64 n, params...)`:
    out[0:n] = n draws, the state kept in registers meanwhile."""
    name = f"fx$rng.fill.{dist}.{dtype.name}.{nparams}"
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    ptypes = _PARAM_TYPES[dist][:nparams] if dist == "normal" else _PARAM_TYPES[dist]
    fn = ll.Function(ctx.module, ll.FunctionType(ll.VoidType(), [STATEP, I8P, I64] + ptypes), name)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    state, out, n = fn.args[:3]
    params = list(fn.args[3:])
    entry, head, body, done = (fn.append_basic_block(x) for x in ("entry", "head", "body", "done"))
    b = ll.IRBuilder(entry)
    local = b.alloca(ll.ArrayType(I64, STATE_WORDS))
    s = b.bitcast(local, STATEP)
    for k in range(STATE_WORDS):
        b.store(b.load(b.gep(state, [I64(k)]), align=8), b.gep(s, [I64(k)]))
    items = b.bitcast(out, memory_type(dtype).as_pointer())
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64)
    i.add_incoming(I64(0), entry)
    b.cbranch(b.icmp_signed("<", i, n), body, done)
    b.position_at_end(body)
    value = element(ctx, b, s, dist, dtype, params)
    b.store(value, b.gep(items, [i]), align=dtype.align)
    i.add_incoming(b.add(i, I64(1)), b.block)
    b.branch(head)
    b.position_at_end(done)
    for k in range(STATE_WORDS):
        b.store(b.load(b.gep(s, [I64(k)])), b.gep(state, [I64(k)]), align=8)
    b.ret_void()
    return fn

