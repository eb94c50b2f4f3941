"""Numeric operations with Python's meaning, emitted into an IRBuilder.

Every function takes the lowering `fl` (for `fail_if`, the builder and the
module context) and LLVM values already converted to the operation's type.
Integers wrap at their width; division by zero and the other Python errors
branch to the function's error exit.
"""
from __future__ import annotations

import math

from typing import TYPE_CHECKING

from llvmlite import ir as ll

from fastext.compiler import types as T
from fastext.compiler.lower.context import F32, F64, I1, I64, scalar_type

if TYPE_CHECKING:
    from fastext.compiler.lower.function import FunctionLowering


def int_binop(fl: "FunctionLowering", op: str, t: T.Scalar, a: ll.Value, b: ll.Value) -> ll.Value:
    bld = fl.b
    if op == "+":
        return bld.add(a, b)
    if op == "-":
        return bld.sub(a, b)
    if op == "*":
        return bld.mul(a, b)
    if op == "&":
        return bld.and_(a, b)
    if op == "|":
        return bld.or_(a, b)
    if op == "^":
        return bld.xor(a, b)
    if op in ("//", "%"):
        return int_divmod(fl, op, t, a, b)
    if op in ("<<", ">>"):
        return shift(fl, op, t, a, b)
    if op == "**":
        return int_pow(fl, t, a, b)
    raise NotImplementedError(op)


def checked_mul(fl: "FunctionLowering", a: ll.Value, b: ll.Value) -> ll.Value:
    """`a * b` of `int`s that raises OverflowError where Python's product needs more than 64
    bits (a value growing by multiplication in a loop: frontend/growth.py)."""
    pair = fl.ctx.intrinsic("llvm.smul.with.overflow.i64", ll.LiteralStructType([I64, I1]), [I64, I64])
    result = fl.b.call(pair, [a, b])
    fl.fail_if(fl.b.extract_value(result, 1), "OverflowError",
               "int too large: this product needs more than 64 bits (Python's int would grow here; "
               ".fx ints are 64-bit: keep values in range, or use a float)", deferrable=True)
    return fl.b.extract_value(result, 0)


def _zero_division_message(op: str) -> str:
    """CPython's message for `1 // 0` / `1 % 0` (3.11 says "integer modulo by zero" for `%`)."""
    try:
        (1 // 0) if op == "//" else (1 % 0)
    except ZeroDivisionError as e:
        return str(e)
    return "integer division or modulo by zero"


def int_divmod(fl, op: str, t: T.Scalar, a, b):
    """Floor division / modulo (result takes the divisor's sign), ZeroDivisionError on 0."""
    bld = fl.b
    zero = a.type(0)
    is_zero = bld.icmp_unsigned("==", b, zero)
    fl.fail_if(is_zero, "ZeroDivisionError", _zero_division_message(op), deferrable=True)
    if getattr(fl, "speculation", None) is not None:      # the check only set a flag: a zero must not reach the divide
        b = bld.select(is_zero, a.type(1), b)
    if not t.signed:
        return bld.udiv(a, b) if op == "//" else bld.urem(a, b)
    # x // -1 overflows in hardware for the minimum value; Python's result wraps to itself.
    minus_one = bld.icmp_signed("==", b, a.type(-1))
    safe_b = bld.select(minus_one, a.type(1), b)
    q = bld.sdiv(a, safe_b)
    r = bld.srem(a, safe_b)
    # floor: when the remainder is non-zero and its sign differs from the divisor's
    adjust = bld.and_(bld.icmp_signed("!=", r, zero), bld.icmp_signed("<", bld.xor(r, safe_b), zero))
    if op == "//":
        q = bld.sub(q, bld.zext(adjust, a.type))
        return bld.select(minus_one, bld.neg(a), q)
    r = bld.select(adjust, bld.add(r, safe_b), r)
    return bld.select(minus_one, zero, r)


def int_mod_is_zero(fl, a, b):
    """`a % b == 0` for signed integers: Python's floored remainder is zero exactly when the
    truncated one is, so the sign fix-up of `int_divmod` is left out (ZeroDivisionError kept)."""
    bld = fl.b
    zero = a.type(0)
    is_zero = bld.icmp_unsigned("==", b, zero)
    fl.fail_if(is_zero, "ZeroDivisionError", _zero_division_message("%"), deferrable=True)
    # x % -1 is 0 (the hardware traps on the minimum value), and so is x % 1
    unsafe = bld.or_(is_zero, bld.icmp_signed("==", b, a.type(-1)))
    return bld.icmp_signed("==", bld.srem(a, bld.select(unsafe, a.type(1), b)), zero)


def shift(fl, op: str, t: T.Scalar, a, b):
    """Shifts as Python's int would give them, wrapped to the width; negative count → ValueError."""
    bld = fl.b
    width = a.type(t.bits)
    if t.signed:
        fl.fail_if(bld.icmp_signed("<", b, a.type(0)), "ValueError", "negative shift count")
    big = bld.icmp_unsigned(">=", b, width)
    safe = bld.select(big, a.type(0), b)
    if op == "<<":
        return bld.select(big, a.type(0), bld.shl(a, safe))
    if t.signed:
        fill = bld.select(bld.icmp_signed("<", a, a.type(0)), a.type(-1), a.type(0))
        return bld.select(big, fill, bld.ashr(a, safe))
    return bld.select(big, a.type(0), bld.lshr(a, safe))


def int_pow(fl, t: T.Scalar, base, exp):
    """base ** exp by squaring; a negative exponent is a ValueError (the result would be a float)."""
    bld = fl.b
    if t.signed:
        fl.fail_if(bld.icmp_signed("<", exp, exp.type(0)), "ValueError",
                   "integer ** negative exponent has a float result; use a float base")
    ty = base.type
    pre = bld.block
    loop = fl.new_block("pow.loop")
    done = fl.new_block("pow.done")
    bld.branch(loop)
    bld.position_at_end(loop)
    acc = bld.phi(ty)
    b_ = bld.phi(ty)
    e_ = bld.phi(ty)
    acc.add_incoming(ty(1), pre)
    b_.add_incoming(base, pre)
    e_.add_incoming(exp, pre)
    odd = bld.trunc(e_, I1)
    acc2 = bld.select(odd, bld.mul(acc, b_), acc)
    e2 = bld.lshr(e_, ty(1))
    b2 = bld.mul(b_, b_)
    body_end = bld.block
    acc.add_incoming(acc2, body_end)
    b_.add_incoming(b2, body_end)
    e_.add_incoming(e2, body_end)
    bld.cbranch(bld.icmp_unsigned("==", e2, ty(0)), done, loop)
    bld.position_at_end(done)
    result = bld.phi(ty)
    result.add_incoming(acc2, body_end)
    return result


def float_binop(fl, op: str, t: T.Scalar, a, b):
    bld = fl.b
    zero = a.type(0.0)
    flags = fl.fast_flags
    if op == "+":
        return bld.fadd(a, b, flags=flags)
    if op == "-":
        return bld.fsub(a, b, flags=flags)
    if op == "*":
        return bld.fmul(a, b, flags=flags)
    if op in ("/", "int/"):
        fl.fail_if(bld.fcmp_ordered("==", b, zero), "ZeroDivisionError",
                   "division by zero" if op == "int/" else "float division by zero", deferrable=True)
        return bld.fdiv(a, b, flags=flags)
    if op in ("//", "%"):
        return float_divmod(fl, op, a, b)
    if op == "**":
        return float_pow(fl, a, b)
    raise NotImplementedError(op)


def float_divmod(fl, op: str, a, b):
    """CPython's float_divmod, step for step (sign of zero and rounding included)."""
    bld = fl.b
    ty = a.type
    zero = ty(0.0)
    fl.fail_if(bld.fcmp_ordered("==", b, zero), "ZeroDivisionError",
               "float floor division by zero" if op == "//" else "float modulo", deferrable=True)
    copysign = fl.ctx.intrinsic(f"llvm.copysign.{_sfx(ty)}", ty, [ty, ty])
    mod = bld.frem(a, b)
    nonzero = bld.fcmp_unordered("!=", mod, zero)
    sign_differs = bld.xor(bld.fcmp_ordered("<", b, zero), bld.fcmp_ordered("<", mod, zero))
    fix = bld.and_(nonzero, sign_differs)
    mod_fixed = bld.select(fix, bld.fadd(mod, b), mod)
    mod_final = bld.select(nonzero, mod_fixed, bld.call(copysign, [zero, b]))
    if op == "%":
        return mod_final
    div = bld.fdiv(bld.fsub(a, mod), b)
    div = bld.select(fix, bld.fsub(div, ty(1.0)), div)
    floor = fl.ctx.intrinsic(f"llvm.floor.{_sfx(ty)}", ty, [ty])
    fdiv = bld.call(floor, [div])
    fdiv = bld.select(bld.fcmp_ordered(">", bld.fsub(div, fdiv), ty(0.5)), bld.fadd(fdiv, ty(1.0)), fdiv)
    return bld.select(bld.fcmp_unordered("!=", div, zero), fdiv, bld.call(copysign, [zero, bld.fdiv(a, b)]))


def float_pow(fl, a, b):
    """`a ** b` as CPython's float_pow: libm pow, 0.0 ** negative finite → ZeroDivisionError,
    finite operands with an infinite result → OverflowError.

    A constant exponent in POW_REDUCED first tries multiplies, a division or a square root
    (`_reduced_pow`); the libm path below stays as the fallback for every operand that
    candidate cannot prove equal to pow's result (specials, zeros, overflow, near-ties)."""
    exponent = b.constant if isinstance(b, ll.Constant) and isinstance(b.constant, float) else None
    if exponent in POW_REDUCED and getattr(fl.ctx, "REDUCE_POW", True):
        return _reduced_pow(fl, a, b, exponent)
    return _libm_pow(fl, a, b)


def _libm_pow(fl, a, b):
    """The general `a ** b`: CPython's float_pow checks around libm pow."""
    bld = fl.b
    ty = a.type
    inf = ty(float("inf"))
    fl.fail_if(bld.and_(bld.fcmp_ordered("==", a, ty(0.0)),
                        bld.and_(bld.fcmp_ordered("<", b, ty(0.0)), bld.fcmp_ordered("!=", b, ty(float("-inf"))))),
               "ZeroDivisionError", "0.0 cannot be raised to a negative power")
    finite = bld.and_(_is_finite(fl, a), _is_finite(fl, b))
    # CPython's float_pow answers a complex number here; a float function cannot, and NaN
    # would be a silent difference, so it raises (the message Python 2 gave for it)
    floor = fl.ctx.intrinsic(f"llvm.floor.{_sfx(ty)}", ty, [ty])
    fl.fail_if(bld.and_(finite, bld.and_(bld.fcmp_ordered("<", a, ty(0.0)),
                                         bld.fcmp_unordered("!=", bld.call(floor, [b]), b))),
               "ValueError", "negative number cannot be raised to a fractional power "
               "(Python's answer is complex: write complex(x) ** y)")
    result = libm_call(fl, "pow", [a, b])
    fl.fail_if(bld.and_(finite, bld.fcmp_ordered("==", _fabs(fl, result), inf)),
               "OverflowError", "(34, 'Numerical result out of range')")
    return result


# ---------------------------------------------------------------------------- x ** constant
# CPython computes `x ** 2` with the C library's pow(), which is not correctly rounded: glibc's
# pow is within 0.52-0.54 ULP of the exact value, and on 300,000 random doubles `x ** -1`
# differed from `1.0 / x` 258 times (x ** 2 vs x * x likewise, near ties).  So `x * x` alone
# would differ from CPython in the last bit now and then.  Instead the reduced form c and its
# rounding error E (exact, from fma) are computed; when |E| < margin ULP of c, c is the
# correctly rounded value and the exact value lies more than 0.5 - margin ULP away from a tie,
# so a pow whose error before its final rounding is below that returns c too.  glibc's and
# musl's pow (the same code) bound that error by exp's 0.009-0.011 ULP plus the log's
# |ln c| * 1.5 * 2**-68 relative (|y * ln x| = |ln c|): under 0.037 ULP for every c in
# [2**-960, 2**960], under 0.013 ULP for c in [2**-64, 2**64].  So the margin is 0.45 ULP in
# general and POW_TIE_MARGIN_NEAR (0.484) for results of moderate size, where nearly all
# operands are: about 1 operand in 30 then takes the libm path (1 in 10 with 0.45), and with it
# every special (0, inf, NaN, results out of [2**-960, 2**960]), so the values and the errors
# stay CPython's.  (A C library whose pow is worse than documented would show in
# tests/test_pow_reduction.py, which compares with CPython's `**` at near-ties.)  Results of
# f32 operands: c is the f64 value CPython's pow would give for the widened operands,
# narrowed as the libm path narrows.

POW_REDUCED = (2.0, 3.0, 4.0, -1.0, -2.0, 0.5)
POW_TIE_MARGIN = 0.45
POW_TIE_MARGIN_NEAR = 0.484
_POW_NEAR = 2.0 ** 64           # c in [1/_POW_NEAR, _POW_NEAR]: |ln c| <= 44.4
_POW_LO, _POW_HI = 2.0 ** -960, 2.0 ** 960     # fma residuals exact, no under/overflow anywhere


def _reduced_pow(fl, a, b, exponent: float):
    """`a ** exponent` (constant, in POW_REDUCED) through the checked candidate, else libm."""
    bld = fl.b
    ty = a.type
    x = a if ty == F64 else bld.fpext(a, F64)
    fma = fl.ctx.intrinsic("llvm.fma.f64", F64, [F64, F64, F64])

    def mul_err(p, q, prod):        # p*q - prod, exactly (one fma)
        return bld.call(fma, [p, q, bld.fneg(prod)])

    lo, hi = _POW_LO, _POW_HI if ty == F64 else 2.0 ** 127      # an f32 result stays finite
    scale = None
    if exponent == 0.5:
        c = bld.call(fl.ctx.intrinsic("llvm.sqrt.f64", F64, [F64]), [x])
        err = bld.call(fma, [bld.fneg(c), c, x])     # x - c*c; the root's error is that / 2c
        scale = bld.fmul(c, F64(2.0))
        lo, hi = 2.0 ** -480, 2.0 ** 480
    elif exponent == -1.0:
        c = bld.fdiv(F64(1.0), x)
        err = bld.fmul(bld.call(fma, [bld.fneg(c), x, F64(1.0)]), c)       # 1/x - c ~ (1 - c*x) * c
    else:
        h = bld.fmul(x, x)
        low = mul_err(x, x, h)                        # x*x == h + low exactly
        if exponent == 2.0:
            c, err = h, low
        elif exponent == 3.0:
            c = bld.fmul(h, x)
            err = bld.fadd(mul_err(h, x, c), bld.fmul(low, x))
        elif exponent == 4.0:
            c = bld.fmul(h, h)
            err = bld.fadd(mul_err(h, h, c), bld.fmul(F64(2.0), bld.fmul(h, low)))
        else:                                         # -2.0: 1/(h + low) - c ~ (1 - c*h - c*low) * c
            c = bld.fdiv(F64(1.0), h)
            r = bld.call(fma, [bld.fneg(c), h, F64(1.0)])
            err = bld.fmul(bld.fsub(r, bld.fmul(c, low)), c)
    if fl.fn.target == "cpu":
        # The test as a table lookup by c's exponent and one compare: the table holds what the
        # margin needs for that binade, NaN outside the range (and for zeros, subnormals, inf
        # and NaN), so the range test is the same compare -- about 12 instructions and one
        # branch an operand instead of 20 and three (benchmarks/spellings: `a[i] ** 2`).
        bits = bld.bitcast(c, I64)
        if scale is None:
            # |E| < margin * ULP(c) is exactly "c + E/(2*margin) rounds to c": one fma, and
            # below a power of two, where the exact value has the smaller ULP of the binade
            # under c, the rounding uses that one by itself
            exponent = bld.lshr(bld.shl(bits, I64(1)), I64(53))
            value = bld.load(bld.gep(_tie_table(fl.ctx, "stretch", lo, hi), [I64(0), exponent], inbounds=True))
            close = bld.icmp_unsigned("==", bld.bitcast(bld.call(fma, [err, value, c]), I64), bits)
        else:
            # the root's error is err / 2c: |err| < 2 * margin * ULP(c) * c, the ULP from the
            # predecessor's exponent (at a power of two the smaller ULP below it)
            exponent = bld.lshr(bld.shl(bld.sub(bits, I64(1)), I64(1)), I64(53))
            value = bld.load(bld.gep(_tie_table(fl.ctx, "root", lo, hi), [I64(0), exponent], inbounds=True))
            close = bld.fcmp_ordered("<", _fabs(fl, err), bld.fmul(value, c))
        # @fastmath: the correctly rounded c may differ from pow in the last bit, as its
        # reassociated sums may; specials, zeros and overflow still take CPython's path
        fast = bld.fcmp_ordered("ord", value, F64(0.0)) if fl.fast_flags else close
    else:
        mag = _fabs(fl, c)
        in_range = bld.and_(bld.fcmp_ordered(">=", mag, F64(lo)), bld.fcmp_ordered("<=", mag, F64(hi)))
        near = bld.and_(bld.fcmp_ordered(">=", mag, F64(1.0 / _POW_NEAR)),
                        bld.fcmp_ordered("<=", mag, F64(_POW_NEAR)))
        # ULP of c from its predecessor's exponent bits: at a power of two the smaller ULP below it
        ulp_bits = bld.sub(bld.bitcast(mag, I64), I64(1))
        ulp = bld.bitcast(bld.and_(ulp_bits, I64(0x7FF0000000000000)), F64)
        margin = bld.select(near, F64(POW_TIE_MARGIN_NEAR * 2.0 ** -52), F64(POW_TIE_MARGIN * 2.0 ** -52))
        limit = bld.fmul(ulp, margin)
        if scale is not None:
            limit = bld.fmul(limit, scale)       # (the root: its error is err / 2c)
        fast = bld.and_(in_range, bld.fcmp_ordered("<", _fabs(fl, err), limit))
        if fl.fast_flags:
            # @fastmath: the correctly rounded c may differ from pow in the last bit, as its
            # reassociated sums may; specials, zeros and overflow still take CPython's path
            fast = in_range
    with bld.if_else(fast, likely=True) as (then, otherwise):
        with then:
            quick = c if ty == F64 else bld.fptrunc(c, ty)
            quick_bb = bld.block
        with otherwise:
            slow = _libm_pow(fl, a, b)
            slow_bb = bld.block
    result = bld.phi(ty)
    result.add_incoming(quick, quick_bb)
    result.add_incoming(slow, slow_bb)
    return result


def _tie_table(ctx, kind: str, lo: float, hi: float) -> ll.GlobalVariable:
    """`fx$pow_tie.<kind>.<range>`: per biased exponent of a binade [2**k, 2**(k+1)) inside
    [lo, hi), what `_reduced_pow`'s test needs with that binade's margin (POW_TIE_MARGIN_NEAR
    inside [2**-64, 2**64), POW_TIE_MARGIN elsewhere): "stretch", 1 / (2 * margin); "root",
    2 * margin * ULP.  NaN for every other exponent, so the test fails there."""
    bottom, top, near = int(math.log2(lo)), int(math.log2(hi)), int(math.log2(_POW_NEAR))
    name = f"fx$pow_tie.{kind}.{bottom}.{top}"
    if name in ctx.module.globals:
        return ctx.module.globals[name]
    values = []
    for biased in range(2048):
        k = biased - 1023
        if biased in (0, 2047) or k < bottom or k + 1 > top:
            values.append(math.nan)
            continue
        margin = POW_TIE_MARGIN_NEAR if -near <= k and k + 1 <= near else POW_TIE_MARGIN
        values.append(0.5 / margin if kind == "stretch" else 2.0 * margin * math.ldexp(1.0, k - 52))
    ty = ll.ArrayType(F64, len(values))
    gv = ll.GlobalVariable(ctx.module, ty, name)
    gv.global_constant = True
    gv.linkage = "private"
    gv.initializer = ll.Constant(ty, values)
    return gv


def libm_call(fl, name: str, args: list[ll.Value]) -> ll.Value:
    """Call the C library's `name` on f64 (f32 widened and narrowed back) as CPython does.

    `nobuiltin` keeps LLVM from rewriting the call (pow(x, 0.5) → sqrt(x) differs in
    the last bit), so results are bit-identical to the interpreted module.
    """
    bld = fl.b
    ty = args[0].type
    wide = [a if a.type == F64 else bld.fpext(a, F64) for a in args]
    result = bld.call(fl.ctx.libm(name, len(args), exact=True), wide)
    return result if ty == F64 else bld.fptrunc(result, ty)


def _fabs(fl, x):
    return fl.b.call(fl.ctx.intrinsic(f"llvm.fabs.{_sfx(x.type)}", x.type, [x.type]), [x])


def _is_finite(fl, x):
    return fl.b.fcmp_ordered("<", _fabs(fl, x), x.type(float("inf")))


def _sfx(ty: ll.Type) -> str:
    return "f32" if ty == F32 else "f64"


def cast(fl, value: ll.Value, src: T.Scalar, dst: T.Scalar) -> ll.Value:
    """Numeric conversion with Python's meaning (float→int truncates; NaN/inf/overflow raise)."""
    bld = fl.b
    if src == dst:
        return value
    dty = scalar_type(dst)
    if dst.is_bool:
        return truth(fl, value, src)
    if dst.is_complex:
        return complex_cast(fl, value, src, dst)
    if src.is_complex:
        raise NotImplementedError(f"complex to {dst}")   # the checker rejects it
    if src.is_bool:
        return bld.uitofp(value, dty) if dst.is_float else bld.zext(value, dty)
    if src.is_int and dst.is_int:
        if dst.bits < src.bits:
            return bld.trunc(value, dty)
        if dst.bits > src.bits:
            return bld.sext(value, dty) if src.signed else bld.zext(value, dty)
        return value
    if src.is_int and dst.is_float:
        return bld.sitofp(value, dty) if src.signed else bld.uitofp(value, dty)
    if src.is_float and dst.is_float:
        return bld.fpext(value, dty) if dst.bits > src.bits else bld.fptrunc(value, dty)
    return float_to_int(fl, value, dst)


def float_to_int(fl, value: ll.Value, dst: T.Scalar) -> ll.Value:
    """float → int with Python's errors, as C checks a conversion: one range test on the hot path.

    Signed targets test `|x| < 2^63` (one compare: NaN, ±inf and everything out of range
    fail it); the cold path lets -2^63 itself through and raises for the rest.  u64 takes
    `-2^63 <= x < 2^64` (two ordered compares; NaN and ±inf fail both).  It used to test NaN,
    infinity and the two limits separately: four branches before `fptosi`.
    """
    bld = fl.b
    x = value if value.type == F64 else bld.fpext(value, F64)
    if dst == T.U64:
        # negatives wrap, as `u64(x)` does under plain Python
        in_range = bld.and_(bld.fcmp_ordered(">=", x, F64(-2.0**63)), bld.fcmp_ordered("<", x, F64(2.0**64)))
        with bld.if_then(bld.not_(in_range), likely=False):
            _float_to_int_error(fl, x, "u64")
        in_signed = bld.fcmp_ordered("<", x, F64(2.0**63))
        return bld.select(in_signed, bld.fptosi(x, I64), bld.fptoui(x, I64))
    fabs = fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
    with bld.if_then(bld.fcmp_unordered(">=", bld.call(fabs, [x]), F64(2.0**63)), likely=False):
        with bld.if_then(bld.fcmp_unordered("!=", x, F64(-2.0**63))):
            _float_to_int_error(fl, x, "i64")
    wide = bld.fptosi(x, I64)
    return wide if dst.bits == 64 else bld.trunc(wide, scalar_type(dst))


def _float_to_int_error(fl, x: ll.Value, target: str) -> None:
    """The cold path of `float_to_int`: raise CPython's error for NaN and ±inf, else ours."""
    bld = fl.b
    fl.fail_if(bld.fcmp_unordered("uno", x, x), "ValueError", "cannot convert float NaN to integer")
    fabs = fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64])
    fl.fail_if(bld.fcmp_ordered("==", bld.call(fabs, [x]), F64(float("inf"))), "OverflowError",
               "cannot convert float infinity to integer")
    fl.fail_if(I1(1), "OverflowError", f"float too large to convert to {target}")


def truth(fl, value: ll.Value, src: T.Scalar) -> ll.Value:
    bld = fl.b
    if src.is_bool:
        return value
    if src.is_complex:
        re, im = parts(fl, value)
        return bld.or_(truth(fl, re, T.complex_part(src)), truth(fl, im, T.complex_part(src)))
    if src.is_float:
        return bld.fcmp_unordered("!=", value, value.type(0.0))   # NaN is true, as in Python
    return bld.icmp_unsigned("!=", value, value.type(0))


def range_length(fl, start, stop, step):
    """len(range(start, stop, step)) without overflow; a zero step raises ValueError."""
    bld = fl.b
    fl.fail_if(bld.icmp_signed("==", step, I64(0)), "ValueError", "range() arg 3 must not be zero")
    up = bld.icmp_signed(">", step, I64(0))
    # the distance to cover and the stride, both as unsigned magnitudes
    ahead = bld.select(up, bld.icmp_signed("<", start, stop), bld.icmp_signed(">", start, stop))
    distance = bld.select(up, bld.sub(stop, start), bld.sub(start, stop))
    stride = bld.select(up, step, bld.neg(step))
    length = bld.add(bld.udiv(bld.sub(distance, I64(1)), stride), I64(1))
    return bld.select(ahead, length, I64(0))


def slice_bounds(fl, n, start, stop, step):
    """(start, length, step) of `[start:stop:step]` on an axis of length n, as slice.indices().

    Bounds may be None (Python's defaults).  A zero step raises ValueError.
    """
    bld = fl.b
    if step is None:
        step = I64(1)
    else:
        fl.fail_if(bld.icmp_signed("==", step, I64(0)), "ValueError", "slice step cannot be zero")
    negative = bld.icmp_signed("<", step, I64(0))
    lower = bld.select(negative, I64(-1), I64(0))
    upper = bld.select(negative, bld.sub(n, I64(1)), n)

    def adjust(value, default):
        if value is None:
            return default
        wrapped = bld.add(value, n)
        low = bld.select(bld.icmp_signed("<", wrapped, I64(0)), lower, wrapped)      # value < 0
        high = bld.select(bld.icmp_signed(">=", value, n), upper, value)              # value >= 0
        return bld.select(bld.icmp_signed("<", value, I64(0)), low, high)

    first = adjust(start, bld.select(negative, upper, lower))
    last = adjust(stop, bld.select(negative, lower, upper))
    # length = ceil((last - first) / step) when positive, else 0; step's sign decides the direction
    span = bld.select(negative, bld.sub(first, last), bld.sub(last, first))
    magnitude = bld.select(negative, bld.neg(step), step)
    length = bld.add(bld.sdiv(bld.sub(span, I64(1)), magnitude), I64(1))
    length = bld.select(bld.icmp_signed(">", span, I64(0)), length, I64(0))
    return first, length, step


MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def compare_int_float(fl, op: str, a: ll.Value, a_t: T.Scalar, b: ll.Value) -> ll.Value:
    """`a OP b` for a 64-bit integer `a` and an f64 `b`, exactly as Python compares int and float.

    Converting `a` rounds; rounding is monotonic, so when float(a) != b the float
    comparison is right, and when they are equal `b` is integral and the
    comparison is redone on integers (b = 2**63 resp. 2**64 is beyond every `a`).
    """
    bld = fl.b
    signed = a_t.signed
    fa = bld.sitofp(a, F64) if signed else bld.uitofp(a, F64)
    limit = F64(2.0**63 if signed else 2.0**64)
    beyond = bld.fcmp_ordered(">=", b, limit)
    safe_b = bld.select(beyond, F64(0.0), b)
    bi = bld.fptosi(safe_b, I64) if signed else bld.fptoui(safe_b, I64)
    exact = bld.icmp_signed(op, a, bi) if signed else bld.icmp_unsigned(op, a, bi)
    on_equal = bld.select(beyond, I1(int(op in ("<", "<=", "!="))), exact)
    differ = bld.fcmp_ordered("!=", fa, b)
    result = bld.select(differ, bld.fcmp_ordered(op, fa, b), on_equal)
    is_nan = bld.fcmp_unordered("uno", b, b)
    return bld.select(is_nan, I1(int(op == "!=")), result)


def compare_signed_unsigned(fl, op: str, s: ll.Value, u: ll.Value) -> ll.Value:
    """`s OP u` for a signed and a u64 value, both as i64, exactly as Python compares ints
    (promotion to i64 would read u >= 2**63 as negative): a negative s is below every u,
    else the two compare as unsigned numbers."""
    bld = fl.b
    negative = bld.icmp_signed("<", s, s.type(0))
    below = I1(int(op in ("<", "<=", "!=")))
    return bld.select(negative, below, bld.icmp_unsigned(op, s, u))


def compare(fl, op: str, t: T.Scalar, a, b) -> ll.Value:
    bld = fl.b
    if t.is_complex:
        return complex_compare(fl, op, a, b)
    if t.is_float:
        if op == "!=":
            return bld.fcmp_unordered("!=", a, b)
        return bld.fcmp_ordered(op, a, b)
    if t.signed:
        return bld.icmp_signed(op, a, b)
    return bld.icmp_unsigned(op, a, b)


# ---------------------------------------------------------------------------- complex numbers
# A complex value is a literal struct {re, im} of two f64 (c128) or two f32 (c64).  Every
# operation is CPython's (Objects/complexobject.c), step for step, so results are bit-identical.

def make_complex(fl, re: ll.Value, im: ll.Value) -> ll.Value:
    agg = ll.Constant(ll.LiteralStructType([re.type, re.type]), ll.Undefined)
    return fl.b.insert_value(fl.b.insert_value(agg, re, 0), im, 1)


def parts(fl, z: ll.Value) -> tuple[ll.Value, ll.Value]:
    return fl.b.extract_value(z, 0), fl.b.extract_value(z, 1)


def complex_prod(fl, a, b):
    """_Py_c_prod."""
    bld, f = fl.b, fl.fast_flags
    (ar, ai), (br, bi) = parts(fl, a), parts(fl, b)
    re = bld.fsub(bld.fmul(ar, br, flags=f), bld.fmul(ai, bi, flags=f), flags=f)
    im = bld.fadd(bld.fmul(ar, bi, flags=f), bld.fmul(ai, br, flags=f), flags=f)
    return make_complex(fl, re, im)


def complex_quot(fl, a, b):
    """_Py_c_quot (Smith's method as CPython writes it).  Returns (quotient, divisor is zero)."""
    bld, f = fl.b, fl.fast_flags
    (ar, ai), (br, bi) = parts(fl, a), parts(fl, b)
    ty = ar.type
    abs_br, abs_bi = _fabs(fl, br), _fabs(fl, bi)
    # |b.real| >= |b.imag|: divide by b.real
    ratio1 = bld.fdiv(bi, br, flags=f)
    denom1 = bld.fadd(br, bld.fmul(bi, ratio1, flags=f), flags=f)
    re1 = bld.fdiv(bld.fadd(ar, bld.fmul(ai, ratio1, flags=f), flags=f), denom1, flags=f)
    im1 = bld.fdiv(bld.fsub(ai, bld.fmul(ar, ratio1, flags=f), flags=f), denom1, flags=f)
    # |b.imag| >= |b.real|: divide by b.imag
    ratio2 = bld.fdiv(br, bi, flags=f)
    denom2 = bld.fadd(bld.fmul(br, ratio2, flags=f), bi, flags=f)
    re2 = bld.fdiv(bld.fadd(bld.fmul(ar, ratio2, flags=f), ai, flags=f), denom2, flags=f)
    im2 = bld.fdiv(bld.fsub(bld.fmul(ai, ratio2, flags=f), ar, flags=f), denom2, flags=f)
    first = bld.fcmp_ordered(">=", abs_br, abs_bi)
    zero = bld.and_(first, bld.fcmp_ordered("==", abs_br, ty(0.0)))
    second = bld.fcmp_ordered(">=", abs_bi, abs_br)
    nan = ty(float("nan"))
    re = bld.select(first, re1, bld.select(second, re2, nan))
    im = bld.select(first, im1, bld.select(second, im2, nan))
    return make_complex(fl, re, im), zero


def complex_binop(fl, op: str, a, b):
    bld, f = fl.b, fl.fast_flags
    if op in ("+", "-"):
        (ar, ai), (br, bi) = parts(fl, a), parts(fl, b)
        fn = bld.fadd if op == "+" else bld.fsub
        return make_complex(fl, fn(ar, br, flags=f), fn(ai, bi, flags=f))
    if op == "*":
        return complex_prod(fl, a, b)
    if op == "/":
        q, zero = complex_quot(fl, a, b)
        fl.fail_if(zero, "ZeroDivisionError", "complex division by zero")
        return q
    raise NotImplementedError(op)


def complex_powi(fl, z, n: int):
    """`z ** n` for a constant integer |n| <= 100: CPython's c_powi (c_powu unrolled)."""
    ty = z.type.elements[0]
    one = make_complex(fl, ty(1.0), ty(0.0))
    r, p, mask, m = one, z, 1, abs(n)
    while mask <= m:
        if m & mask:
            r = complex_prod(fl, r, p)
        mask <<= 1
        if mask <= m:
            p = complex_prod(fl, p, p)
    if n <= 0:
        r, zero = complex_quot(fl, one, r)
        fl.fail_if(zero, "ZeroDivisionError", "0.0 to a negative or complex power")
    re, im = parts(fl, r)
    inf = ty(float("inf"))
    fl.fail_if(fl.b.or_(fl.b.fcmp_ordered("==", _fabs(fl, re), inf), fl.b.fcmp_ordered("==", _fabs(fl, im), inf)),
               "OverflowError", "complex exponentiation")
    return r


def complex_abs(fl, z):
    """abs(z): the C library's hypot, as CPython's _Py_c_abs; a finite z with an infinite
    modulus raises OverflowError."""
    bld = fl.b
    re, im = parts(fl, z)
    result = libm_call(fl, "hypot", [re, im])
    finite = bld.and_(_is_finite(fl, re), _is_finite(fl, im))
    fl.fail_if(bld.and_(finite, bld.fcmp_ordered("==", _fabs(fl, result), result.type(float("inf")))),
               "OverflowError", "absolute value too large")
    return result


def complex_cast(fl, value: ll.Value, src: T.Scalar, dst: T.Scalar) -> ll.Value:
    """A real or complex value as complex `dst` (a real x becomes (x, 0.0), as in Python)."""
    part = T.complex_part(dst)
    if src.is_complex:
        re, im = parts(fl, value)
        return make_complex(fl, cast(fl, re, T.complex_part(src), part), cast(fl, im, T.complex_part(src), part))
    return make_complex(fl, cast(fl, value, src, part), scalar_type(part)(0.0))


def complex_compare(fl, op: str, a, b):
    bld = fl.b
    (ar, ai), (br, bi) = parts(fl, a), parts(fl, b)
    if op == "==":
        return bld.and_(bld.fcmp_ordered("==", ar, br), bld.fcmp_ordered("==", ai, bi))
    if op == "!=":
        return bld.or_(bld.fcmp_unordered("!=", ar, br), bld.fcmp_unordered("!=", ai, bi))
    raise NotImplementedError(op)


# ---------------------------------------------------------------------------- int / int
# Python divides integers exactly and rounds once (long_true_divide); converting both
# operands to double first rounds up to three times, which differs once either operand is
# beyond 2**53 (4490899110624421474 / 8469216845598671737).  Operands that both fit in 53
# bits convert exactly, so their double division is already correctly rounded: that is the
# inline fast path; the rest calls `fx$int_truediv` (emitted once per module).

EXACT = 2 ** 53


def int_true_divide(fl, a: ll.Value, a_signed: bool, b: ll.Value, b_signed: bool) -> ll.Value:
    """`a / b` of two 64-bit integers (each signed or unsigned) as Python computes it.

    ZeroDivisionError for b == 0; otherwise the correctly rounded f64 quotient."""
    bld = fl.b
    is_zero = bld.icmp_unsigned("==", b, I64(0))
    fl.fail_if(is_zero, "ZeroDivisionError", "division by zero", deferrable=True)
    if getattr(fl, "speculation", None) is not None:      # the check only set a flag: the long division needs b != 0
        b = bld.select(is_zero, I64(1), b)

    def small(v, signed):
        if signed:    # -2**53 <= v <= 2**53, one unsigned compare
            return bld.icmp_unsigned("<=", bld.add(v, I64(EXACT)), I64(2 * EXACT))
        return bld.icmp_unsigned("<=", v, I64(EXACT))

    def to_f64(v, signed):
        return bld.sitofp(v, F64) if signed else bld.uitofp(v, F64)

    fast = bld.and_(small(a, a_signed), small(b, b_signed))
    with bld.if_else(fast, likely=True) as (then, otherwise):
        with then:
            quick = bld.fdiv(to_f64(a, a_signed), to_f64(b, b_signed))
            quick_bb = bld.block
        with otherwise:
            def magnitude(v, signed):
                if not signed:
                    return v, I1(0)
                neg = bld.icmp_signed("<", v, I64(0))
                return bld.select(neg, bld.neg(v), v), neg
            ma, na = magnitude(a, a_signed)
            mb, nb = magnitude(b, b_signed)
            exact = bld.call(_truediv_fn(fl.ctx), [ma, mb, bld.xor(na, nb)])
            exact_bb = bld.block
    result = bld.phi(F64)
    result.add_incoming(quick, quick_bb)
    result.add_incoming(exact, exact_bb)
    return result


def _truediv_fn(ctx) -> ll.Function:
    """`double fx$int_truediv(u64 a, u64 b, i1 negative)`: a / b correctly rounded (b != 0).

    Long division produces the quotient's leading bits: q = a // b (up to 64 bits), then
    one bit at a time `r = 2r (- b)` until q has at least 55 bits, a sticky bit ORed into
    q's lowest bit when the remainder is not zero.  With two bits below the 53 that a
    double keeps, converting q to double rounds correctly (to nearest, ties to even), and
    scaling by 2**-k (k bits appended) is exact: quotients of 64-bit integers lie between
    2**-64 and 2**64, far from underflow and overflow."""
    fn = ctx.module.globals.get("fx$int_truediv")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(F64, [I64, I64, I1]), "fx$int_truediv")
    fn.linkage = "internal"
    fn.attributes.add("noinline")
    a, b, negative = fn.args
    entry = fn.append_basic_block("entry")
    loop = fn.append_basic_block("bits")
    done = fn.append_basic_block("done")
    bld = ll.IRBuilder(entry)
    q0 = bld.udiv(a, b)
    r0 = bld.urem(a, b)
    bld.branch(loop)
    bld.position_at_end(loop)
    q = bld.phi(I64, "q")
    r = bld.phi(I64, "r")
    k = bld.phi(I64, "k")
    q.add_incoming(q0, entry)
    r.add_incoming(r0, entry)
    k.add_incoming(I64(0), entry)
    # enough bits (q >= 2**54: 55 significant bits), or a == 0 (nothing to find: ±0.0)
    enough = bld.or_(bld.icmp_unsigned(">=", q, I64(1 << 54)), bld.icmp_unsigned("==", bld.or_(q, r), I64(0)))
    step = fn.append_basic_block("bit")
    bld.cbranch(enough, done, step)
    bld.position_at_end(step)
    # r < b < 2**64: 2r may need 65 bits; when its top bit is out, 2r > b and 2r - b < b fits
    top = bld.icmp_signed("<", r, I64(0))
    r2 = bld.shl(r, I64(1))
    ge = bld.or_(top, bld.icmp_unsigned(">=", r2, b))
    r_next = bld.select(ge, bld.sub(r2, b), r2)
    q_next = bld.or_(bld.shl(q, I64(1)), bld.zext(ge, I64))
    q.add_incoming(q_next, step)
    r.add_incoming(r_next, step)
    k.add_incoming(bld.add(k, I64(1)), step)
    bld.branch(loop)
    bld.position_at_end(done)
    sticky = bld.zext(bld.icmp_unsigned("!=", r, I64(0)), I64)
    value = bld.uitofp(bld.or_(q, sticky), F64)
    # 2**-k as a double: the exponent field holds 1023 - k (k <= 118)
    scale = bld.bitcast(bld.shl(bld.sub(I64(1023), k), I64(52)), F64)
    magnitude = bld.fmul(value, scale)
    bld.ret(bld.select(negative, bld.fneg(magnitude), magnitude))
    return fn
