"""Lowering of the `np.random` operations (ops/nprandom.py): NumPy's argument checks and
errors, then one number at the call site or a new array filled by a loop.

Scalar draws and fills use the same element code, so `rng.random(n)` gives exactly the n
numbers n calls of `rng.random()` would.  A fill runs in an internal function per
distribution and element type (`fx$rng.fill.*`) that copies the state into a local first:
the four words then live in registers for the whole loop and are written back once.

The module's stream (`np.random.rand`, ...) is NumPy's legacy RandomState, value for value:
its elements come from `legacy_element` (lower/nplegacy.py's Mersenne Twister draws, fills in
place with NumPy's buffer of small integers), its shuffles and choices from `random_interval`
and `legacy_indices_function`.  A Generator's distributions (each element from the bit
generator of `lower/rng.py`, NumPy's PCG64):
* uniform [0, 1): the top 53 bits times 2**-53 (float32: the top 24 bits of a next_uint32),
  NumPy's;
* normal: the ziggurat of `lower/ziggurat.py` (fastext's tables: not NumPy's values), then
  `loc + scale * z`;
* uniform [low, high): `low + (high - low) * u`, as NumPy computes it;
* integers in [low, high): NumPy Generator's per-dtype Lemire rejection (lower/npgenerator.py).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import binomial, mt19937, npgenerator, nplegacy, poisson, rng
from fastext.compiler.lower.context import F32, F64, I1, I32, I64, I8, I8P, memory_type
from fastext.compiler.lower.ircontrol import Var, for_range, while_loop
from fastext.compiler.lower.rng import STATE_WORDS, STATEP
from fastext.compiler.lower.ziggurat import standard_normal, unit_double
from fastext.compiler.ops.dtypes import numpy_name

_PARAM_TYPES = {"random": [], "normal": [F64, F64], "uniform": [F64, F64], "integers": [I64, I64],
                "exponential": [F64], "poisson": [F64], "binomial": [I64, F64]}


# ----------------------------------------------------------------------------- the operations

def lower_seed(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`np.random.seed(s)`: NumPy's range check, then this thread's state from s by
    init_genrand (an array: `_seed_by_array`; None: init_by_array of OS entropy)."""
    b = fl.b
    if e.attrs.get("array"):
        _seed_by_array(fl, e, args[0])
        return I1(0)
    if args:
        (value,) = args
        bad = b.or_(b.icmp_signed("<", value, I64(0)), b.icmp_signed(">", value, I64((1 << 32) - 1)))
        fl.fail_if(bad, "ValueError", "Seed must be between 0 and 2**32 - 1")
    s = rng.stream_state(fl)
    if args:
        b.call(nplegacy.seed(fl.ctx), [s, args[0]])
    else:
        b.call(mt19937.seed_os(fl.ctx), [s])
    return I1(0)


def _seed_by_array(fl, e: ir.Intrinsic, words: ll.Value) -> None:
    """`np.random.seed(a)` of a 1-D integer array: NumPy's checks (non-empty, every item in
    [0, 2**32)), then MT19937's init_by_array of the items as 32-bit words (one item: the
    int's seeding, as NumPy's squeeze makes it)."""
    from fastext.compiler.lower.alloc import allocate
    from fastext.compiler.lower.arraymap import _counted_loop, load
    b = fl.b
    dtype: T.Scalar = e.args[0].type.dtype
    n, stride, data = b.extract_value(words, [1, 0]), b.extract_value(words, [2, 0]), b.extract_value(words, 0)
    fl.fail_if(b.icmp_signed("==", n, I64(0)), "ValueError", "Seed must be non-empty")
    key = b.bitcast(b.extract_value(allocate(fl, T.Array(T.U32, 1), [n]), 0), I32.as_pointer())
    bad = fl.entry_alloca(I1)
    b.store(I1(0), bad)
    ptr = memory_type(dtype).as_pointer()

    def item(i):
        v = load(fl, b.bitcast(b.gep(data, [b.mul(i, stride)]), ptr), dtype)
        if v.type.width < 64:
            v = b.zext(v, I64) if dtype.kind == "uint" else b.sext(v, I64)
        # a u64 item of 2**63 or more reads negative: out of range either way
        out = b.or_(b.icmp_signed("<", v, I64(0)), b.icmp_signed(">", v, I64((1 << 32) - 1)))
        b.store(b.or_(b.load(bad), out), bad)
        b.store(b.trunc(v, I32), b.gep(key, [i]))
    _counted_loop(fl, n, item, "seed.words")
    fl.fail_if(b.load(bad), "ValueError", "Seed must be between 0 and 2**32 - 1")
    state = rng.stream_state(fl)
    # NumPy squeezes the array first: one item seeds as that int does (init_genrand)
    with b.if_else(b.icmp_signed("==", n, I64(1))) as (one, many):
        with one:
            b.call(nplegacy.seed(fl.ctx), [state, b.zext(b.load(key), I64)])
        with many:
            b.call(mt19937._init_by_array(fl.ctx), [state, key, n])


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


_DRAWS = ("random.draw", "random.draw.np", "random.fill", "random.shuffle", "random.permutation",
          "random.choice", "random.choice.np")


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
                drawn_from.add(id(x.args[1 if x.name == "random.shuffle" else 0]))
            elif isinstance(x, ir.Load) and x.var is var:
                loads.append(x)
    return all(id(x) in drawn_from for x in loads)


def lower_draw(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """One number, in the result's register type."""
    b = fl.b
    state, params = _split(fl, e, args, 0)
    prepared = _check_params(fl, e, params)
    dtype = _dtype(e)
    # a fresh buffer for the small integer types, as NumPy's fill of one item
    buf, bcnt = fl.entry_alloca(I32), fl.entry_alloca(I32)
    b.store(I32(0), bcnt)
    b.store(I32(0), buf)
    if state is None:
        value = legacy_element(fl.ctx, b, rng.stream_state(fl), e.attrs["dist"], dtype, prepared, buf, bcnt)
    else:
        value = element(fl.ctx, b, state, e.attrs["dist"], dtype, prepared, buf, bcnt)
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
    count = I64(1)
    for d in dims:
        count = b.mul(count, d)
    # NumPy's integer fills return an empty array before looking at the bounds
    prepared = _check_params(fl, e, params, b.icmp_signed("!=", count, I64(0)))
    new = allocate(fl, atype, dims)
    legacy = state is None
    if legacy:
        state = rng.stream_state(fl)
    b.call(fill_function(fl.ctx, e.attrs["dist"], atype.dtype, len(prepared), legacy),
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

def _check_params(fl, e: ir.Intrinsic, params: list[ll.Value], items: ll.Value | None = None) -> list[ll.Value]:
    """Raise what NumPy raises for bad parameters; give the values the element code uses.
    `items`: whether a fill has any item (integers' bounds are checked only then)."""
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
    if dist == "binomial":
        n, p = params
        # NumPy's order: p's CONS_BOUNDED_0_1 (NaN fails it), then n's CONS_NON_NEGATIVE
        inside = b.and_(b.fcmp_ordered(">=", p, F64(0.0)), b.fcmp_ordered("<=", p, F64(1.0)))
        fl.fail_if(b.not_(inside), "ValueError", "p < 0, p > 1 or p is NaN")
        fl.fail_if(b.icmp_signed("<", n, I64(0)), "ValueError", "n < 0")
        return [n, p]
    if dist == "poisson":
        (lam,) = params
        # NumPy's CONS_POISSON: not (lam >= 0) covers NaN; then its bound on lam
        fl.fail_if(b.fcmp_unordered("<", lam, F64(0.0)), "ValueError", "lam < 0 or lam is NaN")
        fl.fail_if(b.fcmp_ordered(">", lam, F64(poisson.LAM_MAX)), "ValueError", "lam value too large")
        return [lam]
    if dist == "uniform":
        low, high = params
        span = b.fsub(high, low)
        fabs = fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
        finite = b.fcmp_ordered("<", b.call(fabs, [span]), F64(float("inf")))
        message = "Range exceeds valid bounds" if not e.attrs["generator"] else "high - low range exceeds valid bounds"
        fl.fail_if(b.not_(finite), "OverflowError", message)
        return [low, span]
    if dist == "integers":
        return _check_bounds(fl, e, *params, items)
    return []


def _limits(t: T.Scalar) -> tuple[int, int]:
    if t.is_bool:
        return 0, 1
    if t.kind == "uint":
        return 0, (1 << t.bits) - 1
    return -(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1


def _check_bounds(fl, e: ir.Intrinsic, low: ll.Value, high: ll.Value, items: ll.Value | None = None) -> list[ll.Value]:
    """NumPy's `_rand_<type>` checks, in its order: the dtype's bounds, then an empty range
    ("high <= 0" when low is 0) — none for a fill of no items; the result is [low, range] with
    range = 0 for all 2**64 values."""
    b = fl.b

    def check(cond, kind, message):
        fl.fail_if(cond if items is None else b.and_(cond, items), kind, message)
    dtype = _dtype(e)
    closed = bool(e.attrs.get("closed"))
    lo, hi = _limits(dtype)
    name = numpy_name(dtype)
    if lo > -(1 << 63):
        check(b.icmp_signed("<", low, I64(lo)), "ValueError", f"low is out of bounds for {name}")
    top = hi if closed else hi + 1         # the largest `high` the dtype allows
    if top < (1 << 63) - 1:
        check(b.icmp_signed(">", high, I64(top)), "ValueError", f"high is out of bounds for {name}")
    empty = b.icmp_signed(">" if closed else ">=", low, high)
    at_zero = b.icmp_signed("==", low, I64(0))
    check(b.and_(empty, at_zero), "ValueError", "high < 0" if closed else "high <= 0")
    check(empty, "ValueError", "low > high" if closed else "low >= high")
    span = b.sub(high, low)            # exact as an unsigned number (high > low)
    if closed:
        span = b.add(span, I64(1))     # wraps to 0 for the whole 64-bit range
    return [low, span]


# ----------------------------------------------------------------------------- elements

def element(ctx, b: ll.IRBuilder, s: ll.Value, dist: str, dtype: T.Scalar, params: list[ll.Value],
            buf: ll.Value, bcnt: ll.Value) -> ll.Value:
    """One draw of `dist` from a Generator's state `s`, in the array item's memory type (bool:
    one byte); `buf`, `bcnt`: the fill's buffer of small integers (NumPy's)."""
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
    if dist == "poisson":
        return b.call(poisson.poisson(ctx, False), [s, params[0]])
    if dist == "binomial":
        return b.call(binomial.binomial(ctx, False), [s] + params)
    if dist == "integers":
        bits = 1 if dtype.is_bool else dtype.bits
        value = b.add(params[0], b.call(npgenerator.bounded(ctx, bits), [s, params[1], buf, bcnt]))
        return value if dtype.bits == 64 else b.trunc(value, memory_type(dtype))
    raise ValueError(f"unknown distribution {dist}")


def legacy_element(ctx, b: ll.IRBuilder, s: ll.Value, dist: str, dtype: T.Scalar, params: list[ll.Value],
                   buf: ll.Value, bcnt: ll.Value) -> ll.Value:
    """One draw of `dist` from the module's stream, as NumPy's RandomState draws it
    (lower/nplegacy.py); `buf`, `bcnt`: the fill's buffer of small integers."""
    if dist == "random":
        return b.call(nplegacy.double(ctx), [s])
    if dist == "normal":
        z = b.call(nplegacy.gauss(ctx), [s])
        return b.fadd(params[0], b.fmul(params[1], z)) if params else z
    if dist == "uniform":
        return b.fadd(params[0], b.fmul(params[1], b.call(nplegacy.double(ctx), [s])))
    if dist == "exponential":
        return b.fmul(params[0], nplegacy.exponential(ctx, b, s))
    if dist == "poisson":
        return b.call(poisson.poisson(ctx, True), [s, params[0]])
    if dist == "binomial":
        return b.call(binomial.binomial(ctx, True), [s] + params)
    if dist == "integers":
        # NumPy's closed range [low, high - 1]: rng = span - 1, drawn with the dtype's words
        bits = 1 if dtype.is_bool else dtype.bits
        value = b.add(params[0], b.call(nplegacy.masked(ctx, bits), [s, b.sub(params[1], I64(1)), buf, bcnt]))
        return value if dtype.bits == 64 else b.trunc(value, memory_type(dtype))
    raise ValueError(f"unknown distribution {dist}")


def _unit_float(ctx, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    """A float32 in [0, 1), NumPy's next_float: the top 24 bits of a next_uint32, times 2**-24."""
    x = b.lshr(b.call(rng.next_u32(ctx), [s]), I32(8))
    return b.fmul(b.uitofp(x, F32), F32(2.0 ** -24))


def fill_function(ctx, dist: str, dtype: T.Scalar, nparams: int, legacy: bool = False) -> ll.Function:
    """`void fx$rng.fill.<dist>.<dtype>.<nparams>(i64* state, i8* out, i64 n, params...)`:
    out[0:n] = n draws, the state kept in registers meanwhile (a Generator's PCG64 state);
    `legacy`: the module's Mersenne Twister (`fx$np.fill.*`), drawn in place with one buffer
    of small integers for the whole fill, as NumPy's fills."""
    name = f"fx${'np' if legacy else 'rng'}.fill.{dist}.{dtype.name}.{nparams}"
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
    buf, bcnt = b.alloca(I32), b.alloca(I32)
    b.store(I32(0), buf)
    b.store(I32(0), bcnt)
    if legacy:
        s = state
    else:
        local = b.alloca(ll.ArrayType(I64, STATE_WORDS))
        s = b.bitcast(local, STATEP)
        rng.copy_state(b, state, s)
    items = b.bitcast(out, memory_type(dtype).as_pointer())
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64)
    i.add_incoming(I64(0), entry)
    b.cbranch(b.icmp_signed("<", i, n), body, done)
    b.position_at_end(body)
    if legacy:
        value = legacy_element(ctx, b, s, dist, dtype, params, buf, bcnt)
    else:
        value = element(ctx, b, s, dist, dtype, params, buf, bcnt)
    b.store(value, b.gep(items, [i]), align=dtype.align)
    i.add_incoming(b.add(i, I64(1)), b.block)
    b.branch(head)
    b.position_at_end(done)
    if not legacy:
        rng.copy_state(b, s, state)
    b.ret_void()
    return fn



# ----------------------------------------------------------------------------- shuffle, permutation, choice
#
# Fisher–Yates with `bounded` (each of the n! orders equally likely: position i takes a uniform
# item of [0, i]); choice draws indices into an i64 buffer, then gathers the items of `a`.
# The loops run in internal functions that copy the state into a local, as the fills do.

SQRT_EPS = 2.0 ** -26      # NumPy's tolerance on sum(p): sqrt(finfo(float64).eps)


def _internal(ctx, name: str, args: list[ll.Type], ret: ll.Type = None):
    """(fn, builder, local state or None, args) for a new internal function, or (fn, None, ...) if it exists."""
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn, None
    fn = ll.Function(ctx.module, ll.FunctionType(ret or ll.VoidType(), args), name)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    return fn, ll.IRBuilder(fn.append_basic_block("entry"))


def _local_state(b: ll.IRBuilder, state: ll.Value, in_place: bool = False) -> ll.Value:
    if in_place:         # 2.5 KB of Mersenne Twister: drawn in place
        return state
    s = b.bitcast(b.alloca(ll.ArrayType(I64, STATE_WORDS)), STATEP)
    rng.copy_state(b, state, s)
    return s


def _store_state(b: ll.IRBuilder, s: ll.Value, state: ll.Value) -> None:
    if s is state:
        return
    rng.copy_state(b, s, state)


def shuffle_function(ctx, nbytes: int, legacy: bool = False, python: bool = False) -> ll.Function:
    """`void fx$rng.shuffle.<nbytes>(i64* state, i8* data, i64 n, i64 stride0, i64 m, i64 stride1)`:
    Fisher–Yates over the n rows at `data + i*stride0`, each of m items of `nbytes` bytes
    `stride1` apart: for i from n-1 down to 1, swap rows i and bounded(i + 1) — `legacy`
    (`fx$np.shuffle.*`, the module's stream): NumPy's random_interval(i), as RandomState.shuffle;
    `python` (`fx$py.shuffle.*`, Python's `random` stream): CPython's _randbelow(i + 1)."""
    stream = "py" if python else "np" if legacy else "rng"
    fn, b = _internal(ctx, f"fx${stream}.shuffle.{nbytes}", [STATEP, I8P, I64, I64, I64, I64])
    if b is None:
        return fn
    state, data, n, s0, m, s1 = fn.args
    s = _local_state(b, state, legacy or python)
    item = ll.IntType(8 * nbytes).as_pointer()

    def step(k):                      # i = n - 1 - k, for k in [0, n - 1)
        i = b.sub(b.sub(n, I64(1)), k)
        if python:
            j = b.call(mt19937.below(ctx), [s, b.add(i, I64(1))])
        elif legacy:
            j = b.call(nplegacy.interval(ctx), [s, i])
        else:
            j = b.call(npgenerator.interval(ctx), [s, i])
        ri, rj = b.gep(data, [b.mul(i, s0)]), b.gep(data, [b.mul(j, s0)])

        def swap(t):
            off = b.mul(t, s1)
            pi, pj = b.bitcast(b.gep(ri, [off]), item), b.bitcast(b.gep(rj, [off]), item)
            vi, vj = b.load(pi, align=1), b.load(pj, align=1)
            b.store(vj, pi, align=1)
            b.store(vi, pj, align=1)
        same, differ, after = (fn.append_basic_block(x) for x in ("same", "swap", "next"))
        b.cbranch(b.icmp_signed("==", i, j), same, differ)
        b.position_at_end(differ)
        for_range(b, I64(0), m, swap, "row")
        b.branch(after)
        b.position_at_end(same)
        b.branch(after)
        b.position_at_end(after)
    for_range(b, I64(0), b.sub(n, I64(1)), step, "fy")
    _store_state(b, s, state)
    b.ret_void()
    return fn


def _state_and_rest(fl, e: ir.Intrinsic, args: list[ll.Value]) -> tuple[ll.Value, list[ll.Value]]:
    if e.attrs["generator"]:
        return rng.generator_state(fl, args[0]), args[1:]
    return rng.stream_state(fl), args


def lower_shuffle(fl, e: ir.Intrinsic, args: list[ll.Value]) -> None:
    """`shuffle(x)`: rows (items of a 1-D array) in place, with their strides."""
    b = fl.b
    a = args[0]
    atype: T.Array = e.args[0].type
    state = rng.generator_state(fl, args[1]) if e.attrs["generator"] else rng.stream_state(fl)
    n, s0 = b.extract_value(a, [1, 0]), b.extract_value(a, [2, 0])
    m, s1 = (b.extract_value(a, [1, 1]), b.extract_value(a, [2, 1])) if atype.ndim == 2 else (I64(1), I64(0))
    if e.attrs["generator"] and atype.ndim == 2:     # NumPy's Generator draws nothing for an empty array
        n = b.select(b.icmp_signed("==", m, I64(0)), I64(0), n)
    b.call(shuffle_function(fl.ctx, atype.dtype.nbytes, not e.attrs["generator"]),
           [state, b.extract_value(a, 0), n, s0, m, s1])
    return None


def lower_permutation(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`permutation(n)`: arange(n) (empty for n < 0, as NumPy), shuffled; `permutation(a)`: a
    C-contiguous copy of `a`, its rows shuffled as blocks of bytes."""
    from fastext.compiler.lower.alloc import _copy, allocate
    from fastext.compiler.lower.arraymap import _counted_loop
    b = fl.b
    state, (x,) = _state_and_rest(fl, e, args)
    atype: T.Array = e.type
    if e.attrs["population"] == "int":
        n = b.select(b.icmp_signed("<", x, I64(0)), I64(0), x)
        new = allocate(fl, atype, [n])
        items = b.bitcast(b.extract_value(new, 0), I64.as_pointer())
        _counted_loop(fl, n, lambda i: b.store(i, b.gep(items, [i]), align=8), "arange")
        b.call(shuffle_function(fl.ctx, 8, not e.attrs["generator"]),
               [state, b.extract_value(new, 0), n, I64(8), I64(1), I64(0)])
        return new
    dims = [b.extract_value(x, [1, k]) for k in range(atype.ndim)]
    new = allocate(fl, atype, dims)
    _copy(fl, dims, [(new, atype), (x, atype)])
    m = I64(1)
    for d in dims[1:]:
        m = b.mul(m, d)
        # a row of a C-contiguous copy: m items, `nbytes` apart
    nbytes = atype.dtype.nbytes
    b.call(shuffle_function(fl.ctx, nbytes, not e.attrs["generator"]),
           [state, b.extract_value(new, 0), dims[0], b.mul(m, I64(nbytes)), m, I64(nbytes)])
    return new


def weights_function(ctx) -> ll.Function:
    """`double fx$rng.weights(i8* p, i64 stride, i64 n, double* w, i64* stats)`: w = p
    (contiguous), stats = [any p < 0, count of p > 0]; returns sum(p) (NaN if any is)."""
    fn, b = _internal(ctx, "fx$rng.weights", [I8P, I64, I64, F64.as_pointer(), I64.as_pointer()], F64)
    if b is None:
        return fn
    p, stride, n, w, stats = fn.args
    total = b.alloca(F64)
    b.store(F64(0.0), total)
    b.store(I64(0), b.gep(stats, [I64(0)]))
    b.store(I64(0), b.gep(stats, [I64(1)]))

    def body(i):
        v = b.load(b.bitcast(b.gep(p, [b.mul(i, stride)]), F64.as_pointer()), align=8)
        b.store(v, b.gep(w, [i]))
        b.store(b.fadd(b.load(total), v), total)
        neg = b.gep(stats, [I64(0)])
        b.store(b.or_(b.load(neg), b.zext(b.fcmp_ordered("<", v, F64(0.0)), I64)), neg)
        pos = b.gep(stats, [I64(1)])
        b.store(b.add(b.load(pos), b.zext(b.fcmp_ordered(">", v, F64(0.0)), I64)), pos)
    for_range(b, I64(0), n, body, "w")
    b.ret(b.load(total))
    return fn


def kahan_function(ctx) -> ll.Function:
    """`double fx$np.kahan(double* w, i64 n)`: NumPy's legacy kahan_sum of w[0:n] (starting
    from w[0]; 0 when n is 0), the sum RandomState.choice compares with 1."""
    fn, b = _internal(ctx, "fx$np.kahan", [F64.as_pointer(), I64], F64)
    if b is None:
        return fn
    w, n = fn.args
    with b.if_then(b.icmp_signed("<=", n, I64(0))):
        b.ret(F64(0.0))
    total, carry = Var(b, F64, b.load(w)), Var(b, F64, F64(0.0))

    def add(i):
        y = b.fsub(b.load(b.gep(w, [i])), carry.get())
        t = b.fadd(total.get(), y)
        carry.set(b.fsub(b.fsub(t, total.get()), y))
        total.set(t)
    for_range(b, I64(1), n, add, "kahan")
    b.ret(total.get())
    return fn


def indices_function(ctx, mode: str, shuffle: bool = True) -> ll.Function:
    """`void fx$gen.choice.<mode>(i64* state, i64* idx, i64 count, i64 n, double* w, i64* scratch)`:
    idx[0:count] = the positions in [0, n) NumPy's Generator.choice draws —
    `uniform`: integers(0, n) each; `cdf`: w made the normalised cumulative sum (as NumPy: cumsum(p) /
    its last), then the first position whose cdf exceeds a uniform u (binary search);
    `distinct`: a tail shuffle of arange(n) or Floyd's sampling (lower/npgenerator.py; scratch:
    `npgenerator.distinct`'s words), shuffled when `shuffle`; `distinct_weighted`: the rounds
    RandomState.choice runs too (`legacy_indices_function`) on the Generator's doubles."""
    if mode == "distinct_weighted":
        return legacy_indices_function(ctx, mode, generator=True)
    suffix = "" if shuffle or mode != "distinct" else ".noshuffle"
    fn, b = _internal(ctx, f"fx$gen.choice.{mode}{suffix}", [STATEP, I64.as_pointer(), I64, I64,
                                                             F64.as_pointer(), I64.as_pointer()])
    if b is None:
        return fn
    s, idx, count, n, w, scratch = fn.args
    if mode == "uniform":
        top = b.sub(n, I64(1))
        for_range(b, I64(0), count, lambda k: b.store(npgenerator.closed(ctx, b, s, top), b.gep(idx, [k])), "draw")
    elif mode == "cdf":
        _cdf(b, w, w, n)
        for_range(b, I64(0), count,
                  lambda k: b.store(_search_right(b, w, n, unit_double(ctx, b, s)), b.gep(idx, [k])), "draw")
    else:
        npgenerator.distinct(ctx, b, s, idx, count, n, scratch, shuffle)
    b.ret_void()
    return fn


def _cdf(b: ll.IRBuilder, w: ll.Value, cdf: ll.Value, n: ll.Value) -> None:
    """cdf[0:n] = cumsum(w) / its last (NumPy: `cdf = p.cumsum(); cdf /= cdf[-1]`); cdf may be w."""
    acc = Var(b, F64, F64(0.0))

    def cumulate(i):
        acc.set(b.fadd(acc.get(), b.load(b.gep(w, [i]))))
        b.store(acc.get(), b.gep(cdf, [i]))
    for_range(b, I64(0), n, cumulate, "cum")
    last = acc.get()
    for_range(b, I64(0), n, lambda i: b.store(b.fdiv(b.load(b.gep(cdf, [i])), last), b.gep(cdf, [i])), "norm")


def _search_right(b: ll.IRBuilder, cdf: ll.Value, n: ll.Value, u: ll.Value) -> ll.Value:
    """NumPy's `cdf.searchsorted(u, side='right')`: the first position whose cdf exceeds u
    (the last cdf is 1 > u, so one exists)."""
    lo, hi = Var(b, I64, I64(0)), Var(b, I64, b.sub(n, I64(1)))

    def halve():
        l, h = lo.get(), hi.get()
        mid = b.add(l, b.lshr(b.sub(h, l), I64(1)))
        above = b.fcmp_ordered(">", b.load(b.gep(cdf, [mid])), u)
        lo.set(b.select(above, l, b.add(mid, I64(1))))
        hi.set(b.select(above, mid, h))
    while_loop(b, lambda: b.icmp_signed("<", lo.get(), hi.get()), halve, "search")
    return lo.get()


def legacy_indices_function(ctx, mode: str, generator: bool = False) -> ll.Function:
    """`void fx$np.choice.<mode>(i64* state, i64* idx, i64 count, i64 n, double* w, i64* scratch)`:
    the positions NumPy's legacy `RandomState.choice` draws, in its order —
    `uniform`: randint(0, n) each; `cdf`: random_sample() each, searched in the normalised
    cumulative sum of w; `distinct`: the first `count` of permutation(n) (scratch: n words);
    `distinct_weighted`: NumPy's rounds — the weights of the positions found so far zeroed,
    `count - found` uniforms searched in the new cdf, the new distinct positions kept in the
    order of their first draw (scratch: 2n words, the cdf and the round each position was
    last drawn in).  `generator`: the same on a Generator's state and doubles (`fx$gen.choice.*`)."""
    fn, b = _internal(ctx, f"fx${'gen' if generator else 'np'}.choice.{mode}", [STATEP, I64.as_pointer(), I64, I64, F64.as_pointer(),
                                                     I64.as_pointer()])
    if b is None:
        return fn
    s, idx, count, n, w, scratch = fn.args

    def double():
        return unit_double(ctx, b, s) if generator else b.call(nplegacy.double(ctx), [s])
    if mode == "uniform":
        buf, bcnt = b.alloca(I32), b.alloca(I32)
        b.store(I32(0), buf)
        b.store(I32(0), bcnt)
        draw = nplegacy.masked(ctx, 64)
        for_range(b, I64(0), count,
                  lambda k: b.store(b.call(draw, [s, b.sub(n, I64(1)), buf, bcnt]), b.gep(idx, [k])), "draw")
    elif mode == "cdf":
        _cdf(b, w, w, n)
        for_range(b, I64(0), count,
                  lambda k: b.store(_search_right(b, w, n, double()), b.gep(idx, [k])),
                  "draw")
    elif mode == "distinct":
        for_range(b, I64(0), n, lambda i: b.store(i, b.gep(scratch, [i])), "arange")
        b.call(shuffle_function(ctx, 8, True), [s, b.bitcast(scratch, I8P), n, I64(8), I64(1), I64(0)])
        for_range(b, I64(0), count, lambda k: b.store(b.load(b.gep(scratch, [k])), b.gep(idx, [k])), "take")
    else:
        cdf = b.bitcast(scratch, F64.as_pointer())
        rounds = b.gep(scratch, [n])
        for_range(b, I64(0), n, lambda i: b.store(I64(-1), b.gep(rounds, [i])), "marks")
        found, round_no = Var(b, I64, I64(0)), Var(b, I64, I64(0))

        def one_round():
            start = found.get()
            for_range(b, I64(0), start, lambda k: b.store(F64(0.0), b.gep(w, [b.load(b.gep(idx, [k]))])), "zero")
            _cdf(b, w, cdf, n)

            def draw(_):
                j = _search_right(b, cdf, n, double())
                mark = b.gep(rounds, [j])
                with b.if_then(b.icmp_signed("!=", b.load(mark), round_no.get())):
                    b.store(round_no.get(), mark)
                    b.store(j, b.gep(idx, [found.get()]))
                    found.set(b.add(found.get(), I64(1)))
            for_range(b, I64(0), b.sub(count, start), draw, "draw")
            round_no.set(b.add(round_no.get(), I64(1)))
        while_loop(b, lambda: b.icmp_signed("<", found.get(), count), one_round, "rounds")
    b.ret_void()
    return fn


def lower_choice(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`choice(a, size, replace, p)`: NumPy's checks in its order, indices, then the items."""
    from fastext.compiler.lower.alloc import allocate
    from fastext.compiler.lower.arraymap import _counted_loop, load
    b = fl.b
    generator = e.attrs["generator"]
    state, rest = _state_and_rest(fl, e, args)
    a = rest[0]
    weighted, replace = e.attrs["weights"], e.attrs["replace"]
    p = rest[1] if weighted else None
    dims = rest[1 + weighted:]
    scalar = not isinstance(e.type, T.Array)
    by_int = e.attrs["population"] == "int"
    n = a if by_int else b.extract_value(a, [1, 0])
    count = I64(1)
    for d in dims:
        count = b.mul(count, d)
    if by_int:
        message = ("a must be a positive integer unless no samples are taken" if generator
                   else "a must be greater than 0 unless no samples are taken")
    else:
        message = ("a cannot be empty unless no samples are taken" if generator
                   else "'a' cannot be empty unless no samples are taken")
    fl.fail_if(b.and_(b.icmp_signed("<=", n, I64(0)), b.icmp_signed("!=", count, I64(0))), "ValueError", message)
    w = ll.Constant(F64.as_pointer(), None)
    stats = None
    if weighted:
        fl.fail_if(b.icmp_signed("!=", b.extract_value(p, [1, 0]), n), "ValueError",
                   "a and p must have same size" if generator else "'a' and 'p' must have same size")
        buffer = allocate(fl, T.Array(T.F64, 1), [n])
        w = b.bitcast(b.extract_value(buffer, 0), F64.as_pointer())
        stats = b.bitcast(fl.entry_alloca(ll.ArrayType(I64, 2)), I64.as_pointer())
        total = b.call(weights_function(fl.ctx), [b.extract_value(p, 0), b.extract_value(p, [2, 0]), n, w, stats])
        if not generator:       # RandomState.choice checks a Kahan sum of p
            total = b.call(kahan_function(fl.ctx), [w, n])
        cap = "P" if generator else "p"
        fl.fail_if(b.fcmp_unordered("uno", total, total), "ValueError", f"{cap}robabilities contain NaN")
        fl.fail_if(b.icmp_signed("!=", b.load(b.gep(stats, [I64(0)])), I64(0)), "ValueError",
                   f"{cap}robabilities are not non-negative")
        fabs = fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
        off = b.call(fabs, [b.fsub(total, F64(1.0))])
        fl.fail_if(b.fcmp_unordered(">", off, F64(SQRT_EPS)), "ValueError",
                   "Probabilities do not sum to 1. See Notes section of docstring for more information."
                   if generator else "probabilities do not sum to 1")
    if not replace:
        fl.fail_if(b.icmp_signed(">", count, n), "ValueError",
                   "Cannot take a larger sample than population when replace is False" if generator
                   else "Cannot take a larger sample than population when 'replace=False'")
        if weighted:
            fl.fail_if(b.icmp_signed("<", b.load(b.gep(stats, [I64(1)])), count), "ValueError",
                       "Fewer non-zero entries in p than size")
    out = None if scalar else allocate(fl, e.type, list(dims))
    if scalar:
        idx = fl.entry_alloca(I64)
    elif by_int:
        idx = b.bitcast(b.extract_value(out, 0), I64.as_pointer())
    else:
        idx = b.bitcast(b.extract_value(allocate(fl, T.Array(T.I64, 1), [count]), 0), I64.as_pointer())
    scratch = fl.entry_alloca(I64) if weighted else ll.Constant(I64.as_pointer(), None)
    mode = ("cdf" if weighted else "uniform") if replace else ("distinct_weighted" if weighted else "distinct")
    shuffle = e.attrs.get("shuffle", True)
    if mode == "distinct":
        words = n
        if generator:       # Floyd's hash set, unless NumPy's heuristic shuffles arange(n)'s tail
            words = b.select(npgenerator.tail_shuffle(n, count, b, shuffle), n, npgenerator.floyd_words(b, count))
        scratch = b.bitcast(b.extract_value(allocate(fl, T.Array(T.I64, 1), [words]), 0), I64.as_pointer())
    elif mode == "distinct_weighted":
        scratch = b.bitcast(b.extract_value(allocate(fl, T.Array(T.I64, 1), [b.mul(n, I64(2))]), 0),
                            I64.as_pointer())
    if generator:
        b.call(indices_function(fl.ctx, mode, shuffle), [state, idx, count, n, w, scratch])
    else:
        b.call(legacy_indices_function(fl.ctx, mode), [state, idx, count, n, w, scratch])
    if by_int:
        return b.load(idx) if scalar else out
    dtype: T.Scalar = e.args[1 if generator else 0].type.dtype
    ptr = memory_type(dtype).as_pointer()
    src, stride = b.extract_value(a, 0), b.extract_value(a, [2, 0])

    def item(k):
        return b.bitcast(b.gep(src, [b.mul(b.load(b.gep(idx, [k])), stride)]), ptr)
    if scalar:
        return load(fl, item(I64(0)), dtype)
    items = b.bitcast(b.extract_value(out, 0), ptr)
    _counted_loop(fl, count, lambda k: b.store(b.load(item(k), align=dtype.align), b.gep(items, [k]),
                                                align=dtype.align), "gather")
    return out
