"""NumPy's legacy random stream (`numpy.random.RandomState`, the module functions
`np.random.seed/rand/randn/randint/...`) in compiled code, bit for bit: MT19937 with NumPy's
legacy draws on top, so that `np.random.seed(n)` in `.fx` code gives the numbers NumPy gives
(docs/numpy-random.md).

The state is lower/mt19937.py's block (624 words, the index, the kept normal and its flag), one
per thread (lower/rng.py's `NUMPY_STREAM`).  The draws follow NumPy's documented legacy
algorithms (numpy/random/src/legacy, distributions.c):

    f64 fx$np.double(s)            two words: (a >> 5, b >> 6) as a 53-bit fraction
    f64 fx$np.gauss(s)             the polar method, keeping the pair's second number
    i64 fx$np.masked.<bits>(s, rng, buf*, bcnt*)
                                   [0, rng] by masked rejection, drawing words of `bits` bits
                                   (8 and 16 from a buffered 32-bit word, as NumPy's fills)
    i64 fx$np.interval(s, max)     random_interval: [0, max], the shuffles' draw
    void fx$np.seed(s, n)          init_genrand(n) (NumPy's seed of an int in [0, 2**32))

Everything is emitted once per module, on first use.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.lower import mt19937
from fastext.compiler.lower.context import F64, I32, I64, ModuleContext
from fastext.compiler.lower.ircontrol import Var, do_while, for_range
from fastext.compiler.lower.mt19937 import GAUSS, HAS_GAUSS, INDEX, N, STATEP, _mt, _slot

I32P = I32.as_pointer()


def _define(ctx: ModuleContext, name: str, ret: ll.Type, args: list[ll.Type], build, inline: bool = False):
    from fastext.compiler.lower.rng import _define as define
    return define(ctx, name, ret, args, build, inline)


def seed(ctx: ModuleContext) -> ll.Function:
    """`void fx$np.seed(i64* s, i64 n)`: NumPy's `mt19937_seed` (Matsumoto and Nishimura's
    init_genrand) of n's low 32 bits; the kept normal is dropped (`_reset_state_variables`)."""
    def build(fn, b):
        s, n = fn.args
        b.store(b.trunc(n, I32), _mt(b, s, I64(0)))

        def step(k):
            prev = b.load(_mt(b, s, b.sub(k, I64(1))))
            value = b.add(b.mul(I32(1812433253), b.xor(prev, b.lshr(prev, I32(30)))), b.trunc(k, I32))
            b.store(value, _mt(b, s, k))
        for_range(b, I64(1), I64(N), step, "genrand")
        b.store(I64(N), _slot(b, s, INDEX))
        b.store(I64(0), _slot(b, s, HAS_GAUSS))
        b.store(F64(0.0), _slot(b, s, GAUSS, F64))
        b.ret_void()
    fn = _define(ctx, "fx$np.seed", ll.VoidType(), [STATEP, I64], build)
    if "noinline" not in fn.attributes:
        fn.attributes.add("noinline")
    return fn


def double(ctx: ModuleContext) -> ll.Function:
    """NumPy's `mt19937_next_double`: the same 53-bit fraction as CPython's random()."""
    return mt19937.random(ctx)


def u32(ctx: ModuleContext, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    """One tempered word, zero-extended to i64."""
    return b.zext(b.call(mt19937.next_u32(ctx), [s]), I64)


def u64(ctx: ModuleContext, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    """NumPy's `mt19937_next64`: the first word is the high half."""
    high = u32(ctx, b, s)
    return b.or_(b.shl(high, I64(32)), u32(ctx, b, s))


def gauss(ctx: ModuleContext) -> ll.Function:
    """`f64 fx$np.gauss(i64* s)`: NumPy's `legacy_gauss`: the kept number if there is one, else
    the polar method on points of the square (-1, 1)² until one falls inside the unit circle
    (and not on its centre): f·x2 now, f·x1 kept."""
    def build(fn, b):
        s = fn.args[0]
        has, kept = _slot(b, s, HAS_GAUSS), _slot(b, s, GAUSS, F64)
        with b.if_then(b.icmp_signed("!=", b.load(has), I64(0))):
            b.store(I64(0), has)
            value = b.load(kept)
            b.store(F64(0.0), kept)
            b.ret(value)
        x1, x2, r2 = Var(b, F64), Var(b, F64), Var(b, F64)

        def point():
            x1.set(b.fsub(b.fmul(F64(2.0), b.call(double(ctx), [s])), F64(1.0)))
            x2.set(b.fsub(b.fmul(F64(2.0), b.call(double(ctx), [s])), F64(1.0)))
            r2.set(b.fadd(b.fmul(x1.get(), x1.get()), b.fmul(x2.get(), x2.get())))
        do_while(b, point, lambda: b.or_(b.fcmp_unordered(">=", r2.get(), F64(1.0)),
                                          b.fcmp_ordered("==", r2.get(), F64(0.0))), "polar")
        log = b.call(ctx.libm("log", 1), [r2.get()])
        f = b.call(ctx.libm("sqrt", 1), [b.fdiv(b.fmul(F64(-2.0), log), r2.get())])
        b.store(b.fmul(f, x1.get()), kept)
        b.store(I64(1), has)
        b.ret(b.fmul(f, x2.get()))
    return _define(ctx, "fx$np.gauss", F64, [STATEP], build)


def exponential(ctx: ModuleContext, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    """NumPy's `legacy_standard_exponential`: -log(1 - u)."""
    u = b.call(double(ctx), [s])
    return b.fneg(b.call(ctx.libm("log", 1), [b.fsub(F64(1.0), u)]))


def mask(ctx: ModuleContext, b: ll.IRBuilder, rng: ll.Value) -> ll.Value:
    """NumPy's gen_mask: the smallest 2**k - 1 >= rng (rng > 0)."""
    ctlz = ctx.intrinsic("llvm.ctlz.i64", I64, [I64, ll.IntType(1)])
    return b.lshr(I64(-1), b.call(ctlz, [rng, ll.IntType(1)(1)]))


def masked(ctx: ModuleContext, bits: int) -> ll.Function:
    """`i64 fx$np.masked.<bits>(i64* s, i64 rng, i32* buf, i32* bcnt)`: NumPy's
    `random_bounded_uint<bits>_fill` for one item of [0, rng] (rng taken unsigned, without the
    offset): rng 0 draws nothing; the full range of the word is one raw word; else words masked
    to rng's bit length, redrawn while above rng.  Words of 64 bits are two MT words (high
    first), 32 one MT word; 16 and 8 are the low halves / bytes of a buffered MT word, in the
    order NumPy takes them (`buf`, `bcnt`: the fill's buffer, zero for a fresh one); 1 is
    NumPy's bool: one bit of a buffered word, no mask."""
    def build(fn, b):
        s, rng, buf, bcnt = fn.args
        with b.if_then(b.icmp_unsigned("==", rng, I64(0))):
            b.ret(I64(0))

        def word():
            if bits == 64:
                return u64(ctx, b, s)
            if bits == 32:
                return u32(ctx, b, s)
            per_word = {16: 1, 8: 3, 1: 31}[bits]
            fresh = b.icmp_signed("==", b.load(bcnt), I32(0))
            with b.if_else(fresh) as (then, otherwise):
                with then:
                    b.store(b.call(mt19937.next_u32(ctx), [s]), buf)
                    b.store(I32(per_word), bcnt)
                with otherwise:
                    b.store(b.lshr(b.load(buf), I32(bits)), buf)
                    b.store(b.sub(b.load(bcnt), I32(1)), bcnt)
            return b.zext(b.and_(b.load(buf), I32((1 << bits) - 1)), I64)
        if bits == 1:
            b.ret(word())
            return
        if bits == 64:
            # ranges that fit 32 bits draw one 32-bit word per try, as NumPy's uint64 fill does
            with b.if_then(b.icmp_unsigned("<=", rng, I64(0xFFFFFFFF))):
                b.ret(b.call(masked(ctx, 32), [s, rng, buf, bcnt]))
        full = (1 << bits) - 1
        with b.if_then(b.icmp_unsigned("==", rng, I64(full if bits < 64 else -1))):
            b.ret(word())
        m = mask(ctx, b, rng)
        value = Var(b, I64)
        do_while(b, lambda: value.set(b.and_(word(), m)),
                 lambda: b.icmp_unsigned(">", value.get(), rng), "masked")
        b.ret(value.get())
    return _define(ctx, f"fx$np.masked.{bits}", I64, [STATEP, I64, I32P, I32P], build)


def interval(ctx: ModuleContext) -> ll.Function:
    """`i64 fx$np.interval(i64* s, i64 max)`: NumPy's random_interval, [0, max] by masked
    rejection on 32-bit words while max fits them, else on 64-bit words."""
    return interval_function(ctx, "fx$np.interval", u32, u64)


def interval_function(ctx: ModuleContext, name: str, word32, word64) -> ll.Function:
    """`i64 <name>(i64* s, i64 max)`: NumPy's random_interval over a bit generator's words
    (`word32(ctx, b, s)`, `word64(ctx, b, s)`: the legacy Mersenne Twister's or a Generator's)."""
    def build(fn, b):
        s, top = fn.args
        with b.if_then(b.icmp_unsigned("==", top, I64(0))):
            b.ret(I64(0))
        m = mask(ctx, b, top)
        value = Var(b, I64)
        small = b.icmp_unsigned("<=", top, I64(0xFFFFFFFF))

        def draw():
            with b.if_else(small) as (then, otherwise):
                with then:
                    value.set(b.and_(word32(ctx, b, s), m))
                with otherwise:
                    value.set(b.and_(word64(ctx, b, s), m))
        do_while(b, draw, lambda: b.icmp_unsigned(">", value.get(), top), "interval")
        b.ret(value.get())
    return _define(ctx, name, I64, [STATEP, I64], build)
