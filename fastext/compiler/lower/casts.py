"""NumPy's unsafe cast of one item (`a.astype(t)`, `np.linspace(..., dtype=int)`).

Unlike `arith.cast` (Python's meaning: a float out of an integer's range raises), this is the
C conversion NumPy's casting loops run, with the results x86-64 gives where C leaves them
undefined — NumPy then only warns ("invalid value encountered in cast"):

* float → int64: truncation toward zero; NaN, ±inf and out-of-range values give INT64_MIN
  (what `cvttsd2si` returns);
* float → int32: the same in 32 bits (INT32_MIN);
* float → int8/int16/uint8/uint16: through int32, then the low bits (1e5 → int16 is -31072);
* float → uint32: through int64, then the low 32 bits (-1.0 → 4294967295);
* float → uint64: below 2**63 through int64 (negatives wrap), else `(x - 2**63)` through int64
  with the top bit flipped;
* complex → real: the real part (NumPy's ComplexWarning); anything → bool: non-zero.

Everything else (widening, int ↔ int, int → float, float ↔ float) is `arith.cast`.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower import arith
from fastext.compiler.lower.context import I32, I64, scalar_type

F64 = ll.DoubleType()


def numpy_cast(fl, value: ll.Value, src: T.Scalar, dst: T.Scalar) -> ll.Value:
    """`value` (of `src`) converted to `dst` as NumPy's unsafe casting loop does on x86-64."""
    b = fl.b
    if src == dst:
        return value
    if dst.is_bool:
        return arith.truth(fl, value, src)
    if src.is_complex and not dst.is_complex:
        value, src = b.extract_value(value, 0), T.complex_part(src)
        if src == dst:
            return value
    if not (src.is_float and dst.is_int):
        return arith.cast(fl, value, src, dst)
    x = value if value.type == F64 else b.fpext(value, F64)
    if dst.bits == 64 and not dst.signed:
        high = b.fcmp_ordered(">=", x, F64(2.0 ** 63))
        low = _to_i64(fl, x)
        flipped = b.xor(_to_i64(fl, b.fsub(x, F64(2.0 ** 63))), I64(1 << 63))
        return b.select(high, flipped, low)
    if dst.bits == 64 or dst == T.U32:
        return b.trunc(_to_i64(fl, x), scalar_type(dst)) if dst.bits < 64 else _to_i64(fl, x)
    wide = _to_i32(fl, x)
    return wide if dst.bits == 32 else b.trunc(wide, scalar_type(dst))


def _to_i64(fl, x: ll.Value) -> ll.Value:
    """cvttsd2si: truncation, INT64_MIN for NaN and values out of range."""
    b = fl.b
    fabs = fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
    ok = b.fcmp_ordered("<", b.call(fabs, [x]), F64(2.0 ** 63))
    safe = b.select(ok, x, F64(0.0))        # fptosi of an out-of-range value is poison in LLVM
    return b.select(ok, b.fptosi(safe, I64), I64(-(1 << 63)))


def _to_i32(fl, x: ll.Value) -> ll.Value:
    """cvttsd2si in 32 bits: truncation, INT32_MIN for NaN and values out of range."""
    b = fl.b
    ok = b.and_(b.fcmp_ordered(">", x, F64(-2.0 ** 31 - 1.0)), b.fcmp_ordered("<", x, F64(2.0 ** 31)))
    safe = b.select(ok, x, F64(0.0))
    return b.select(ok, b.fptosi(safe, I32), I32(-(1 << 31)))


def lower_astype(fl, e, args: list[ll.Value]) -> ll.Value:
    """`array.astype` on one item (the body of the map `a.astype(t)` builds)."""
    return numpy_cast(fl, args[0], e.args[0].type, e.type)


def python_int_into(fl, value: ll.Value, src: T.Scalar, dst: T.Scalar) -> ll.Value:
    """A Python int stored into an integer array item, as NumPy 2 does it: OverflowError
    "Python integer N out of bounds for uint8" when it does not fit, else the value."""
    b = fl.b
    if dst.is_int and src.is_int:
        lo, hi = _bounds(dst)
        slo, shi = _bounds(src)
        wide = b.sext(value, I64) if src.signed and src.bits < 64 else \
            b.zext(value, I64) if src.bits < 64 else value
        bad = ll.Constant(ll.IntType(1), 0)
        if lo > slo:
            bad = b.or_(bad, b.icmp_signed("<", wide, I64(lo)))
        if hi < shi:
            cmp = b.icmp_signed if src.signed else b.icmp_unsigned
            bad = b.or_(bad, cmp(">", wide, I64(hi)))
        fmt = "Python integer %lld out of bounds for " if src.signed else "Python integer %llu out of bounds for "
        from fastext.compiler.ops.dtypes import numpy_name
        fl.fail_if(bad, "OverflowError", fmt + numpy_name(dst), (wide,))
    return arith.cast(fl, value, src, dst)


def _bounds(t: T.Scalar) -> tuple[int, int]:
    if t.signed:
        return -(1 << (t.bits - 1)), (1 << (t.bits - 1)) - 1
    return 0, (1 << t.bits) - 1


def python_float_into(fl, value: ll.Value, src: T.Scalar, dst: T.Scalar) -> ll.Value:
    """A Python float stored into an integer array item (np.array([2.5], dtype=int)): NumPy
    truncates through a Python int, so NaN raises ValueError, ±inf and values beyond int64
    OverflowError (NumPy's messages), and an int out of the dtype's range as `python_int_into`."""
    b = fl.b
    x = value if value.type == F64 else b.fpext(value, F64)
    fl.fail_if(b.fcmp_unordered("uno", x, x), "ValueError", "cannot convert float NaN to integer")
    fabs = b.call(fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64]), [x])
    fl.fail_if(b.fcmp_ordered("==", fabs, F64(float("inf"))), "OverflowError", "cannot convert float infinity to integer")
    fl.fail_if(b.fcmp_ordered(">=", fabs, F64(2.0 ** 63)), "OverflowError", "Python int too large to convert to C long")
    return python_int_into(fl, b.fptosi(x, I64), T.I64, dst)
