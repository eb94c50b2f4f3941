"""The bit generator of `np.random`'s Generators in compiled code: NumPy's PCG64 in LLVM IR,
seeded as NumPy seeds it (SeedSequence), and where the states of the module's streams live
(docs/numpy-random.md).

A Generator's state is six 64-bit words (`i64*` to `[6 x i64]`): the 128-bit LCG state and
increment, then NumPy's kept half of a 64-bit output for next_uint32.  Everything here is
emitted once per module, on first use, as internal functions named `fx$rng.*`:

    i64  fx$rng.next(i64* s)        one 64-bit output, state advanced (alwaysinline)
    i32  fx$rng.next32(i64* s)      NumPy's next_uint32: halves of one 64-bit output
    void fx$rng.seed(i64* s, i64 v) the state from a seed: NumPy's PCG64(SeedSequence(v))
    void fx$rng.seed_os(i64* s)     the state from 256 bits of the OS (/dev/urandom)
    void fx$rng.entropy(i64* w)     those 256 bits (also the Mersenne Twisters' OS seeding)
    i64* fx$rng.thread_state()      the calling thread's states of the module's streams

The module has two streams, `np.random`'s (`np.random.seed`, `np.random.rand`, ...) and Python
`random`'s (`random.seed`, `random.random`, ...; lower/pyrandom.py): a thread's block holds one
state of each, at words `NUMPY_STREAM` and `PYTHON_STREAM`.  Both are Mersenne Twisters
(lower/mt19937.py), the first with NumPy's legacy seeding and draws (lower/nplegacy.py), the
second with CPython's, so `np.random.seed(n)` and `random.seed(n)` in compiled code give
NumPy's and CPython's numbers.  Each stream has one state per thread,
found through a pthread key created on first use: threads never share a state, so they
never race on one, and a Python thread or a prange worker that never called
`np.random.seed` starts from OS entropy.  A Generator is a pointer to a state of its own, in
the function's frame or the call's arena (`lower/nprandom.py: lower_default_rng`).
"""
from __future__ import annotations

import sys

from llvmlite import ir as ll

from fastext.compiler.lower import mt19937
from fastext.compiler.lower.context import I32, I64, I8P, ModuleContext

I128 = ll.IntType(128)
# a Generator's state: PCG64's 128-bit LCG state (words 0-1) and increment (words 2-3), then
# NumPy's buffer of next_uint32 (word 4: whether word 5 holds a kept high half)
STATE_WORDS = 6
STATE_BYTES = 8 * STATE_WORDS
HAS_UINT32, UINTEGER = 4, 5
ENTROPY_WORDS = 4          # 256 bits from the OS per seeding
PCG_MULTIPLIER = (2549297995355413924 << 64) + 4865540595714422341   # PCG's default for 128 bits
# SeedSequence's constants (NumPy's bit_generator: a 4-word pool, two hash multipliers)
SS_POOL, SS_XSHIFT = 4, 16
SS_INIT_A, SS_MULT_A, SS_INIT_B, SS_MULT_B = 0x43B0D7E5, 0x931E8875, 0x8B51F9DD, 0x58F38DED
SS_MIX_L, SS_MIX_R = 0xCA01F9DD, 0x4973F715
STATEP = I64.as_pointer()
# pthread_key_t is `unsigned int` in glibc and musl, `unsigned long` on Darwin; the key is kept
# in an i64 global either way (little-endian: the low half is the 4-byte key).
KEY = I32 if sys.platform.startswith("linux") else I64
# key creation: not started, in progress, done, failed (no key left: draws raise MemoryError)
_KEY_NONE, _KEY_BUSY, _KEY_READY, _KEY_FAILED = 0, 1, 2, 3
GOLDEN = 0x9E3779B97F4A7C15
# the streams of a thread's block (word offsets): np.random's legacy Mersenne Twister block
# (NumPy's RandomState, lower/nplegacy.py), then Python random's (lower/mt19937.py); both use
# lower/mt19937.py's block layout
NUMPY_STREAM, PYTHON_STREAM = 0, mt19937.BLOCK_WORDS
THREAD_BLOCK_BYTES = 8 * 2 * mt19937.BLOCK_WORDS


def _define(ctx: ModuleContext, name: str, ret: ll.Type, args: list[ll.Type], build, inline: bool = False):
    """The internal function `name`, emitted by `build(fn, builder)` the first time it is asked for."""
    fn = ctx.module.globals.get(name)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(ret, args), name)
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    if inline:
        fn.attributes.add("alwaysinline")
    build(fn, ll.IRBuilder(fn.append_basic_block("entry")))
    return fn


def _global(ctx: ModuleContext, name: str, t: ll.Type, value) -> ll.GlobalVariable:
    from fastext.compiler.lower.ircontrol import internal_global
    return internal_global(ctx.module, name, t, t(value))


def _u32(value: int) -> ll.Constant:
    """An i32 constant from an unsigned 32-bit number (LLVM prints i32 constants signed)."""
    return I32(value - (1 << 32) if value >= 1 << 31 else value)


def _state_ptrs(b: ll.IRBuilder, s: ll.Value) -> tuple[ll.Value, ll.Value]:
    """The i128 LCG state (words 0-1) and increment (words 2-3) of a Generator's state."""
    wide = I128.as_pointer()
    return b.bitcast(s, wide), b.bitcast(b.gep(s, [I64(2)]), wide)


def copy_state(b: ll.IRBuilder, src: ll.Value, dst: ll.Value) -> None:
    """Copy a Generator's state, the LCG's words as the i128s the draws read: a copy in i64
    words next to i128 loads keeps SROA from promoting a fill's local state to registers."""
    (ss, si), (ds, di) = _state_ptrs(b, src), _state_ptrs(b, dst)
    b.store(b.load(ss, align=8), ds, align=8)
    b.store(b.load(si, align=8), di, align=8)
    for k in (HAS_UINT32, UINTEGER):
        b.store(b.load(b.gep(src, [I64(k)]), align=8), b.gep(dst, [I64(k)]), align=8)


def _lcg_step(b: ll.IRBuilder, state: ll.Value, inc: ll.Value) -> ll.Value:
    return b.add(b.mul(state, I128(PCG_MULTIPLIER)), inc)


def next_u64(ctx: ModuleContext) -> ll.Function:
    """`i64 fx$rng.next(i64* s)`: PCG64 (O'Neill's pcg_setseq_128_xsl_rr_64, NumPy's PCG64):
    the 128-bit LCG stepped first, then the xor of its halves rotated right by its top 6 bits."""
    def build(fn, b):
        sp, ip = _state_ptrs(b, fn.args[0])
        state = _lcg_step(b, b.load(sp, align=8), b.load(ip, align=8))
        b.store(state, sp, align=8)
        folded = b.xor(b.trunc(b.lshr(state, I128(64)), I64), b.trunc(state, I64))
        rot = b.trunc(b.lshr(state, I128(122)), I64)
        fshr = ctx.intrinsic("llvm.fshr.i64", I64, [I64, I64, I64])
        b.ret(b.call(fshr, [folded, folded, rot]))
    return _define(ctx, "fx$rng.next", I64, [STATEP], build, inline=True)


def next_u32(ctx: ModuleContext) -> ll.Function:
    """`i32 fx$rng.next32(i64* s)`: NumPy's PCG64 next_uint32 — the low half of a 64-bit output,
    its high half kept (words 4, 5 of the state) for the next call."""
    def build(fn, b):
        s = fn.args[0]
        has, kept = b.gep(s, [I64(HAS_UINT32)]), b.gep(s, [I64(UINTEGER)])
        with b.if_then(b.icmp_unsigned("!=", b.load(has, align=8), I64(0))):
            b.store(I64(0), has, align=8)
            b.ret(b.trunc(b.load(kept, align=8), I32))
        x = b.call(next_u64(ctx), [s])
        b.store(I64(1), has, align=8)
        b.store(b.lshr(x, I64(32)), kept, align=8)
        b.ret(b.trunc(x, I32))
    return _define(ctx, "fx$rng.next32", I32, [STATEP], build, inline=True)


def _splitmix(b: ll.IRBuilder, x: ll.Value) -> tuple[ll.Value, ll.Value]:
    """One SplitMix64 step: (new counter, output)."""
    x = b.add(x, I64(GOLDEN))
    z = b.mul(b.xor(x, b.lshr(x, I64(30))), I64(0xBF58476D1CE4E5B9))
    z = b.mul(b.xor(z, b.lshr(z, I64(27))), I64(0x94D049BB133111EB))
    return x, b.xor(z, b.lshr(z, I64(31)))


def _pcg_init(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.pcg_init(i64* s, i128 initstate, i128 initseq)`: PCG's srandom — inc =
    2·initseq + 1, state 0, one step, initstate added, one step; no kept 32-bit half."""
    def build(fn, b):
        s, initstate, initseq = fn.args
        sp, ip = _state_ptrs(b, s)
        inc = b.or_(b.shl(initseq, I128(1)), I128(1))
        b.store(inc, ip, align=8)
        state = _lcg_step(b, b.add(_lcg_step(b, I128(0), inc), initstate), inc)
        b.store(state, sp, align=8)
        b.store(I64(0), b.gep(s, [I64(HAS_UINT32)]), align=8)
        b.store(I64(0), b.gep(s, [I64(UINTEGER)]), align=8)
        b.ret_void()
    return _define(ctx, "fx$rng.pcg_init", ll.VoidType(), [STATEP, I128, I128], build)


def _join(b: ll.IRBuilder, high: ll.Value, low: ll.Value) -> ll.Value:
    return b.or_(b.shl(b.zext(high, I128), I128(64)), b.zext(low, I128))


def seed(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.seed(i64* s, i64 v)`: NumPy's `PCG64(SeedSequence(v))` for v read unsigned.

    SeedSequence: the seed's 32-bit words (low first: one word below 2**32, else two — the
    missing words of the 4-word pool are zeros either way, so both cases are the same code)
    hashed into the pool (hashmix of each word, then every word mixed with the hash of every
    other), then `generate_state(4, uint64)`: eight 32-bit words drawn from the pool in turn
    with the second hash, paired low first into four 64-bit words — PCG64's initstate (words 0,
    1, high first) and initseq (words 2, 3)."""
    def build(fn, b):
        s, v = fn.args
        hash_const = [_u32(SS_INIT_A)]

        def hashmix(value):
            value = b.xor(value, hash_const[0])
            hash_const[0] = b.mul(hash_const[0], _u32(SS_MULT_A))
            value = b.mul(value, hash_const[0])
            return b.xor(value, b.lshr(value, I32(SS_XSHIFT)))

        def mix(x, y):
            r = b.sub(b.mul(x, _u32(SS_MIX_L)), b.mul(y, _u32(SS_MIX_R)))
            return b.xor(r, b.lshr(r, I32(SS_XSHIFT)))
        words = [b.trunc(v, I32), b.trunc(b.lshr(v, I64(32)), I32), I32(0), I32(0)]
        pool = [hashmix(w) for w in words]
        for src in range(SS_POOL):
            for dst in range(SS_POOL):
                if src != dst:
                    pool[dst] = mix(pool[dst], hashmix(pool[src]))
        out, h = [], _u32(SS_INIT_B)
        for k in range(8):
            x = b.xor(pool[k % SS_POOL], h)
            h = b.mul(h, _u32(SS_MULT_B))
            x = b.mul(x, h)
            out.append(b.zext(b.xor(x, b.lshr(x, I32(SS_XSHIFT))), I64))
        u = [b.or_(out[2 * k], b.shl(out[2 * k + 1], I64(32))) for k in range(4)]
        b.call(_pcg_init(ctx), [s, _join(b, u[0], u[1]), _join(b, u[2], u[3])])
        b.ret_void()
    fn = _define(ctx, "fx$rng.seed", ll.VoidType(), [STATEP, I64], build)
    # Kept out of line: a seeding is rare next to the draws, and its straight-line hashing
    # would only bloat (and invite the SLP vectoriser into) the draw loops that follow.
    if "noinline" not in fn.attributes:
        fn.attributes.add("noinline")
    return fn


def entropy(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.entropy(i64* w)`: w[0:4] = 256 bits read from /dev/urandom.  (Not
    `getentropy` or `getrandom`: they need glibc 2.25, and a module built in a manylinux2014
    image must load on glibc 2.17.)  Should the read fail, the cycle counter, the words'
    address and a module-wide counter, spread by SplitMix64, fill them instead: distinct per
    call, though not secret."""
    def build(fn, b):
        s = fn.args[0]
        opener = ctx.module.globals.get("open") or ll.Function(
            ctx.module, ll.FunctionType(I32, [I8P, I32], var_arg=True), "open")
        fd = b.call(opener, [ctx.cstring("/dev/urandom"), I32(0)])      # O_RDONLY
        got = b.alloca(I64)
        b.store(I64(-1), got)
        with b.if_then(b.icmp_signed(">=", fd, I32(0))):
            read = ctx.intrinsic("read", I64, [I32, I8P, I64])
            b.store(b.call(read, [fd, b.bitcast(s, I8P), I64(8 * ENTROPY_WORDS)]), got)
            b.call(ctx.intrinsic("close", I32, [I32]), [fd])
        fallback = b.icmp_signed("!=", b.load(got), I64(8 * ENTROPY_WORDS))
        with b.if_then(fallback, likely=False):
            clock = b.call(ctx.intrinsic("llvm.readcyclecounter", I64, []), [])
            count = b.atomic_rmw("add", _global(ctx, "fx$rng.fallback", I64, 0), I64(1), "monotonic")
            x = b.xor(b.xor(clock, b.ptrtoint(s, I64)), b.mul(count, I64(GOLDEN)))
            for k in range(ENTROPY_WORDS):
                x, out = _splitmix(b, x)
                b.store(out, b.gep(s, [I64(k)]), align=8)
        b.ret_void()
    fn = _define(ctx, "fx$rng.entropy", ll.VoidType(), [STATEP], build)
    if "noinline" not in fn.attributes:      # a system call: nothing to gain inline, see seed()
        fn.attributes.add("noinline")
    return fn


def seed_os(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.seed_os(i64* s)`: a Generator's PCG64 state from 256 bits of OS entropy
    (initstate, initseq), as `default_rng()` without a seed."""
    def build(fn, b):
        s = fn.args[0]
        w = b.bitcast(b.alloca(ll.ArrayType(I64, ENTROPY_WORDS)), STATEP)
        b.call(entropy(ctx), [w])
        words = [b.load(b.gep(w, [I64(k)])) for k in range(ENTROPY_WORDS)]
        b.call(_pcg_init(ctx), [s, _join(b, words[0], words[1]), _join(b, words[2], words[3])])
        b.ret_void()
    fn = _define(ctx, "fx$rng.seed_os", ll.VoidType(), [STATEP], build)
    if "noinline" not in fn.attributes:
        fn.attributes.add("noinline")
    return fn


def _key_init(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.key_init()`: create the module's pthread key once, whichever thread comes
    first; the others wait for the outcome.  The key's destructor is `free`: a thread's state
    goes back to the C library when the thread ends."""
    def build(fn, b):
        state = _global(ctx, "fx$rng.key_state", I32, _KEY_NONE)
        key = _global(ctx, "fx$rng.key", I64, 0)
        pair = b.cmpxchg(state, I32(_KEY_NONE), I32(_KEY_BUSY), "acq_rel", "acquire")
        create, wait = fn.append_basic_block("create"), fn.append_basic_block("wait")
        b.cbranch(b.extract_value(pair, 1), create, wait)
        b.position_at_end(create)
        free = ctx.intrinsic("free", ll.VoidType(), [I8P])
        key_create = ctx.intrinsic("pthread_key_create", I32, [I8P, I8P])
        rc = b.call(key_create, [b.bitcast(key, I8P), b.bitcast(free, I8P)])
        outcome = b.select(b.icmp_signed("==", rc, I32(0)), I32(_KEY_READY), I32(_KEY_FAILED))
        b.store_atomic(outcome, state, "release", 4)
        b.ret_void()
        b.position_at_end(wait)
        busy = b.icmp_unsigned("==", b.load_atomic(state, "acquire", 4), I32(_KEY_BUSY))
        spin, done = fn.append_basic_block("spin"), fn.append_basic_block("done")
        b.cbranch(busy, spin, done)
        b.position_at_end(spin)
        b.call(ctx.intrinsic("sched_yield", I32, []), [])
        b.branch(wait)
        b.position_at_end(done)
        b.ret_void()
    fn = _define(ctx, "fx$rng.key_init", ll.VoidType(), [], build)
    fn.attributes.add("noinline")
    fn.attributes.add("cold")
    return fn


def thread_state(ctx: ModuleContext) -> ll.Function:
    """`i64* fx$rng.thread_state()`: the calling thread's state of the module's stream, made
    (and seeded from the OS) on the thread's first draw; NULL when no memory or key is left.

    Declared `readnone`: every call on one thread returns the same pointer, so LLVM may keep
    the first call's result instead of calling again in a loop (the side effects — creating
    the key, the state — happen once and only the pointer is observable)."""
    def build(fn, b):
        state = _global(ctx, "fx$rng.key_state", I32, _KEY_NONE)
        key_slot = _global(ctx, "fx$rng.key", I64, 0)
        null = ll.Constant(STATEP, None)
        ready = b.icmp_unsigned("==", b.load_atomic(state, "acquire", 4), I32(_KEY_READY))
        with b.if_then(b.not_(ready), likely=False):
            b.call(_key_init(ctx), [])
            failed = b.icmp_unsigned("!=", b.load_atomic(state, "acquire", 4), I32(_KEY_READY))
            with b.if_then(failed, likely=False):
                b.ret(null)
        key = b.load(key_slot, align=8)
        key = b.trunc(key, KEY) if KEY != I64 else key
        getspecific = ctx.intrinsic("pthread_getspecific", I8P, [KEY])
        current = b.call(getspecific, [key])
        with b.if_then(b.icmp_unsigned("!=", current, ll.Constant(I8P, None)), likely=True):
            b.ret(b.bitcast(current, STATEP))
        fresh = b.call(ctx.intrinsic("malloc", I8P, [I64]), [I64(THREAD_BLOCK_BYTES)])
        with b.if_then(b.icmp_unsigned("==", fresh, ll.Constant(I8P, None)), likely=False):
            b.ret(null)
        # each stream from entropy of its own
        b.call(mt19937.seed_os(ctx), [b.gep(b.bitcast(fresh, STATEP), [I64(NUMPY_STREAM)])])
        b.call(mt19937.seed_os(ctx), [b.gep(b.bitcast(fresh, STATEP), [I64(PYTHON_STREAM)])])
        setspecific = ctx.intrinsic("pthread_setspecific", I32, [KEY, I8P])
        rc = b.call(setspecific, [key, fresh])
        with b.if_then(b.icmp_signed("!=", rc, I32(0)), likely=False):
            b.call(ctx.intrinsic("free", ll.VoidType(), [I8P]), [fresh])
            b.ret(null)
        b.ret(b.bitcast(fresh, STATEP))
    fn = _define(ctx, "fx$rng.thread_state", STATEP, [], build)
    if "readnone" not in fn.attributes:
        fn.attributes.add("noinline")
        fn.attributes.add("readnone")
    return fn


def new_state(fl) -> ll.Value:
    """A state in the call's arena for a Generator (MemoryError when none is left): `i64*`."""
    from fastext.compiler.lower.alloc import arena_alloc
    b = fl.b
    block = b.call(arena_alloc(fl.ctx), [fl.err, I64(STATE_BYTES)])
    fl.fail_if(b.icmp_unsigned("==", block, ll.Constant(I8P, None)), "MemoryError",
               "no memory left for a random Generator")
    return b.bitcast(block, STATEP)


def stream_state(fl, stream: int = NUMPY_STREAM) -> ll.Value:
    """This thread's state of one of the module's streams (`i64*`; MemoryError when none could be made)."""
    b = fl.b
    s = b.call(thread_state(fl.ctx), [])
    fl.fail_if(b.icmp_unsigned("==", s, ll.Constant(STATEP, None)), "MemoryError",
               "no memory (or thread-specific key) left for the random stream of this thread")
    return b.gep(s, [I64(stream)]) if stream else s


def generator_state(fl, value: ll.Value) -> ll.Value:
    """The state of a Generator value (`i64*`); a Generator variable read before its
    assignment holds NULL (Python would raise UnboundLocalError)."""
    b = fl.b
    fl.fail_if(b.icmp_unsigned("==", value, ll.Constant(I8P, None)), "RuntimeError",
               "a numpy.random.Generator variable is used before it is assigned")
    return b.bitcast(value, STATEP)

