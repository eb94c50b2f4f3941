"""Poisson deviates as NumPy computes them (`random_poisson`, shared by RandomState and
Generator; docs/numpy-random.md), over either stream's uniform doubles:

* lam < 10: multiply uniforms until the product falls to exp(-lam) or below; the count of
  factors before it is the deviate;
* lam >= 10: Hörmann's PTRS ("The transformed rejection method for generating Poisson random
  variables", 1993): k = floor((2a/us + b)·U + lam + 0.43) from two uniforms, accepted at once
  in the central region, else compared with the log-density (log-gamma by Stirling's series).

    i64 fx$<stream>.poisson(i64* s, f64 lam)    (stream `np`: NumPy's legacy Mersenne Twister,
                                                 `rng`: a Generator's PCG64)
"""
from __future__ import annotations

import math

from llvmlite import ir as ll

from fastext.compiler.lower.context import F64, I64, ModuleContext
from fastext.compiler.lower.ircontrol import Var, for_range, while_loop

# NumPy's bound on lam: the int64 maximum less ten of its square roots, as NumPy computes it
LAM_MAX = float(2 ** 63 - 1) - math.sqrt(float(2 ** 63 - 1)) * 10
# Stirling's series for log Γ: B(2k) / (2k (2k - 1)), k = 1..10
_STIRLING = (1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
             43867 / 244188, -174611 / 125400)
_LOG_2PI = 1.8378770664093453


def _define(ctx: ModuleContext, name: str, ret: ll.Type, args: list[ll.Type], build):
    from fastext.compiler.lower.rng import _define as define
    return define(ctx, name, ret, args, build)


def loggam(ctx: ModuleContext) -> ll.Function:
    """`f64 fx$loggam(f64 x)`: log Γ(x) for x >= 1 as NumPy's random_loggam computes it: 0 at
    1 and 2; below 7, shifted up to x + n >= 7 and the n logs subtracted after the series."""
    def build(fn, b):
        x = fn.args[0]
        log = ctx.libm("log", 1)
        with b.if_then(b.or_(b.fcmp_ordered("==", x, F64(1.0)), b.fcmp_ordered("==", x, F64(2.0)))):
            b.ret(F64(0.0))
        small = b.fcmp_ordered("<", x, F64(7.0))
        n = b.select(small, b.fptosi(b.fsub(F64(7.0), x), I64), I64(0))
        x0 = Var(b, F64, b.fadd(x, b.sitofp(n, F64)))
        inv = b.fdiv(F64(1.0), x0.get())
        x2 = b.fmul(inv, inv)
        series = F64(_STIRLING[9])
        for a in reversed(_STIRLING[:9]):
            series = b.fadd(b.fmul(series, x2), F64(a))
        gl = Var(b, F64, b.fsub(b.fadd(b.fadd(b.fdiv(series, x0.get()), F64(0.5 * _LOG_2PI)),
                                       b.fmul(b.fsub(x0.get(), F64(0.5)), b.call(log, [x0.get()]))), x0.get()))

        def down(_):
            gl.set(b.fsub(gl.get(), b.call(log, [b.fsub(x0.get(), F64(1.0))])))
            x0.set(b.fsub(x0.get(), F64(1.0)))
        for_range(b, I64(1), b.add(n, I64(1)), down, "loggam")
        b.ret(gl.get())
    return _define(ctx, "fx$loggam", F64, [F64], build)


def poisson(ctx: ModuleContext, legacy: bool) -> ll.Function:
    """`i64 fx$np.poisson(i64* s, f64 lam)` (legacy: the module's stream) or
    `fx$rng.poisson` (a Generator's): one deviate; lam already checked (0 <= lam <= LAM_MAX)."""
    from fastext.compiler.lower import nplegacy
    from fastext.compiler.lower.rng import STATEP
    from fastext.compiler.lower.ziggurat import unit_double

    def build(fn, b):
        s, lam = fn.args
        log, fabs = ctx.libm("log", 1), ctx.intrinsic("llvm.fabs.f64", F64, [F64])

        def uniform():
            return b.call(nplegacy.double(ctx), [s]) if legacy else unit_double(ctx, b, s)
        with b.if_then(b.fcmp_ordered("==", lam, F64(0.0))):
            b.ret(I64(0))
        with b.if_then(b.fcmp_ordered("<", lam, F64(10.0))):
            # multiplication: count the uniforms whose running product stays above exp(-lam)
            limit = b.call(ctx.libm("exp", 1), [b.fneg(lam)])
            count, prod = Var(b, I64, I64(0)), Var(b, F64, F64(1.0))

            def more():
                prod.set(b.fmul(prod.get(), uniform()))
                return b.fcmp_ordered(">", prod.get(), limit)
            while_loop(b, more, lambda: count.set(b.add(count.get(), I64(1))), "mult")
            b.ret(count.get())
        slam, loglam = b.call(ctx.libm("sqrt", 1), [lam]), b.call(log, [lam])
        bb = b.fadd(F64(0.931), b.fmul(F64(2.53), slam))
        a = b.fadd(F64(-0.059), b.fmul(F64(0.02483), bb))
        invalpha = b.fadd(F64(1.1239), b.fdiv(F64(1.1328), b.fsub(bb, F64(3.4))))
        vr = b.fsub(F64(0.9277), b.fdiv(F64(3.6224), b.fsub(bb, F64(2.0))))
        loop = fn.append_basic_block("ptrs")
        b.branch(loop)
        b.position_at_end(loop)
        u = b.fsub(uniform(), F64(0.5))
        v = uniform()
        us = b.fsub(F64(0.5), b.call(fabs, [u]))
        kf = b.fadd(b.fadd(b.fmul(b.fadd(b.fdiv(b.fmul(F64(2.0), a), us), bb), u), lam), F64(0.43))
        k = b.fptosi(b.call(ctx.intrinsic("llvm.floor.f64", F64, [F64]), [kf]), I64)
        with b.if_then(b.and_(b.fcmp_ordered(">=", us, F64(0.07)), b.fcmp_ordered("<=", v, vr))):
            b.ret(k)
        # outside the central region: rejected outright, or compared with the log-density
        reject = b.or_(b.icmp_signed("<", k, I64(0)),
                       b.and_(b.fcmp_ordered("<", us, F64(0.013)), b.fcmp_ordered(">", v, us)))
        test = fn.append_basic_block("ptrs.test")
        b.cbranch(reject, loop, test)
        b.position_at_end(test)
        left = b.fsub(b.fadd(b.call(log, [v]), b.call(log, [invalpha])),
                      b.call(log, [b.fadd(b.fdiv(a, b.fmul(us, us)), bb)]))
        kd = b.sitofp(k, F64)
        right = b.fsub(b.fadd(b.fneg(lam), b.fmul(kd, loglam)), b.call(loggam(ctx), [b.fadd(kd, F64(1.0))]))
        with b.if_then(b.fcmp_ordered("<=", left, right)):
            b.ret(k)
        b.branch(loop)
    return _define(ctx, f"fx${'np' if legacy else 'rng'}.poisson", I64, [STATEP, F64], build)
