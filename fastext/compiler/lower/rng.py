"""The bit generator of `np.random`'s Generators in compiled code: xoshiro256++ in LLVM IR, its
seeding, and where the states of the module's streams live (docs/numpy-random.md).

A state is four 64-bit words (`i64*` to `[4 x i64]`); no state is ever all zero (the one
fixed point of xoshiro).  Everything here is emitted once per module, on first use, as
internal functions named `fx$rng.*`:

    i64  fx$rng.next(i64* s)        one 64-bit output, state advanced (alwaysinline)
    void fx$rng.seed(i64* s, i64 v) the state from a seed: four SplitMix64 outputs of v
    void fx$rng.seed_os(i64* s)     256 bits from the OS (/dev/urandom)
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
STATE_WORDS = 4
STATE_BYTES = 8 * STATE_WORDS
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


def _rotl(ctx: ModuleContext, b: ll.IRBuilder, x: ll.Value, k: int) -> ll.Value:
    fshl = ctx.intrinsic("llvm.fshl.i64", I64, [I64, I64, I64])
    return b.call(fshl, [x, x, I64(k)])


def _words(b: ll.IRBuilder, s: ll.Value) -> list[ll.Value]:
    return [b.gep(s, [I64(k)]) for k in range(STATE_WORDS)]


def next_u64(ctx: ModuleContext) -> ll.Function:
    """`i64 fx$rng.next(i64* s)`: xoshiro256++ (Blackman & Vigna, 2019), as in its reference C code."""
    def build(fn, b):
        ptrs = _words(b, fn.args[0])
        s0, s1, s2, s3 = (b.load(p, align=8) for p in ptrs)
        result = b.add(_rotl(ctx, b, b.add(s0, s3), 23), s0)
        t = b.shl(s1, I64(17))
        s2 = b.xor(s2, s0)
        s3 = b.xor(s3, s1)
        s1 = b.xor(s1, s2)
        s0 = b.xor(s0, s3)
        s2 = b.xor(s2, t)
        s3 = _rotl(ctx, b, s3, 45)
        for p, v in zip(ptrs, (s0, s1, s2, s3)):
            b.store(v, p, align=8)
        b.ret(result)
    return _define(ctx, "fx$rng.next", I64, [STATEP], build, inline=True)


def _splitmix(b: ll.IRBuilder, x: ll.Value) -> tuple[ll.Value, ll.Value]:
    """One SplitMix64 step: (new counter, output)."""
    x = b.add(x, I64(GOLDEN))
    z = b.mul(b.xor(x, b.lshr(x, I64(30))), I64(0xBF58476D1CE4E5B9))
    z = b.mul(b.xor(z, b.lshr(z, I64(27))), I64(0x94D049BB133111EB))
    return x, b.xor(z, b.lshr(z, I64(31)))


def seed(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.seed(i64* s, i64 v)`: the seeding xoshiro's authors recommend.  Four
    consecutive SplitMix64 outputs are distinct (it is a bijection of its counter), so at
    most one word is zero and the state is never all zero."""
    def build(fn, b):
        s, x = fn.args
        for p in _words(b, s):
            x, out = _splitmix(b, x)
            b.store(out, p, align=8)
        b.ret_void()
    fn = _define(ctx, "fx$rng.seed", ll.VoidType(), [STATEP, I64], build)
    # Kept out of line: inlined, its four independent SplitMix64 steps invite the SLP vectoriser
    # to pair the state's words in <2 x i64> registers, and the draw loops that follow inherit
    # those pairs — shuffles on every step, three times slower.
    if "noinline" not in fn.attributes:
        fn.attributes.add("noinline")
    return fn


def seed_os(ctx: ModuleContext) -> ll.Function:
    """`void fx$rng.seed_os(i64* s)`: 256 bits read from /dev/urandom.  (Not `getentropy` or
    `getrandom`: they need glibc 2.25, and a module built in a manylinux2014 image must load on
    glibc 2.17.)  Should the read fail, the cycle counter, the state's address and a
    module-wide counter seed it instead: distinct per call, though not secret."""
    def build(fn, b):
        s = fn.args[0]
        opener = ctx.module.globals.get("open") or ll.Function(
            ctx.module, ll.FunctionType(I32, [I8P, I32], var_arg=True), "open")
        fd = b.call(opener, [ctx.cstring("/dev/urandom"), I32(0)])      # O_RDONLY
        got = b.alloca(I64)
        b.store(I64(-1), got)
        with b.if_then(b.icmp_signed(">=", fd, I32(0))):
            read = ctx.intrinsic("read", I64, [I32, I8P, I64])
            b.store(b.call(read, [fd, b.bitcast(s, I8P), I64(STATE_BYTES)]), got)
            b.call(ctx.intrinsic("close", I32, [I32]), [fd])
        fallback = b.icmp_signed("!=", b.load(got), I64(STATE_BYTES))
        words = [b.load(p, align=8) for p in _words(b, s)]
        zero = b.icmp_unsigned("==", b.or_(b.or_(words[0], words[1]), b.or_(words[2], words[3])), I64(0))
        with b.if_then(b.or_(fallback, zero), likely=False):
            clock = b.call(ctx.intrinsic("llvm.readcyclecounter", I64, []), [])
            count = b.atomic_rmw("add", _global(ctx, "fx$rng.fallback", I64, 0), I64(1), "monotonic")
            mixed = b.xor(b.xor(clock, b.ptrtoint(s, I64)), b.mul(count, I64(GOLDEN)))
            b.call(seed(ctx), [s, mixed])
        b.ret_void()
    fn = _define(ctx, "fx$rng.seed_os", ll.VoidType(), [STATEP], build)
    if "noinline" not in fn.attributes:      # a system call: nothing to gain inline, see seed()
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

