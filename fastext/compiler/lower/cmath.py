"""`cmath` functions as CPython computes them (Modules/cmathmodule.c), in LLVM IR.

Each function is emitted once per module as an internal LLVM function
`{double re, double im, i32 errno} @fx.cmath.NAME(double, double)` (errno: 0, EDOM
→ ValueError "math domain error", ERANGE → OverflowError "math range error"), called
from `lower_cmath`.  The finite-argument paths are CPython's algorithms step by step,
calling the same C library functions (`nobuiltin`), so results are bit-identical.

Non-finite arguments: CPython looks the result up in a 7×7 table indexed by the
"special type" of each part (−inf, negative, −0, +0, positive, +inf, NaN), except in a
few cases it computes (an infinite real part with a finite non-zero imaginary part, for
exp/cosh/sinh/tanh/rect).  The tables are built here by evaluating the running
interpreter's own `cmath` at one representative of each class — the table entries do
not depend on which member of a class is given — so compiled code returns CPython's
values and raises where it raises.  The computed cases are emitted explicitly.

Branches are `select`s: every candidate is computed (they call pure functions), which
keeps the emitter short; the cost only matters on a path that is slow anyway.
"""
from __future__ import annotations

import cmath
import math
import sys

from llvmlite import ir as ll

from fastext.compiler.lower.context import F64, I1, I32, I64, ModuleContext

C = ll.LiteralStructType([F64, F64])
RESULT = ll.LiteralStructType([F64, F64, I32])
EDOM, ERANGE = 1, 2

DBL_MIN = sys.float_info.min
LARGE = sys.float_info.max / 4.0          # CM_LARGE_DOUBLE
SQRT_LARGE = math.sqrt(LARGE)             # CM_SQRT_LARGE_DOUBLE
LOG_LARGE = math.log(LARGE)               # CM_LOG_LARGE_DOUBLE
SQRT_DBL_MIN = math.sqrt(DBL_MIN)         # CM_SQRT_DBL_MIN
LN2, LN10 = 0.6931471805599453094, 2.302585092994045684
INF, NAN = math.inf, math.nan
REPRESENTATIVES = (-INF, -1.0, -0.0, 0.0, 1.0, INF, NAN)    # one per special type, in table order

# name → (arity of complex arguments (rect: 2 reals), has special table)
FUNCTIONS = ("sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
             "asin", "acos", "atan", "asinh", "acosh", "atanh", "rect")


def _table(name: str) -> tuple[list[complex], list[int]]:
    """CPython's special-value table of `name` (and its errno per cell), by evaluation."""
    fn = getattr(cmath, name)
    values, errors = [], []
    for re in REPRESENTATIVES:
        for im in REPRESENTATIVES:
            try:
                values.append(complex(fn(re, im) if name == "rect" else fn(complex(re, im))))
                errors.append(0)
            except ValueError:
                values.append(complex(NAN, NAN))
                errors.append(EDOM)
            except OverflowError:
                values.append(complex(NAN, NAN))
                errors.append(ERANGE)
    return values, errors


class _Emitter:
    """Builds one `fx.cmath.NAME` function; small helpers over an IRBuilder."""

    def __init__(self, ctx: ModuleContext, fn: ll.Function):
        self.ctx, self.fn = ctx, fn
        self.b = ll.IRBuilder(fn.append_basic_block("entry"))

    # -- scalar helpers
    def c(self, v: float) -> ll.Constant:
        return F64(v)

    def libm(self, name: str, *args: ll.Value) -> ll.Value:
        return self.b.call(self.ctx.libm(name, len(args), exact=True), list(args))

    def llvm(self, name: str, *args: ll.Value) -> ll.Value:
        return self.b.call(self.ctx.intrinsic(f"llvm.{name}.f64", F64, [F64] * len(args)), list(args))

    def fabs(self, x):
        return self.llvm("fabs", x)

    def copysign(self, x, y):
        return self.llvm("copysign", x, y)

    def sqrt(self, x):
        return self.llvm("sqrt", x)   # correctly rounded, as the C library's

    def add(self, a, b):
        return self.b.fadd(a, b)

    def sub(self, a, b):
        return self.b.fsub(a, b)

    def mul(self, a, b):
        return self.b.fmul(a, b)

    def div(self, a, b):
        return self.b.fdiv(a, b)

    def neg(self, a):
        return self.b.fneg(a)

    def lt(self, a, b):
        return self.b.fcmp_ordered("<", a, b)

    def gt(self, a, b):
        return self.b.fcmp_ordered(">", a, b)

    def ge(self, a, b):
        return self.b.fcmp_ordered(">=", a, b)

    def le(self, a, b):
        return self.b.fcmp_ordered("<=", a, b)

    def eq(self, a, b):
        return self.b.fcmp_ordered("==", a, b)

    def ne(self, a, b):
        return self.b.fcmp_unordered("!=", a, b)

    def sel(self, cond, a, b):
        return self.b.select(cond, a, b)

    def sel2(self, cond, a: tuple, b: tuple) -> tuple:
        return tuple(self.sel(cond, x, y) for x, y in zip(a, b))

    def and_(self, *xs):
        out = xs[0]
        for x in xs[1:]:
            out = self.b.and_(out, x)
        return out

    def or_(self, *xs):
        out = xs[0]
        for x in xs[1:]:
            out = self.b.or_(out, x)
        return out

    def isnan(self, x):
        return self.b.fcmp_unordered("uno", x, x)

    def isinf(self, x):
        return self.eq(self.fabs(x), self.c(INF))

    def isfinite(self, x):
        return self.lt(self.fabs(x), self.c(INF))

    def signbit(self, x):
        return self.b.icmp_signed("<", self.b.bitcast(x, I64), I64(0))

    def err(self, cond, code: int, otherwise=None):
        return self.sel(cond, I32(code), otherwise if otherwise is not None else I32(0))

    def special_type(self, x) -> ll.Value:
        """0 −inf, 1 negative, 2 −0, 3 +0, 4 positive, 5 +inf, 6 NaN (CPython's special_type)."""
        neg = self.signbit(x)
        finite = self.sel(self.eq(x, self.c(0.0)), self.sel(neg, I32(2), I32(3)), self.sel(neg, I32(1), I32(4)))
        inf = self.sel(neg, I32(0), I32(5))
        return self.sel(self.isnan(x), I32(6), self.sel(self.isfinite(x), finite, inf))

    def lookup(self, name: str, x, y) -> tuple[ll.Value, ll.Value, ll.Value]:
        """The special-value table entry of `name` for (x, y): re, im, errno."""
        module = self.ctx.module
        gname = f"fx.cmath.{name}.special"
        gv = module.globals.get(gname)
        if gv is None:
            values, errors = _table(name)
            ty = ll.ArrayType(ll.LiteralStructType([F64, F64, I32]), 49)
            gv = ll.GlobalVariable(module, ty, gname)
            gv.initializer = ll.Constant(ty, [ll.Constant(ty.element, [F64(v.real), F64(v.imag), I32(e)])
                                              for v, e in zip(values, errors)])
            gv.global_constant, gv.linkage = True, "private"
        b = self.b
        idx = b.add(b.mul(self.special_type(x), I32(7)), self.special_type(y))
        entry = b.load(b.gep(gv, [I32(0), idx]))
        return b.extract_value(entry, 0), b.extract_value(entry, 1), b.extract_value(entry, 2)

    def ret(self, re, im, errno) -> None:
        agg = ll.Constant(RESULT, ll.Undefined)
        for k, v in enumerate((re, im, errno)):
            agg = self.b.insert_value(agg, v, k)
        self.b.ret(agg)

    def call(self, name: str, x, y) -> tuple[ll.Value, ll.Value, ll.Value]:
        """Another cmath function of this module (CPython's functions call each other)."""
        r = self.b.call(cmath_function(self.ctx, name), [x, y])
        return tuple(self.b.extract_value(r, k) for k in range(3))

    def with_special(self, name, x, y, finite: tuple, computed=None) -> None:
        """Return `finite` (re, im, errno) for finite arguments, else the table's entry, or for
        an infinite x with a finite non-zero y the `computed` (re, im) when given."""
        special = self.or_(self.b.not_(self.isfinite(x)), self.b.not_(self.isfinite(y)))
        sre, sim, serr = self.lookup(name, x, y)
        if computed is not None:
            inf_x = self.and_(self.isinf(x), self.isfinite(y), self.ne(y, self.c(0.0)))
            sre, sim = self.sel2(inf_x, computed, (sre, sim))
        re, im, errno = self.sel2(special, (sre, sim, serr), finite)
        self.ret(re, im, errno)

    def overflow(self, re, im):
        return self.err(self.or_(self.isinf(re), self.isinf(im)), ERANGE)

    # -- the functions: (x, y) is the argument's (real, imag)
    def f_sqrt(self, x, y):
        ax, ay = self.fabs(x), self.fabs(y)
        up, down = self.c(2.0 ** 53), self.c(2.0 ** -27)          # CM_SCALE_UP, CM_SCALE_DOWN
        sax = self.mul(ax, up)
        s_small = self.mul(self.sqrt(self.add(sax, self.libm("hypot", sax, self.mul(ay, up)))), down)
        ax8 = self.div(ax, self.c(8.0))
        s_norm = self.mul(self.c(2.0), self.sqrt(self.add(ax8, self.libm("hypot", ax8, self.div(ay, self.c(8.0))))))
        s = self.sel(self.and_(self.lt(ax, self.c(DBL_MIN)), self.lt(ay, self.c(DBL_MIN))), s_small, s_norm)
        d = self.div(ay, self.mul(self.c(2.0), s))
        re, im = self.sel2(self.ge(x, self.c(0.0)), (s, self.copysign(d, y)), (d, self.copysign(s, y)))
        zero = self.and_(self.eq(x, self.c(0.0)), self.eq(y, self.c(0.0)))
        re, im = self.sel2(zero, (self.c(0.0), y), (re, im))
        self.with_special("sqrt", x, y, (re, im, I32(0)))

    def f_exp(self, x, y):
        big = self.gt(x, self.c(LOG_LARGE))
        l_ = self.libm("exp", self.sel(big, self.sub(x, self.c(1.0)), x))
        cy, sy = self.libm("cos", y), self.libm("sin", y)
        re, im = self.mul(l_, cy), self.mul(l_, sy)
        re, im = self.sel2(big, (self.mul(re, self.c(math.e)), self.mul(im, self.c(math.e))), (re, im))
        pos = self.gt(x, self.c(0.0))
        computed = self.sel2(pos, (self.copysign(self.c(INF), cy), self.copysign(self.c(INF), sy)),
                             (self.copysign(self.c(0.0), cy), self.copysign(self.c(0.0), sy)))
        self.with_special("exp", x, y, (re, im, self.overflow(re, im)), computed)

    def _cosh_sinh(self, x, y, sinh: bool):
        big = self.gt(self.fabs(x), self.c(LOG_LARGE))
        xm1 = self.sub(x, self.copysign(self.c(1.0), x))
        cy, sy = self.libm("cos", y), self.libm("sin", y)
        first, second = ("sinh", "cosh") if sinh else ("cosh", "sinh")
        re_big = self.mul(self.mul(cy, self.libm(first, xm1)), self.c(math.e))
        im_big = self.mul(self.mul(sy, self.libm(second, xm1)), self.c(math.e))
        re_n, im_n = self.mul(cy, self.libm(first, x)), self.mul(sy, self.libm(second, x))
        re, im = self.sel2(big, (re_big, im_big), (re_n, im_n))
        inf_c, inf_s = self.copysign(self.c(INF), cy), self.copysign(self.c(INF), sy)
        pos = self.gt(x, self.c(0.0))
        if sinh:
            computed = self.sel2(pos, (inf_c, inf_s), (self.neg(inf_c), inf_s))
        else:
            computed = self.sel2(pos, (inf_c, inf_s), (inf_c, self.neg(inf_s)))
        self.with_special("sinh" if sinh else "cosh", x, y, (re, im, self.overflow(re, im)), computed)

    def f_cosh(self, x, y):
        self._cosh_sinh(x, y, sinh=False)

    def f_sinh(self, x, y):
        self._cosh_sinh(x, y, sinh=True)

    def f_tanh(self, x, y):
        sy, cy = self.libm("sin", y), self.libm("cos", y)
        big = self.gt(self.fabs(x), self.c(LOG_LARGE))
        re_big = self.copysign(self.c(1.0), x)
        im_big = self.mul(self.mul(self.mul(self.c(4.0), sy), cy),
                          self.libm("exp", self.mul(self.c(-2.0), self.fabs(x))))
        tx, ty = self.libm("tanh", x), self.libm("tan", y)
        cx = self.div(self.c(1.0), self.libm("cosh", x))
        txty = self.mul(tx, ty)
        denom = self.add(self.c(1.0), self.mul(txty, txty))
        re_n = self.div(self.mul(tx, self.add(self.c(1.0), self.mul(ty, ty))), denom)
        im_n = self.mul(self.mul(self.div(ty, denom), cx), cx)
        re, im = self.sel2(big, (re_big, im_big), (re_n, im_n))
        sign = self.copysign(self.c(0.0), self.mul(self.mul(self.c(2.0), sy), cy))
        computed = (self.sel(self.gt(x, self.c(0.0)), self.c(1.0), self.c(-1.0)), sign)
        self.with_special("tanh", x, y, (re, im, I32(0)), computed)

    def _rotated(self, name, x, y):
        """f(z) = -i g(iz) for sin/tan/asin/atan; cos(z) = cosh(iz)."""
        re, im, errno = self.call(name, self.neg(y), x)
        if name == "cosh":
            self.ret(re, im, errno)
        else:
            self.ret(im, self.neg(re), errno)

    def f_sin(self, x, y):
        self._rotated("sinh", x, y)

    def f_cos(self, x, y):
        self._rotated("cosh", x, y)

    def f_tan(self, x, y):
        self._rotated("tanh", x, y)

    def f_asin(self, x, y):
        self._rotated("asinh", x, y)

    def f_atan(self, x, y):
        self._rotated("atanh", x, y)

    def c_log(self, x, y):
        """CPython's c_log for finite arguments: (re, im, errno)."""
        ax, ay = self.fabs(x), self.fabs(y)
        im = self.libm("atan2", y, x)
        large = self.or_(self.gt(ax, self.c(LARGE)), self.gt(ay, self.c(LARGE)))
        re_large = self.add(self.libm("log", self.libm("hypot", self.div(ax, self.c(2.0)),
                                                        self.div(ay, self.c(2.0)))), self.c(LN2))
        tiny = self.and_(self.lt(ax, self.c(DBL_MIN)), self.lt(ay, self.c(DBL_MIN)))
        up = self.c(2.0 ** 53)
        re_tiny = self.sub(self.libm("log", self.libm("hypot", self.mul(ax, up), self.mul(ay, up))),
                           self.c(53 * LN2))
        zero = self.and_(self.eq(ax, self.c(0.0)), self.eq(ay, self.c(0.0)))
        h = self.libm("hypot", ax, ay)
        near = self.and_(self.le(self.c(0.71), h), self.le(h, self.c(1.73)))
        bigger = self.gt(ax, ay)
        am, an = self.sel(bigger, ax, ay), self.sel(bigger, ay, ax)
        re_near = self.div(self.libm("log1p", self.add(self.mul(self.sub(am, self.c(1.0)), self.add(am, self.c(1.0))),
                                                       self.mul(an, an))), self.c(2.0))
        re = self.sel(near, re_near, self.libm("log", h))
        re = self.sel(tiny, self.sel(zero, self.c(-INF), re_tiny), re)
        re = self.sel(large, re_large, re)
        return re, im, self.err(self.and_(tiny, zero, self.b.not_(large)), EDOM)

    def f_log(self, x, y):
        self.with_special("log", x, y, self.c_log(x, y))

    def f_log10(self, x, y):
        re, im, errno = self.call("log", x, y)
        self.ret(self.div(re, self.c(LN10)), self.div(im, self.c(LN10)), errno)

    def _large_log(self, x, y):
        """log(hypot(x/2, y/2)) + 2*ln 2: |z| for arguments near the overflow threshold."""
        h = self.libm("hypot", self.div(x, self.c(2.0)), self.div(y, self.c(2.0)))
        return self.add(self.libm("log", h), self.c(LN2 * 2.0))

    def _large(self, x, y):
        return self.or_(self.gt(self.fabs(x), self.c(LARGE)), self.gt(self.fabs(y), self.c(LARGE)))

    def f_asinh(self, x, y):
        t = self._large_log(x, y)
        re_l = self.sel(self.ge(y, self.c(0.0)), self.copysign(t, x), self.neg(self.copysign(t, self.neg(x))))
        im_l = self.libm("atan2", y, self.fabs(x))
        one = self.c(1.0)
        s1r, s1i, _ = self.call("sqrt", self.add(one, y), self.neg(x))
        s2r, s2i, _ = self.call("sqrt", self.sub(one, y), x)
        re_n = self.libm("asinh", self.sub(self.mul(s1r, s2i), self.mul(s2r, s1i)))
        im_n = self.libm("atan2", y, self.sub(self.mul(s1r, s2r), self.mul(s1i, s2i)))
        re, im = self.sel2(self._large(x, y), (re_l, im_l), (re_n, im_n))
        self.with_special("asinh", x, y, (re, im, I32(0)))

    def f_acos(self, x, y):
        t = self._large_log(x, y)
        re_l = self.libm("atan2", self.fabs(y), x)
        im_l = self.sel(self.lt(x, self.c(0.0)), self.neg(self.copysign(t, y)), self.copysign(t, self.neg(y)))
        one = self.c(1.0)
        s1r, s1i, _ = self.call("sqrt", self.sub(one, x), self.neg(y))
        s2r, s2i, _ = self.call("sqrt", self.add(one, x), y)
        re_n = self.mul(self.c(2.0), self.libm("atan2", s1r, s2r))
        im_n = self.libm("asinh", self.sub(self.mul(s2r, s1i), self.mul(s2i, s1r)))
        re, im = self.sel2(self._large(x, y), (re_l, im_l), (re_n, im_n))
        self.with_special("acos", x, y, (re, im, I32(0)))

    def f_acosh(self, x, y):
        re_l, im_l = self._large_log(x, y), self.libm("atan2", y, x)
        one = self.c(1.0)
        s1r, s1i, _ = self.call("sqrt", self.sub(x, one), y)
        s2r, s2i, _ = self.call("sqrt", self.add(x, one), y)
        re_n = self.libm("asinh", self.add(self.mul(s1r, s2r), self.mul(s1i, s2i)))
        im_n = self.mul(self.c(2.0), self.libm("atan2", s1i, s2r))
        re, im = self.sel2(self._large(x, y), (re_l, im_l), (re_n, im_n))
        self.with_special("acosh", x, y, (re, im, I32(0)))

    def f_atanh(self, x, y):
        flip = self.lt(x, self.c(0.0))          # atanh(z) = -atanh(-z) reduces to x >= 0
        a, b = self.sel(flip, self.neg(x), x), self.sel(flip, self.neg(y), y)
        one, ay = self.c(1.0), self.fabs(b)
        large = self.or_(self.gt(a, self.c(SQRT_LARGE)), self.gt(ay, self.c(SQRT_LARGE)))
        h = self.libm("hypot", self.div(a, self.c(2.0)), self.div(b, self.c(2.0)))
        re_l = self.div(self.div(self.div(a, self.c(4.0)), h), h)
        im_l = self.neg(self.copysign(self.c(math.pi / 2.0), self.neg(b)))
        unit = self.and_(self.eq(a, one), self.lt(ay, self.c(SQRT_DBL_MIN)))
        re_u = self.neg(self.libm("log", self.div(self.sqrt(ay), self.sqrt(self.libm("hypot", ay, self.c(2.0))))))
        im_u = self.copysign(self.div(self.libm("atan2", self.c(2.0), self.neg(ay)), self.c(2.0)), b)
        pole = self.eq(ay, self.c(0.0))
        re_u, im_u = self.sel2(pole, (self.c(INF), b), (re_u, im_u))
        om = self.sub(one, a)
        re_n = self.div(self.libm("log1p", self.div(self.mul(self.c(4.0), a),
                                                    self.add(self.mul(om, om), self.mul(ay, ay)))), self.c(4.0))
        im_n = self.neg(self.div(self.libm("atan2", self.mul(self.c(-2.0), b),
                                           self.sub(self.mul(om, self.add(one, a)), self.mul(ay, ay))), self.c(2.0)))
        re, im = self.sel2(unit, (re_u, im_u), (re_n, im_n))
        re, im = self.sel2(large, (re_l, im_l), (re, im))
        errno = self.err(self.and_(self.b.not_(large), unit, pole), EDOM)
        re, im = self.sel2(flip, (self.neg(re), self.neg(im)), (re, im))
        self.with_special("atanh", x, y, (re, im, errno))

    def f_rect(self, r, phi):
        cp, sp = self.libm("cos", phi), self.libm("sin", phi)
        re, im = self.sel2(self.eq(phi, self.c(0.0)), (r, self.mul(r, phi)), (self.mul(r, cp), self.mul(r, sp)))
        inf_c, inf_s = self.copysign(self.c(INF), cp), self.copysign(self.c(INF), sp)
        computed = self.sel2(self.gt(r, self.c(0.0)), (inf_c, inf_s), (self.neg(inf_c), self.neg(inf_s)))
        self.with_special("rect", r, phi, (re, im, I32(0)), computed)


def cmath_function(ctx: ModuleContext, name: str) -> ll.Function:
    """`{double, double, i32} @fx.cmath.NAME(double re, double im)`, defined on first use."""
    fname = f"fx.cmath.{name}"
    fn = ctx.module.globals.get(fname)
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(RESULT, [F64, F64]), fname)
    fn.linkage = "internal"
    emitter = _Emitter(ctx, fn)
    getattr(emitter, f"f_{name}")(*fn.args)
    return fn


def c_atan2(e, y, x):
    """CPython's c_atan2 (cmath.phase): C99's atan2 with its special cases spelled out."""
    pi = math.pi
    r = e.libm("atan2", y, x)
    pos_x = e.eq(e.copysign(e.c(1.0), x), e.c(1.0))
    axis = e.sel(pos_x, e.copysign(e.c(0.0), y), e.copysign(e.c(pi), y))
    r = e.sel(e.or_(e.isinf(x), e.eq(y, e.c(0.0))), axis, r)
    inf_y = e.sel(e.isinf(x), e.sel(pos_x, e.copysign(e.c(0.25 * pi), y), e.copysign(e.c(0.75 * pi), y)),
                  e.copysign(e.c(0.5 * pi), y))
    r = e.sel(e.isinf(y), inf_y, r)
    return e.sel(e.or_(e.isnan(x), e.isnan(y)), e.c(NAN), r)


class _Inline(_Emitter):
    """The helpers of `_Emitter` on the builder of the function being lowered."""

    def __init__(self, fl):
        self.ctx, self.fn, self.b = fl.ctx, fl.llfn, fl.b


def lower_cmath(fl, name: str, args: list[ll.Value], arg_types) -> ll.Value:
    """`cmath.NAME(args)` inside a function body; errors go to the function's error exit."""
    from fastext.compiler.lower import arith
    b = fl.b
    e = _Inline(fl)
    parts = [arith.parts(fl, a) if t.is_complex else None for a, t in zip(args, arg_types)]
    if name in ("isnan", "isinf", "isfinite"):
        re, im = parts[0]
        if name == "isfinite":
            return b.and_(e.isfinite(re), e.isfinite(im))
        test = e.isnan if name == "isnan" else e.isinf
        return b.or_(test(re), test(im))
    if name == "isclose":
        return _isclose(fl, e, parts[0], parts[1], args[2], args[3])
    if name == "phase":
        re, im = parts[0]
        phi = c_atan2(e, im, re)
        # CPython's phase reads errno after atan2, which the C library (glibc) sets to ERANGE when
        # the result underflows to zero: phase(2 - 5e-324j) raises OverflowError there
        fl.fail_if(e.and_(e.eq(phi, e.c(0.0)), e.ne(im, e.c(0.0)), e.isfinite(re)), "OverflowError",
                   "math range error")
        return phi
    if name == "polar":
        re, im = parts[0]
        r = arith.libm_call(fl, "hypot", [re, im])
        fl.fail_if(b.and_(b.and_(e.isfinite(re), e.isfinite(im)), e.isinf(r)), "OverflowError", "math range error")
        agg = ll.Constant(ll.LiteralStructType([F64, F64]), ll.Undefined)
        return b.insert_value(b.insert_value(agg, r, 0), c_atan2(e, im, re), 1)
    if name == "rect":
        result = b.call(cmath_function(fl.ctx, "rect"), list(args))
    elif name == "log" and len(args) == 2:
        x = b.call(cmath_function(fl.ctx, "log"), list(parts[0]))
        y = b.call(cmath_function(fl.ctx, "log"), list(parts[1]))
        xv = arith.make_complex(fl, b.extract_value(x, 0), b.extract_value(x, 1))
        yv = arith.make_complex(fl, b.extract_value(y, 0), b.extract_value(y, 1))
        q, zero = arith.complex_quot(fl, xv, yv)
        # cmath.log(x, base): errno is the base's log's (it overwrites x's), or EDOM from the division
        errno = b.select(zero, I32(EDOM), b.extract_value(y, 2))
        _raise(fl, errno)
        return q
    else:
        result = b.call(cmath_function(fl.ctx, name), list(parts[0]))
    _raise(fl, b.extract_value(result, 2))
    return arith.make_complex(fl, b.extract_value(result, 0), b.extract_value(result, 1))


def _raise(fl, errno: ll.Value) -> None:
    b = fl.b
    fl.fail_if(b.icmp_unsigned("==", errno, I32(EDOM)), "ValueError", "math domain error")
    fl.fail_if(b.icmp_unsigned("==", errno, I32(ERANGE)), "OverflowError", "math range error")


def _isclose(fl, e: _Inline, a, b, rel_tol, abs_tol) -> ll.Value:
    """cmath.isclose: CPython's cmath_isclose_impl (exact equality, infinities, then the weak test)."""
    bld = fl.b
    fl.fail_if(e.or_(e.lt(rel_tol, e.c(0.0)), e.lt(abs_tol, e.c(0.0))), "ValueError", "tolerances must be non-negative")
    (ar, ai), (br, bi) = a, b
    equal = e.and_(e.eq(ar, br), e.eq(ai, bi))
    infinite = e.or_(e.isinf(ar), e.isinf(ai), e.isinf(br), e.isinf(bi))
    diff = e.libm("hypot", e.sub(ar, br), e.sub(ai, bi))
    close = e.or_(e.le(diff, e.mul(rel_tol, e.libm("hypot", br, bi))),
                  e.le(diff, e.mul(rel_tol, e.libm("hypot", ar, ai))), e.le(diff, abs_tol))
    return bld.select(equal, ll.Constant(I1, 1), bld.select(infinite, ll.Constant(I1, 0), close))
