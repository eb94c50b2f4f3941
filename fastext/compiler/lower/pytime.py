"""Lowering of Python's clocks (ops/pytime.py): `clock_gettime` and CPython's conversions."""
from __future__ import annotations


from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler.lower.context import F64, I32, I64, I8P

# clockid_t values: CLOCK_REALTIME is 0 everywhere; CLOCK_MONOTONIC is 1 on Linux, 6 on macOS
_CLOCKS = {"realtime": 0, "monotonic": 1}
_CLOCKS_DARWIN = {"realtime": 0, "monotonic": 6}     # <time.h> of macOS
_NS = 1_000_000_000


def lower_clock(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """Nanoseconds `tv_sec * 10**9 + tv_nsec` (an int for the `_ns` clocks), or seconds as CPython's
    `_PyTime_AsSecondsDouble` makes them: whole seconds converted exactly, else `(double)ns / 1e9`."""
    b = fl.b
    timespec = fl.entry_alloca(ll.LiteralStructType([I64, I64]))      # {time_t tv_sec; long tv_nsec}
    clock_gettime = fl.ctx.intrinsic("clock_gettime", I32, [I32, I8P])
    b.call(clock_gettime, [I32(_clock(e, fl.ctx.module.triple)),
                           b.bitcast(timespec, I8P)])
    sec = b.load(b.gep(timespec, [I32(0), I32(0)]))
    nsec = b.load(b.gep(timespec, [I32(0), I32(1)]))
    ns = b.add(b.mul(sec, I64(_NS)), nsec)
    if _op(e).data["ns"]:
        return ns
    whole = b.icmp_signed("==", nsec, I64(0))
    return b.select(whole, b.sitofp(sec, F64), b.fdiv(b.sitofp(ns, F64), F64(1e9)))


def _op(e: ir.Intrinsic):
    from fastext.compiler import ops
    return ops.get(e.name)


def _clock(e: ir.Intrinsic, triple: str) -> int:
    from fastext.compiler.platforms import is_darwin
    return (_CLOCKS_DARWIN if is_darwin(triple) else _CLOCKS)[_op(e).data["clock"]]
