"""`a ** b` for complex numbers with a run-time exponent: CPython's complex_pow, step for step.

Objects/complexobject.c: an exponent with a zero imaginary part and an integral real part
of magnitude at most 100 takes `c_powi` (repeated squaring, `_Py_c_quot(1, ·)` for
n <= 0); any other takes `_Py_c_pow` (polar form through hypot/pow/atan2/exp/log/cos/sin,
the C library's, called as written).  Errors are CPython's errno logic
(`_Py_ADJUST_ERANGE2`): EDOM — a zero base to a negative or complex power, a zero
divisor in `c_powi`, or cos/sin of an infinite phase (glibc sets EDOM there) — raises
ZeroDivisionError "0.0 to a negative or complex power"; otherwise an infinite part of
the result raises OverflowError "complex exponentiation".
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.lower import arith
from fastext.compiler.lower.context import F64, I1, I64

POWI_LIMIT = 100.0


def complex_pow(fl, a: ll.Value, b: ll.Value) -> ll.Value:
    """`a ** b` on c128 values, raising as CPython does."""
    bld = fl.b
    (ar, ai), (br, bi) = arith.parts(fl, a), arith.parts(fl, b)
    floor = fl.ctx.intrinsic("llvm.floor.f64", F64, [F64])
    small_int = bld.and_(bld.and_(bld.fcmp_ordered("==", bi, F64(0.0)),
                                  bld.fcmp_ordered("==", br, bld.call(floor, [br]))),
                         bld.fcmp_ordered("<=", arith._fabs(fl, br), F64(POWI_LIMIT)))
    powi_bb, general_bb, done = fl.new_block("cpow.int"), fl.new_block("cpow.general"), fl.new_block("cpow.done")
    bld.cbranch(small_int, powi_bb, general_bb)

    bld.position_at_end(powi_bb)
    r_int, edom_int = _powi(fl, a, bld.fptosi(br, I64))
    powi_end = bld.block
    bld.branch(done)

    bld.position_at_end(general_bb)
    r_gen, edom_gen = _c_pow(fl, ar, ai, br, bi)
    general_end = bld.block
    bld.branch(done)

    bld.position_at_end(done)
    r = bld.phi(r_int.type)
    r.add_incoming(r_int, powi_end)
    r.add_incoming(r_gen, general_end)
    edom = bld.phi(I1)
    edom.add_incoming(edom_int, powi_end)
    edom.add_incoming(edom_gen, general_end)
    fl.fail_if(edom, "ZeroDivisionError", "0.0 to a negative or complex power")
    re, im = arith.parts(fl, r)
    inf = F64(float("inf"))
    fl.fail_if(bld.or_(bld.fcmp_ordered("==", arith._fabs(fl, re), inf), bld.fcmp_ordered("==", arith._fabs(fl, im), inf)),
               "OverflowError", "complex exponentiation")
    return r


def _powi(fl, z: ll.Value, n: ll.Value) -> tuple[ll.Value, ll.Value]:
    """c_powi(z, n) for |n| <= 100: (result, EDOM from the division)."""
    bld = fl.b
    one = arith.make_complex(fl, F64(1.0), F64(0.0))
    m = bld.select(bld.icmp_signed("<", n, I64(0)), bld.neg(n), n)
    pre = bld.block
    head, body, tail = fl.new_block("cpowu.head"), fl.new_block("cpowu.body"), fl.new_block("cpowu.end")
    bld.branch(head)
    bld.position_at_end(head)
    r, p, mask = bld.phi(one.type), bld.phi(one.type), bld.phi(I64)
    r.add_incoming(one, pre)
    p.add_incoming(z, pre)
    mask.add_incoming(I64(1), pre)
    bld.cbranch(bld.icmp_signed("<=", mask, m), body, tail)
    bld.position_at_end(body)
    take = bld.icmp_unsigned("!=", bld.and_(m, mask), I64(0))
    r_next = bld.select(take, arith.complex_prod(fl, r, p), r)
    p_next = arith.complex_prod(fl, p, p)
    r.add_incoming(r_next, body)
    p.add_incoming(p_next, body)
    mask.add_incoming(bld.shl(mask, I64(1)), body)
    bld.branch(head)
    bld.position_at_end(tail)
    inverse, zero = arith.complex_quot(fl, one, r)
    positive = bld.icmp_signed(">", n, I64(0))
    return bld.select(positive, r, inverse), bld.and_(bld.not_(positive), zero)


def _c_pow(fl, ar, ai, br, bi) -> tuple[ll.Value, ll.Value]:
    """_Py_c_pow: (result, EDOM)."""
    bld = fl.b
    libm = lambda name, *args: arith.libm_call(fl, name, list(args))   # noqa: E731
    vabs = libm("hypot", ar, ai)
    length = libm("pow", vabs, br)
    at = libm("atan2", ai, ar)
    phase = bld.fmul(at, br)
    has_imag = bld.fcmp_unordered("!=", bi, F64(0.0))
    length = bld.select(has_imag, bld.fdiv(length, libm("exp", bld.fmul(at, bi))), length)
    phase = bld.select(has_imag, bld.fadd(phase, bld.fmul(bi, libm("log", vabs))), phase)
    re, im = bld.fmul(length, libm("cos", phase)), bld.fmul(length, libm("sin", phase))
    # cos/sin of an infinite phase set errno = EDOM (glibc), which CPython reports
    edom_trig = bld.fcmp_ordered("==", arith._fabs(fl, phase), F64(float("inf")))
    zero_b = bld.and_(bld.fcmp_ordered("==", br, F64(0.0)), bld.fcmp_ordered("==", bi, F64(0.0)))
    zero_a = bld.and_(bld.fcmp_ordered("==", ar, F64(0.0)), bld.fcmp_ordered("==", ai, F64(0.0)))
    edom_zero = bld.or_(bld.fcmp_unordered("!=", bi, F64(0.0)), bld.fcmp_ordered("<", br, F64(0.0)))
    re = bld.select(zero_b, F64(1.0), bld.select(zero_a, F64(0.0), re))
    im = bld.select(zero_b, F64(0.0), bld.select(zero_a, F64(0.0), im))
    edom = bld.select(zero_b, I1(0), bld.select(zero_a, edom_zero, edom_trig))
    return arith.make_complex(fl, re, im), edom
