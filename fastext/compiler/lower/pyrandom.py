"""Lowering of Python's `random` functions (ops/pyrandom.py; docs/random.md): CPython's checks,
formulas and numbers, on the per-thread stream of `random` (`rng.PYTHON_STREAM`): CPython's
Mersenne Twister and its draws (`lower/mt19937.py`), so `random.seed(n)` in `.fx` code gives what
plain Python gives.  Draws are inline calls on the thread's block, which is looked up once per
function (`rng.thread_state` is readnone).
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower import mt19937, rng
from fastext.compiler.lower.context import F64, I1, I64

I128 = ll.IntType(128)
_EMPTY = "empty range for randrange()"


def _state(fl) -> ll.Value:
    return rng.stream_state(fl, rng.PYTHON_STREAM)


def lower_random(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.random()`: CPython's random_random."""
    return fl.b.call(mt19937.random(fl.ctx), [_state(fl)])


def _below(fl, n: ll.Value) -> ll.Value:
    """CPython's `_randbelow(n)` for n > 0 taken as unsigned (0: all 2**64 values)."""
    return fl.b.call(mt19937.below(fl.ctx), [_state(fl), n])


def lower_randint(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.randint(a, b)` = CPython's randrange(a, b + 1): ValueError when b < a."""
    b = fl.b
    lo, hi = args
    stop = b.add(hi, I64(1))
    fl.fail_if(b.icmp_signed("<", hi, lo), "ValueError", _EMPTY + " (%lld, %lld, %lld)", (lo, stop, b.sub(stop, lo)))
    # b - a + 1 as an unsigned number: exact for every range but the full 2**64, where it wraps to 0
    return b.add(lo, _below(fl, b.sub(stop, lo)))


def _floordiv(b: ll.IRBuilder, x: ll.Value, d: ll.Value) -> ll.Value:
    """Python's `x // d` of i128 values (d != 0): the truncated quotient, one less when the
    remainder is non-zero and of the other sign than d."""
    q, r = b.sdiv(x, d), b.srem(x, d)
    adjust = b.and_(b.icmp_signed("!=", r, I128(0)), b.xor(b.icmp_signed("<", r, I128(0)), b.icmp_signed("<", d, I128(0))))
    return b.sub(q, b.zext(adjust, I128))


def lower_randrange(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.randrange(stop)`, `(start, stop)`, `(start, stop, step)`: CPython's checks and
    messages in its order, then `start + step * below(n)` with n the length of the range
    (computed in 128 bits: the width of two i64 bounds needs 65)."""
    b = fl.b
    given = e.attrs["given"]
    if given == ("start",):
        (n,) = args
        fl.fail_if(b.icmp_signed("<=", n, I64(0)), "ValueError", _EMPTY)
        return _below(fl, n)
    start, stop = args[0], args[1]
    step = args[2] if len(args) == 3 else I64(1)
    unit = b.icmp_signed("==", step, I64(1))
    fl.fail_if(b.and_(unit, b.icmp_signed("<=", stop, start)), "ValueError", _EMPTY + " (%lld, %lld, %lld)",
               (start, stop, b.sub(stop, start)))
    if len(args) == 2:
        return b.add(start, _below(fl, b.sub(stop, start)))
    fl.fail_if(b.icmp_signed("==", step, I64(0)), "ValueError", "zero step for randrange()")
    width = b.sub(b.sext(stop, I128), b.sext(start, I128))
    wide = b.sext(step, I128)
    positive = b.icmp_signed(">", step, I64(0))
    numerator = b.select(positive, b.add(width, b.sub(wide, I128(1))), b.add(width, b.add(wide, I128(1))))
    n = _floordiv(b, numerator, wide)
    fl.fail_if(b.icmp_signed("<=", n, I128(0)), "ValueError", _EMPTY)
    # start + step * k stays in range(start, stop): exact modulo 2**64, so exact
    return b.add(start, b.mul(step, _below(fl, b.trunc(n, I64))))


def lower_uniform(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.uniform(a, b)`: `a + (b - a) * random()`, CPython's formula."""
    b = fl.b
    lo, hi = args
    return b.fadd(lo, b.fmul(b.fsub(hi, lo), b.call(mt19937.random(fl.ctx), [_state(fl)])))


def lower_gauss(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.gauss(mu, sigma)`: `mu + z * sigma`, z of CPython's Box–Muller (pairs kept)."""
    b = fl.b
    mu, sigma = args
    return b.fadd(mu, b.fmul(b.call(mt19937.gauss(fl.ctx), [_state(fl)]), sigma))


def lower_normalvariate(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.normalvariate(mu, sigma)`: `mu + z * sigma`, z of CPython's Kinderman–Monahan."""
    b = fl.b
    mu, sigma = args
    return b.fadd(mu, b.fmul(b.call(mt19937.normal(fl.ctx), [_state(fl)]), sigma))


def lower_expovariate(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.expovariate(lambd)`: `-log(1.0 - random()) / lambd`; CPython's ZeroDivisionError for 0."""
    b = fl.b
    (lambd,) = args
    fl.fail_if(b.fcmp_ordered("==", lambd, F64(0.0)), "ZeroDivisionError", "float division by zero")
    u = b.call(mt19937.random(fl.ctx), [_state(fl)])
    log = fl.ctx.libm("log", 1)
    return b.fdiv(b.fneg(b.call(log, [b.fsub(F64(1.0), u)])), lambd)


def lower_seed(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.seed(a)`: this thread's stream as CPython seeds an int, by its absolute value
    (|-2**63| is 2**63 as the unsigned word); `random.seed()`: from the OS."""
    b = fl.b
    s = _state(fl)
    if not args:
        b.call(mt19937.seed_os(fl.ctx), [s])
        return I1(0)
    (a,) = args
    unsigned = isinstance(e.args[0], ir.Cast) and e.args[0].value.type == T.U64
    value = a if unsigned else b.select(b.icmp_signed("<", a, I64(0)), b.neg(a), a)
    b.call(mt19937.seed(fl.ctx), [s, value])
    return I1(0)


def lower_below(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """`random.choice`'s index: uniform in [0, n), CPython's IndexError for an empty sequence."""
    (n,) = args
    fl.fail_if(fl.b.icmp_signed("<=", n, I64(0)), "IndexError", "Cannot choose from an empty sequence")
    return _below(fl, n)


def lower_shuffle(fl, e: ir.Intrinsic, args: list[ll.Value]) -> None:
    """`random.shuffle(x)`: CPython's Fisher–Yates (i from the last down to 1 swaps with
    _randbelow(i + 1)) over the items of a 1-D array, any stride (nprandom's shuffle loop on
    Python's stream)."""
    from fastext.compiler.lower.nprandom import shuffle_function
    b = fl.b
    (a,) = args
    atype: T.Array = e.args[0].type
    n, stride = b.extract_value(a, [1, 0]), b.extract_value(a, [2, 0])
    b.call(shuffle_function(fl.ctx, atype.dtype.nbytes, python=True),
           [_state(fl), b.extract_value(a, 0), n, stride, I64(1), I64(0)])
    return None
