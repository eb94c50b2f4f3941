"""`math.gamma` and `math.lgamma` as CPython computes them.

CPython does not call the C library's tgamma/lgamma: Modules/mathmodule.c has its own
Lanczos approximation (N=13, g=6.024680040776729583740234375, the sum as a rational function,
Horner in x below 5 and in 1/x above, a correction for the rounding of x+g-0.5, the reflection
formula through an accurate sin(pi*x) for x < 0).  The libm's own functions differ from it in
the last bits, so these are that algorithm, step for step: the same operations in the same
order, calling the C library's exp/pow/log/sin/cos/fmod as CPython does, give the same bits
(tests/test_math_more.py compares with CPython on many arguments).

Each is one internal function `double(double)` that computes the value only; the errors
CPython signals through errno (a pole or -inf: ValueError; an infinite result from a finite
argument: OverflowError) are tests on the argument and the result at the call
(lower/intrinsics.py), so the function itself has no error path.
"""
from __future__ import annotations

import llvmlite.ir as ll

from fastext.compiler.lower.context import F64, I64
from fastext.compiler.lower.ircontrol import internal_function

_G = 6.024680040776729583740234375
_G_MINUS_HALF = 5.524680040776729583740234375
# the numerator and denominator of the Lanczos sum as a rational function (exact decimal
# expansions of the doubles CPython uses)
_NUM = (23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408)
_DEN = (0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0,
        357423.0, 32670.0, 1925.0, 66.0, 1.0)
_GAMMA_INTEGRAL = tuple(float(f) for f in (1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800,
                                           479001600, 6227020800, 87178291200, 1307674368000,
                                           20922789888000, 355687428096000, 6402373705728000,
                                           121645100408832000, 2432902008176640000,
                                           51090942171709440000, 1124000727777607680000))
_PI = 3.141592653589793238462643383279502884197
_LOGPI = 1.144729885849400174143427351353058711647


class _Emit:
    """One internal function under construction, with the libm calls it makes."""

    def __init__(self, ctx, fn: ll.Function, b: ll.IRBuilder):
        self.ctx, self.fn, self.b = ctx, fn, b
        fn.attributes.add("nounwind")

    def libm(self, name: str, *args: ll.Value) -> ll.Value:
        return self.b.call(self.ctx.libm(name, len(args), exact=True), list(args))

    def llvm(self, name: str, *args: ll.Value) -> ll.Value:
        return self.b.call(self.ctx.intrinsic(f"llvm.{name}.f64", F64, [F64] * len(args)), list(args))

    def returns_if(self, cond: ll.Value, value, tag: str) -> None:
        """`if (cond) return value;` where `value()` is emitted in the taken branch only."""
        b = self.b
        taken, rest = self.fn.append_basic_block(tag), self.fn.append_basic_block(tag + ".else")
        b.cbranch(cond, taken, rest)
        b.position_at_end(taken)
        b.ret(value())
        b.position_at_end(rest)

    def choose(self, cond: ll.Value, then, otherwise, tag: str) -> ll.Value:
        """`cond ? then() : otherwise()`, each side emitted in its own block (libm calls run
        only on the side C runs them)."""
        b = self.b
        one, two, join = (self.fn.append_basic_block(f"{tag}.{k}") for k in ("then", "else", "join"))
        b.cbranch(cond, one, two)
        b.position_at_end(one)
        v1 = then()
        end1 = b.block
        b.branch(join)
        b.position_at_end(two)
        v2 = otherwise()
        end2 = b.block
        b.branch(join)
        b.position_at_end(join)
        phi = b.phi(F64)
        phi.add_incoming(v1, end1)
        phi.add_incoming(v2, end2)
        return phi

    def lanczos_sum(self, x: ll.Value) -> ll.Value:
        """L_g(x) for x > 0: Horner in x below 5.0, in 1/x from 5.0 up (no overflow)."""
        b = self.b

        def horner(step, order):
            num = den = F64(0.0)
            for i in order:
                num = b.fadd(step(num), F64(_NUM[i]))
                den = b.fadd(step(den), F64(_DEN[i]))
            return b.fdiv(num, den)
        return self.choose(b.fcmp_ordered("<", x, F64(5.0)),
                           lambda: horner(lambda v: b.fmul(v, x), range(12, -1, -1)),
                           lambda: horner(lambda v: b.fdiv(v, x), range(13)), "lanczos")

    def sinpi(self, x: ll.Value) -> ll.Value:
        """sin(pi*x) for finite x, exact at the integers (CPython's m_sinpi)."""
        b = self.b
        y = self.libm("fmod", self.llvm("fabs", x), F64(2.0))
        n = b.fptosi(self.llvm("round", b.fmul(F64(2.0), y)), I64)
        cases = (lambda: self.libm("sin", b.fmul(F64(_PI), y)),
                 lambda: self.libm("cos", b.fmul(F64(_PI), b.fsub(y, F64(0.5)))),
                 lambda: self.libm("sin", b.fmul(F64(_PI), b.fsub(F64(1.0), y))),
                 lambda: b.fneg(self.libm("cos", b.fmul(F64(_PI), b.fsub(y, F64(1.5))))),
                 lambda: self.libm("sin", b.fmul(F64(_PI), b.fsub(y, F64(2.0)))))
        join = self.fn.append_basic_block("sinpi.join")
        start = b.block
        switch = b.switch(n, join)      # n is 0..4: the default edge is never taken
        incoming = []
        for k, case in enumerate(cases):
            block = self.fn.append_basic_block(f"sinpi.{k}")
            switch.add_case(I64(k), block)
            b.position_at_end(block)
            incoming.append((case(), b.block))
            b.branch(join)
        b.position_at_end(join)
        r = b.phi(F64)
        r.add_incoming(F64(0.0), start)
        for value, block in incoming:
            r.add_incoming(value, block)
        return b.fmul(self.llvm("copysign", F64(1.0), x), r)


def _table(ctx, name: str, values: tuple) -> ll.GlobalVariable:
    ty = ll.ArrayType(F64, len(values))
    gv = ll.GlobalVariable(ctx.module, ty, name)
    gv.global_constant = True
    gv.linkage = "private"
    gv.initializer = ll.Constant(ty, list(values))
    return gv


def _defined(ctx, name: str, body) -> ll.Function:
    """The internal function `name`, its body made by `body(e, x, |x|)` the first time it is
    asked for (a NaN argument is returned as it is, by both functions)."""
    fn, b = internal_function(ctx.module, name, F64, [F64])
    if b is None:
        return fn
    e = _Emit(ctx, fn, b)
    (x,) = e.fn.args
    e.returns_if(e.b.fcmp_unordered("uno", x, x), lambda: x, "nan")
    body(e, x, e.llvm("fabs", x))
    return e.fn


def gamma_function(ctx) -> ll.Function:
    """`double fx$math.gamma(double)`: CPython's m_tgamma (values only; errors at the call)."""
    return _defined(ctx, "fx$math.gamma", _gamma)


def lgamma_function(ctx) -> ll.Function:
    """`double fx$math.lgamma(double)`: CPython's m_lgamma (values only; errors at the call)."""
    return _defined(ctx, "fx$math.lgamma", _lgamma)


def _gamma(e: _Emit, x: ll.Value, absx: ll.Value) -> None:
    b = e.b
    inf = F64(float("inf"))
    # +inf is itself, -inf is nan (ValueError at the call)
    e.returns_if(b.fcmp_ordered("==", x, inf), lambda: x, "inf")
    e.returns_if(b.fcmp_ordered("==", x, b.fneg(inf)), lambda: F64(float("nan")), "neginf")
    e.returns_if(b.fcmp_ordered("==", x, F64(0.0)), lambda: e.llvm("copysign", inf, x), "zero")
    integral = b.fcmp_ordered("==", x, e.llvm("floor", x))
    e.returns_if(b.and_(integral, b.fcmp_ordered("<", x, F64(0.0))), lambda: F64(float("nan")), "negint")
    table = _table(e.ctx, "fx$math.gamma_integral", _GAMMA_INTEGRAL)
    e.returns_if(b.and_(integral, b.fcmp_ordered("<=", x, F64(len(_GAMMA_INTEGRAL)))),
                 lambda: b.load(b.gep(table, [I64(0), b.sub(b.fptosi(x, I64), I64(1))], inbounds=True)), "table")
    e.returns_if(b.fcmp_ordered("<", absx, F64(1e-20)), lambda: b.fdiv(F64(1.0), x), "tiny")
    e.returns_if(b.fcmp_ordered(">", absx, F64(200.0)),
                 lambda: e.choose(b.fcmp_ordered("<", x, F64(0.0)), lambda: b.fdiv(F64(0.0), e.sinpi(x)),
                                  lambda: inf, "huge"), "large")
    y = b.fadd(absx, F64(_G_MINUS_HALF))
    # the rounding error of y, as CPython computes it (exact subtractions, in this order)
    z = e.choose(b.fcmp_ordered(">", absx, F64(_G_MINUS_HALF)),
                 lambda: b.fsub(b.fsub(y, absx), F64(_G_MINUS_HALF)),
                 lambda: b.fsub(b.fsub(y, F64(_G_MINUS_HALF)), absx), "err")
    z = b.fdiv(b.fmul(z, F64(_G)), y)
    small = b.fcmp_ordered("<", absx, F64(140.0))

    def scaled(r, apply):           # r op pow(y, absx - 0.5), split in two factors from 140 up
        return e.choose(small, lambda: apply(r, e.libm("pow", y, b.fsub(absx, F64(0.5)))),
                        lambda: _twice(apply, r, e.libm("pow", y, b.fsub(b.fdiv(absx, F64(2.0)), F64(0.25)))),
                        "pow")

    def negative():
        r = b.fdiv(b.fdiv(F64(-_PI), e.sinpi(absx)), absx)
        r = b.fdiv(b.fmul(r, e.libm("exp", y)), e.lanczos_sum(absx))
        r = b.fsub(r, b.fmul(z, r))
        return scaled(r, b.fdiv)

    def positive():
        r = b.fdiv(e.lanczos_sum(absx), e.libm("exp", y))
        r = b.fadd(r, b.fmul(z, r))
        return scaled(r, b.fmul)
    b.ret(e.choose(b.fcmp_ordered("<", x, F64(0.0)), negative, positive, "sign"))


def _twice(apply, r, factor):
    return apply(apply(r, factor), factor)


def _lgamma(e: _Emit, x: ll.Value, absx: ll.Value) -> None:
    b = e.b
    inf = F64(float("inf"))
    e.returns_if(b.fcmp_ordered("==", absx, inf), lambda: inf, "inf")
    integral = b.and_(b.fcmp_ordered("==", x, e.llvm("floor", x)), b.fcmp_ordered("<=", x, F64(2.0)))
    e.returns_if(integral, lambda: b.select(b.fcmp_ordered("<=", x, F64(0.0)), inf, F64(0.0)), "int")
    e.returns_if(b.fcmp_ordered("<", absx, F64(1e-20)), lambda: b.fneg(e.libm("log", absx)), "tiny")
    r = b.fsub(e.libm("log", e.lanczos_sum(absx)), F64(_G))
    t = e.libm("log", b.fsub(b.fadd(absx, F64(_G)), F64(0.5)))
    r = b.fadd(r, b.fmul(b.fsub(absx, F64(0.5)), b.fsub(t, F64(1.0))))

    def reflected():
        s = e.libm("log", e.llvm("fabs", e.sinpi(absx)))
        return b.fsub(b.fsub(b.fsub(F64(_LOGPI), s), e.libm("log", absx)), r)
    b.ret(e.choose(b.fcmp_ordered("<", x, F64(0.0)), reflected, lambda: r, "sign"))
