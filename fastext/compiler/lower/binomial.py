"""Binomial deviates as NumPy computes them (`random_binomial`; docs/numpy-random.md), over
either stream's uniform doubles.  With p > 1/2 the deviate is n minus one of (n, 1 - p); then

* n·p <= 30: inversion — walk the probabilities from 0 up, subtracting each from one uniform,
  restarting with a new uniform past a bound of mean + 10 standard deviations;
* above: BTPE (Kachitvichyanukul & Schmeiser, "Binomial random variate generation", 1988):
  a triangle, two parallelograms and two exponential tails over the mode, accepted by the
  explicit ratio near the mode and by Stirling-corrected log bounds farther out.

NumPy's legacy RandomState has no shortcut for n = 0 or p = 0 (inversion still draws one
uniform); its Generator returns 0 at once.

    i64 fx$<stream>.binomial(i64* s, i64 n, f64 p)   (stream `np`: the legacy Mersenne Twister,
                                                       `rng`: a Generator's PCG64)
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler.lower.context import F64, I64, ModuleContext
from fastext.compiler.lower.ircontrol import Var, for_range, while_loop


def _uniform(ctx: ModuleContext, b: ll.IRBuilder, s: ll.Value, legacy: bool) -> ll.Value:
    from fastext.compiler.lower import nplegacy
    from fastext.compiler.lower.ziggurat import unit_double
    return b.call(nplegacy.double(ctx), [s]) if legacy else unit_double(ctx, b, s)


def _floor(ctx: ModuleContext, b: ll.IRBuilder, x: ll.Value) -> ll.Value:
    return b.call(ctx.intrinsic("llvm.floor.f64", F64, [F64]), [x])


def _inversion(ctx: ModuleContext, legacy: bool) -> ll.Function:
    """`i64 fx$<stream>.binomial.inv(i64* s, i64 n, f64 p)`, p <= 1/2."""
    from fastext.compiler.lower.rng import STATEP, _define

    def build(fn, b):
        s, n, p = fn.args
        nd = b.sitofp(n, F64)
        q = b.fsub(F64(1.0), p)
        qn = b.call(ctx.libm("exp", 1), [b.fmul(nd, b.call(ctx.libm("log", 1), [q]))])
        mean = b.fmul(nd, p)
        spread = b.fadd(mean, b.fmul(F64(10.0), b.call(ctx.libm("sqrt", 1), [b.fadd(b.fmul(mean, q), F64(1.0))])))
        bound = b.fptosi(b.select(b.fcmp_ordered("<", nd, spread), nd, spread), I64)
        x, px, u = Var(b, I64, I64(0)), Var(b, F64, qn), Var(b, F64, _uniform(ctx, b, s, legacy))

        def step():
            x.set(b.add(x.get(), I64(1)))
            with b.if_else(b.icmp_signed(">", x.get(), bound)) as (restart, walk):
                with restart:
                    x.set(I64(0))
                    px.set(qn)
                    u.set(_uniform(ctx, b, s, legacy))
                with walk:
                    u.set(b.fsub(u.get(), px.get()))
                    k = x.get()
                    above = b.sitofp(b.add(b.sub(n, k), I64(1)), F64)
                    px.set(b.fdiv(b.fmul(b.fmul(above, p), px.get()), b.fmul(b.sitofp(k, F64), q)))
        while_loop(b, lambda: b.fcmp_ordered(">", u.get(), px.get()), step, "inv")
        b.ret(x.get())
    return _define(ctx, f"fx${'np' if legacy else 'rng'}.binomial.inv", I64, [STATEP, I64, F64], build)


def _correction(b: ll.IRBuilder, v: ll.Value) -> ll.Value:
    """The Stirling remainder term of BTPE's final test at v, (13680 - (462 - ...)) / v / 166320."""
    v2 = b.fmul(v, v)
    t = b.fsub(F64(99.0), b.fdiv(F64(140.0), v2))
    t = b.fsub(F64(132.0), b.fdiv(t, v2))
    t = b.fsub(F64(462.0), b.fdiv(t, v2))
    t = b.fsub(F64(13680.0), b.fdiv(t, v2))
    return b.fdiv(b.fdiv(t, v), F64(166320.0))


def _btpe(ctx: ModuleContext, legacy: bool) -> ll.Function:
    """`i64 fx$<stream>.binomial.btpe(i64* s, i64 n, f64 p)`, p <= 1/2 and n·p > 30."""
    from fastext.compiler.lower.rng import STATEP, _define

    def build(fn, b):
        s, n, p = fn.args
        log, fabs = ctx.libm("log", 1), ctx.intrinsic("llvm.fabs.f64", F64, [F64])
        nd = b.sitofp(n, F64)
        one_minus = b.fsub(F64(1.0), p)
        r = b.select(b.fcmp_ordered("<", p, one_minus), p, one_minus)
        q = b.fsub(F64(1.0), r)
        fm = b.fadd(b.fmul(nd, r), r)
        m = b.fptosi(_floor(ctx, b, fm), I64)
        md = b.sitofp(m, F64)
        p1 = b.fadd(_floor(ctx, b, b.fsub(b.fmul(F64(2.195), b.call(ctx.libm("sqrt", 1), [b.fmul(b.fmul(nd, r), q)])),
                                           b.fmul(F64(4.6), q))), F64(0.5))
        xm = b.fadd(md, F64(0.5))
        xl, xr = b.fsub(xm, p1), b.fadd(xm, p1)
        c = b.fadd(F64(0.134), b.fdiv(F64(20.5), b.fadd(F64(15.3), md)))
        a = b.fdiv(b.fsub(fm, xl), b.fsub(fm, b.fmul(xl, r)))
        laml = b.fmul(a, b.fadd(F64(1.0), b.fdiv(a, F64(2.0))))
        a = b.fdiv(b.fsub(xr, fm), b.fmul(xr, q))
        lamr = b.fmul(a, b.fadd(F64(1.0), b.fdiv(a, F64(2.0))))
        p2 = b.fmul(p1, b.fadd(F64(1.0), b.fmul(F64(2.0), c)))
        p3 = b.fadd(p2, b.fdiv(c, laml))
        p4 = b.fadd(p3, b.fdiv(c, lamr))
        nrq = b.fmul(b.fmul(nd, r), q)
        y, v = Var(b, I64), Var(b, F64)
        names = ("triangle", "parallelograms", "left", "right", "ratio", "squeeze", "accept")
        step10 = fn.append_basic_block("region")
        blocks = dict(zip(names, (fn.append_basic_block(x) for x in names)))
        b.branch(step10)

        b.position_at_end(step10)           # a point of the regions' union
        u = b.fmul(_uniform(ctx, b, s, legacy), p4)
        v.set(_uniform(ctx, b, s, legacy))
        b.cbranch(b.fcmp_ordered(">", u, p1), blocks["parallelograms"], blocks["triangle"])

        b.position_at_end(blocks["triangle"])       # accepted outright
        y.set(b.fptosi(_floor(ctx, b, b.fadd(b.fsub(xm, b.fmul(p1, v.get())), u)), I64))
        b.branch(blocks["accept"])

        b.position_at_end(blocks["parallelograms"])
        parallelogram = fn.append_basic_block("parallelogram")
        b.cbranch(b.fcmp_ordered(">", u, p2), blocks["left"], parallelogram)
        b.position_at_end(parallelogram)
        x = b.fadd(xl, b.fdiv(b.fsub(u, p1), c))
        v.set(b.fsub(b.fadd(b.fmul(v.get(), c), F64(1.0)),
                     b.fdiv(b.call(fabs, [b.fadd(b.fsub(md, x), F64(0.5))]), p1)))
        inside = fn.append_basic_block("parallelogram.in")
        b.cbranch(b.fcmp_ordered(">", v.get(), F64(1.0)), step10, inside)
        b.position_at_end(inside)
        y.set(b.fptosi(_floor(ctx, b, x), I64))
        b.branch(blocks["ratio"])

        def tail(block, next_block, side):
            # v = 0 is rejected before its log (NumPy rejects it after an undefined cast)
            b.position_at_end(block)
            if next_block is not None:
                here = fn.append_basic_block(f"{side}.tail")
                b.cbranch(b.fcmp_ordered(">", u, p3), next_block, here)
                b.position_at_end(here)
            zero = fn.append_basic_block(f"{side}.v")
            b.cbranch(b.fcmp_ordered("==", v.get(), F64(0.0)), step10, zero)
            b.position_at_end(zero)
            lv = b.call(log, [v.get()])
            if side == "left":
                yy = b.fptosi(_floor(ctx, b, b.fadd(xl, b.fdiv(lv, laml))), I64)
                out = b.icmp_signed("<", yy, I64(0))
            else:
                yy = b.fptosi(_floor(ctx, b, b.fsub(xr, b.fdiv(lv, lamr))), I64)
                out = b.icmp_signed(">", yy, n)
            keep = fn.append_basic_block(f"{side}.keep")
            b.cbranch(out, step10, keep)
            b.position_at_end(keep)
            y.set(yy)
            if side == "left":
                v.set(b.fmul(b.fmul(v.get(), b.fsub(u, p2)), laml))
            else:
                v.set(b.fmul(b.fmul(v.get(), b.fsub(u, p3)), lamr))
            b.branch(blocks["ratio"])
        tail(blocks["left"], blocks["right"], "left")
        tail(blocks["right"], None, "right")

        b.position_at_end(blocks["ratio"])
        k = b.sub(y.get(), m)
        k = b.select(b.icmp_signed("<", k, I64(0)), b.sub(I64(0), k), k)
        kd = b.sitofp(k, F64)
        far = b.and_(b.icmp_signed(">", k, I64(20)),
                     b.fcmp_ordered("<", kd, b.fsub(b.fdiv(nrq, F64(2.0)), F64(1.0))))
        explicit = fn.append_basic_block("ratio.explicit")
        b.cbranch(far, blocks["squeeze"], explicit)
        b.position_at_end(explicit)         # f(y) / f(m) as a product of consecutive ratios
        sr = b.fdiv(r, q)
        aa = b.fmul(sr, b.sitofp(b.add(n, I64(1)), F64))
        f = Var(b, F64, F64(1.0))

        def ratio(i):
            return b.fsub(b.fdiv(aa, b.sitofp(i, F64)), sr)
        for_range(b, b.add(m, I64(1)), b.add(y.get(), I64(1)), lambda i: f.set(b.fmul(f.get(), ratio(i))), "up")
        for_range(b, b.add(y.get(), I64(1)), b.add(m, I64(1)), lambda i: f.set(b.fdiv(f.get(), ratio(i))), "down")
        b.cbranch(b.fcmp_ordered(">", v.get(), f.get()), step10, blocks["accept"])

        b.position_at_end(blocks["squeeze"])
        rho = b.fmul(b.fdiv(kd, nrq),
                     b.fadd(b.fdiv(b.fadd(b.fmul(kd, b.fadd(b.fdiv(kd, F64(3.0)), F64(0.625))),
                                          F64(0.16666666666666666)), nrq), F64(0.5)))
        t = b.fdiv(b.sitofp(b.mul(b.sub(I64(0), k), k), F64), b.fmul(F64(2.0), nrq))
        big_a = b.call(log, [v.get()])
        close = fn.append_basic_block("squeeze.close")
        b.cbranch(b.fcmp_ordered("<", big_a, b.fsub(t, rho)), blocks["accept"], close)
        b.position_at_end(close)
        final = fn.append_basic_block("squeeze.final")
        b.cbranch(b.fcmp_ordered(">", big_a, b.fadd(t, rho)), step10, final)
        b.position_at_end(final)
        yd = b.sitofp(y.get(), F64)
        x1 = b.fadd(yd, F64(1.0))
        f1 = b.fadd(md, F64(1.0))
        z = b.sitofp(b.sub(b.add(n, I64(1)), m), F64)
        w = b.sitofp(b.add(b.sub(n, y.get()), I64(1)), F64)
        bound = b.fmul(xm, b.call(log, [b.fdiv(f1, x1)]))
        bound = b.fadd(bound, b.fmul(b.fadd(b.sitofp(b.sub(n, m), F64), F64(0.5)), b.call(log, [b.fdiv(z, w)])))
        bound = b.fadd(bound, b.fmul(b.sitofp(b.sub(y.get(), m), F64),
                                     b.call(log, [b.fdiv(b.fmul(w, r), b.fmul(x1, q))])))
        for term in (f1, z, x1, w):
            bound = b.fadd(bound, _correction(b, term))
        b.cbranch(b.fcmp_ordered(">", big_a, bound), step10, blocks["accept"])

        b.position_at_end(blocks["accept"])
        b.ret(y.get())
    return _define(ctx, f"fx${'np' if legacy else 'rng'}.binomial.btpe", I64, [STATEP, I64, F64], build)


def binomial(ctx: ModuleContext, legacy: bool) -> ll.Function:
    """`i64 fx$<stream>.binomial(i64* s, i64 n, f64 p)`: one deviate; n >= 0 and 0 <= p <= 1
    already checked."""
    from fastext.compiler.lower.rng import STATEP, _define

    def build(fn, b):
        s, n, p = fn.args
        if not legacy:
            with b.if_then(b.or_(b.icmp_signed("==", n, I64(0)), b.fcmp_ordered("==", p, F64(0.0)))):
                b.ret(I64(0))
        nd = b.sitofp(n, F64)

        def draw(prob):
            small = b.fcmp_ordered("<=", b.fmul(prob, nd), F64(30.0))
            result = Var(b, I64)
            with b.if_else(small) as (inv, btpe):
                with inv:
                    result.set(b.call(_inversion(ctx, legacy), [s, n, prob]))
                with btpe:
                    result.set(b.call(_btpe(ctx, legacy), [s, n, prob]))
            return result.get()
        with b.if_then(b.fcmp_ordered("<=", p, F64(0.5))):
            b.ret(draw(p))
        b.ret(b.sub(n, draw(b.fsub(F64(1.0), p))))
    return _define(ctx, f"fx${'np' if legacy else 'rng'}.binomial", I64, [STATEP, I64, F64], build)
