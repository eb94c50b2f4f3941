"""CPython's `random` generator in compiled code: MT19937 and the draws built on it, as
CPython's `_randommodule.c` and `random.py` compute them, so that `random.seed(n)` in `.fx`
code gives the numbers plain Python gives (docs/random.md).

A stream is a block of `BLOCK_WORDS` 64-bit words in the thread's state (lower/rng.py):

    u32 mt[624]        the Mersenne Twister's state (312 words)
    i64 index          the next word of `mt` to temper (624: twist first)
    f64 gauss_next     the second normal of `gauss`'s Box–Muller pair
    i64 has_gauss      whether gauss_next holds one (CPython's `gauss_next is not None`)

Everything is emitted once per module, on first use, as internal functions `fx$mt.*`:

    i32  fx$mt.next(i64* s)            one tempered 32-bit output (twisting every 624)
    void fx$mt.seed(i64* s, i64 n)     CPython's seed of an int |n| < 2**64: init_by_array of its 32-bit words
    void fx$mt.seed_os(i64* s)         init_by_array of 256 bits from the OS
    f64  fx$mt.random(i64* s)          random(): (a >> 5, b >> 6) as a 53-bit fraction
    i64  fx$mt.below(i64* s, i64 n)    _randbelow(n) by getrandbits(n.bit_length()) and rejection;
                                       n = 0 stands for 2**64 (a full 64-bit randrange)
    f64  fx$mt.gauss(i64* s)           gauss()'s z: Box–Muller, keeping the pair's second number
    f64  fx$mt.normal(i64* s)          normalvariate()'s z: Kinderman–Monahan
"""
from __future__ import annotations

import math

from llvmlite import ir as ll

from fastext.compiler.lower.context import F64, I32, I64, ModuleContext
from fastext.compiler.lower.ircontrol import Var, do_while, for_range, while_loop

N, M = 624, 397
MT_WORDS = N // 2
INDEX, GAUSS, HAS_GAUSS = MT_WORDS, MT_WORDS + 1, MT_WORDS + 2
BLOCK_WORDS = MT_WORDS + 3
STATEP = I64.as_pointer()
I32P = I32.as_pointer()
_MATRIX_A, _UPPER, _LOWER = 0x9908B0DF, 0x80000000, 0x7FFFFFFF
# random.py's constant of normalvariate: 4 * exp(-0.5) / sqrt(2.0), as Python computes it
NV_MAGICCONST = 4 * math.exp(-0.5) / math.sqrt(2.0)
TWOPI = 2.0 * math.pi


def _define(ctx: ModuleContext, name: str, ret: ll.Type, args: list[ll.Type], build, inline: bool = False):
    from fastext.compiler.lower.rng import _define as define
    return define(ctx, name, ret, args, build, inline)


def _mt(b: ll.IRBuilder, s: ll.Value, k: ll.Value) -> ll.Value:
    """The address of mt[k]."""
    return b.gep(b.bitcast(s, I32P), [k])


def _slot(b: ll.IRBuilder, s: ll.Value, word: int, ty: ll.Type = I64) -> ll.Value:
    p = b.gep(s, [I64(word)])
    return p if ty == I64 else b.bitcast(p, ty.as_pointer())


def _twist(ctx: ModuleContext) -> ll.Function:
    """`void fx$mt.twist(i64* s)`: the next 624 words of the state, index back to 0."""
    def build(fn, b):
        s = fn.args[0]

        def mix(k, k1, km):
            y = b.or_(b.and_(b.load(_mt(b, s, k)), I32(_UPPER)), b.and_(b.load(_mt(b, s, k1)), I32(_LOWER)))
            mag = b.select(b.trunc(y, ll.IntType(1)), I32(_MATRIX_A), I32(0))
            b.store(b.xor(b.xor(b.load(_mt(b, s, km)), b.lshr(y, I32(1))), mag), _mt(b, s, k))
        for_range(b, I64(0), I64(N - M), lambda k: mix(k, b.add(k, I64(1)), b.add(k, I64(M))), "twist.a")
        for_range(b, I64(N - M), I64(N - 1), lambda k: mix(k, b.add(k, I64(1)), b.add(k, I64(M - N))), "twist.b")
        mix(I64(N - 1), I64(0), I64(M - 1))
        b.store(I64(0), _slot(b, s, INDEX))
        b.ret_void()
    fn = _define(ctx, "fx$mt.twist", ll.VoidType(), [STATEP], build)
    if "noinline" not in fn.attributes:     # once per 624 draws: kept out of the draw loops
        fn.attributes.add("noinline")
    return fn


def next_u32(ctx: ModuleContext) -> ll.Function:
    """`i32 fx$mt.next(i64* s)`: CPython's genrand_uint32."""
    def build(fn, b):
        s = fn.args[0]
        index = _slot(b, s, INDEX)
        with b.if_then(b.icmp_signed(">=", b.load(index), I64(N)), likely=False):
            b.call(_twist(ctx), [s])
        k = b.load(index)
        b.store(b.add(k, I64(1)), index)
        y = b.load(_mt(b, s, k))
        y = b.xor(y, b.lshr(y, I32(11)))
        y = b.xor(y, b.and_(b.shl(y, I32(7)), I32(0x9D2C5680)))
        y = b.xor(y, b.and_(b.shl(y, I32(15)), I32(0xEFC60000)))
        b.ret(b.xor(y, b.lshr(y, I32(18))))
    return _define(ctx, "fx$mt.next", I32, [STATEP], build, inline=True)


def _init_by_array(ctx: ModuleContext) -> ll.Function:
    """`void fx$mt.init_by_array(i64* s, i32* key, i64 length)`: CPython's init_by_array (after
    init_genrand(19650218)); the pending normal of `gauss` is dropped, as `random.seed` drops it."""
    def build(fn, b):
        s, key, length = fn.args
        b.store(I32(19650218), _mt(b, s, I64(0)))

        def genrand(k):
            prev = b.load(_mt(b, s, b.sub(k, I64(1))))
            value = b.add(b.mul(I32(1812433253), b.xor(prev, b.lshr(prev, I32(30)))), b.trunc(k, I32))
            b.store(value, _mt(b, s, k))
        for_range(b, I64(1), I64(N), genrand, "init")
        i, j = Var(b, I64, I64(1)), Var(b, I64, I64(0))

        def advance():
            i.set(b.add(i.get(), I64(1)))
            with b.if_then(b.icmp_signed(">=", i.get(), I64(N))):
                b.store(b.load(_mt(b, s, I64(N - 1))), _mt(b, s, I64(0)))
                i.set(I64(1))

        def mixed(k: ll.Value, factor: int) -> ll.Value:
            prev = b.load(_mt(b, s, b.sub(k, I64(1))))
            return b.xor(b.load(_mt(b, s, k)), b.mul(b.xor(prev, b.lshr(prev, I32(30))), I32(factor)))

        def with_key(_):
            k = i.get()
            value = b.add(b.add(mixed(k, 1664525), b.load(b.gep(key, [j.get()]))), b.trunc(j.get(), I32))
            b.store(value, _mt(b, s, k))
            advance()
            j.set(b.add(j.get(), I64(1)))
            with b.if_then(b.icmp_signed(">=", j.get(), length)):
                j.set(I64(0))
        count = b.select(b.icmp_signed(">", length, I64(N)), length, I64(N))
        for_range(b, I64(0), count, with_key, "key")

        def without_key(_):
            k = i.get()
            b.store(b.sub(mixed(k, 1566083941), b.trunc(k, I32)), _mt(b, s, k))
            advance()
        for_range(b, I64(0), I64(N - 1), without_key, "rest")
        b.store(I32(0x80000000), _mt(b, s, I64(0)))
        b.store(I64(N), _slot(b, s, INDEX))
        b.store(I64(0), _slot(b, s, HAS_GAUSS))
        b.ret_void()
    fn = _define(ctx, "fx$mt.init_by_array", ll.VoidType(), [STATEP, I32P, I64], build)
    if "noinline" not in fn.attributes:
        fn.attributes.add("noinline")
    return fn


def seed(ctx: ModuleContext) -> ll.Function:
    """`void fx$mt.seed(i64* s, i64 n)`: CPython's `random.seed(n)` of an int given by its
    absolute value as an unsigned word: its 32-bit words from the least significant, as many as
    it has (one for 0)."""
    def build(fn, b):
        s, n = fn.args
        key = b.alloca(ll.ArrayType(I32, 2))
        words = b.bitcast(key, I32P)
        b.store(b.trunc(n, I32), b.gep(words, [I64(0)]))
        high = b.trunc(b.lshr(n, I64(32)), I32)
        b.store(high, b.gep(words, [I64(1)]))
        length = b.select(b.icmp_unsigned("==", high, I32(0)), I64(1), I64(2))
        b.call(_init_by_array(ctx), [s, words, length])
        b.ret_void()
    return _define(ctx, "fx$mt.seed", ll.VoidType(), [STATEP, I64], build)


def seed_os(ctx: ModuleContext) -> ll.Function:
    """`void fx$mt.seed_os(i64* s)`: init_by_array of 256 bits from the OS (lower/rng.py's
    reading of /dev/urandom, with its fallback)."""
    from fastext.compiler.lower import rng

    def build(fn, b):
        s = fn.args[0]
        entropy = b.bitcast(b.alloca(ll.ArrayType(I64, rng.ENTROPY_WORDS)), STATEP)
        b.call(rng.entropy(ctx), [entropy])
        b.call(_init_by_array(ctx), [s, b.bitcast(entropy, I32P), I64(2 * rng.ENTROPY_WORDS)])
        b.ret_void()
    fn = _define(ctx, "fx$mt.seed_os", ll.VoidType(), [STATEP], build)
    if "noinline" not in fn.attributes:
        fn.attributes.add("noinline")
    return fn


def random(ctx: ModuleContext) -> ll.Function:
    """`f64 fx$mt.random(i64* s)`: CPython's random_random, (a * 2**26 + b) / 2**53."""
    def build(fn, b):
        s = fn.args[0]
        hi = b.lshr(b.call(next_u32(ctx), [s]), I32(5))
        lo = b.lshr(b.call(next_u32(ctx), [s]), I32(6))
        value = b.fadd(b.fmul(b.uitofp(hi, F64), F64(67108864.0)), b.uitofp(lo, F64))
        b.ret(b.fmul(value, F64(1.0 / 9007199254740992.0)))
    return _define(ctx, "fx$mt.random", F64, [STATEP], build, inline=True)


def _getrandbits(ctx: ModuleContext, b: ll.IRBuilder, s: ll.Value, k: ll.Value) -> ll.Value:
    """CPython's getrandbits(k) for 1 <= k <= 64 as an i64: one word shifted for k <= 32, else
    the low word first, then the high one shifted (little-endian words, as CPython fills them)."""
    first = b.zext(b.call(next_u32(ctx), [s]), I64)
    short = b.icmp_signed("<=", k, I64(32))
    result = Var(b, I64)
    with b.if_else(short) as (then, otherwise):
        with then:
            result.set(b.lshr(first, b.sub(I64(32), k)))
        with otherwise:
            second = b.zext(b.call(next_u32(ctx), [s]), I64)
            result.set(b.or_(b.shl(b.lshr(second, b.sub(I64(64), k)), I64(32)), first))
    return result.get()


def below(ctx: ModuleContext) -> ll.Function:
    """`i64 fx$mt.below(i64* s, i64 n)`: CPython's _randbelow_with_getrandbits for n > 0 taken as
    unsigned; n = 0 means 2**64 (k = 65: two full words and one bit from a third, redrawn
    while that bit is set)."""
    def build(fn, b):
        s, n = fn.args
        with b.if_then(b.icmp_unsigned("==", n, I64(0)), likely=False):
            r = Var(b, I64)

            def full():
                low = b.zext(b.call(next_u32(ctx), [s]), I64)
                high = b.zext(b.call(next_u32(ctx), [s]), I64)
                r.set(b.or_(b.shl(high, I64(32)), low))
            # the 65th bit: the top bit of a third word (getrandbits(65) shifts it right by 31)
            do_while(b, full, lambda: b.icmp_signed("<", b.call(next_u32(ctx), [s]), I32(0)), "below.full")
            b.ret(r.get())
        ctlz = ctx.intrinsic("llvm.ctlz.i64", I64, [I64, ll.IntType(1)])
        k = b.sub(I64(64), b.call(ctlz, [n, ll.IntType(1)(1)]))
        value = Var(b, I64, _getrandbits(ctx, b, s, k))
        while_loop(b, lambda: b.icmp_unsigned(">=", value.get(), n),
                   lambda: value.set(_getrandbits(ctx, b, s, k)), "below")
        b.ret(value.get())
    return _define(ctx, "fx$mt.below", I64, [STATEP, I64], build, inline=True)


def gauss(ctx: ModuleContext) -> ll.Function:
    """`f64 fx$mt.gauss(i64* s)`: random.gauss's z: the kept second number of the last pair if
    there is one, else a new Box–Muller pair from two random() (cos kept for now, sin for next)."""
    def build(fn, b):
        s = fn.args[0]
        has, kept = _slot(b, s, HAS_GAUSS), _slot(b, s, GAUSS, F64)
        with b.if_then(b.icmp_signed("!=", b.load(has), I64(0))):
            b.store(I64(0), has)
            b.ret(b.load(kept))
        x2pi = b.fmul(b.call(random(ctx), [s]), F64(TWOPI))
        u = b.fsub(F64(1.0), b.call(random(ctx), [s]))
        g2rad = b.call(ctx.libm("sqrt", 1), [b.fmul(F64(-2.0), b.call(ctx.libm("log", 1), [u]))])
        b.store(b.fmul(b.call(ctx.libm("sin", 1), [x2pi]), g2rad), kept)
        b.store(I64(1), has)
        b.ret(b.fmul(b.call(ctx.libm("cos", 1), [x2pi]), g2rad))
    return _define(ctx, "fx$mt.gauss", F64, [STATEP], build)


def normal(ctx: ModuleContext) -> ll.Function:
    """`f64 fx$mt.normal(i64* s)`: random.normalvariate's z (Kinderman and Monahan's ratio method)."""
    def build(fn, b):
        s = fn.args[0]
        head, done = fn.append_basic_block("km"), fn.append_basic_block("km.done")
        b.branch(head)
        b.position_at_end(head)
        u1 = b.call(random(ctx), [s])
        u2 = b.fsub(F64(1.0), b.call(random(ctx), [s]))
        z = b.fdiv(b.fmul(F64(NV_MAGICCONST), b.fsub(u1, F64(0.5))), u2)
        zz = b.fdiv(b.fmul(z, z), F64(4.0))
        accept = b.fcmp_ordered("<=", zz, b.fneg(b.call(ctx.libm("log", 1), [u2])))
        b.cbranch(accept, done, head)
        b.position_at_end(done)
        b.ret(z)
    return _define(ctx, "fx$mt.normal", F64, [STATEP], build)
