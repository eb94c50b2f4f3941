"""Standard normal deviates: the ziggurat method (Marsaglia & Tsang, 2000) with 256 layers,
as NumPy's `Generator.standard_normal` runs it (docs/numpy-random.md says why).

One 64-bit draw gives the layer (8 bits), the sign (1 bit) and a 52-bit abscissa; 98.5% of
the draws are accepted by one table compare and one multiply.  The rest test the wedge
under the curve (one more uniform and an `exp`) or, in the bottom layer, sample the tail
beyond R by Marsaglia's exponential method (two uniforms and two `log1p`).

The tables are computed here, once, from R (the bottom layer's edge) and V (every layer's
area), and emitted as constant arrays; `tables()` is also what the tests check.
"""
from __future__ import annotations

import functools
import math

from llvmlite import ir as ll

from fastext.compiler.lower.context import F64, I1, I64, ModuleContext
from fastext.compiler.lower.rng import STATEP, next_u64

LAYERS = 256
R = 3.6541528853610088            # the edge of the bottom layer (NumPy's ziggurat_nor_r)
# The common area of the layers for the unnormalised density exp(-x²/2): the rectangle
# R·f(R) plus the tail beyond R.
V = R * math.exp(-0.5 * R * R) + math.sqrt(math.pi / 2) * math.erfc(R / math.sqrt(2))
M52 = float(1 << 52)


@functools.lru_cache(maxsize=None)
def tables() -> tuple[tuple[int, ...], tuple[float, ...], tuple[float, ...]]:
    """(k, w, f): a 52-bit abscissa `a` in layer i is accepted at once when a < k[i];
    x = a·w[i]; f[i] = exp(-x_i²/2) at the layer's edge x_i (Marsaglia & Tsang's zigset)."""
    k, w, f = [0] * LAYERS, [0.0] * LAYERS, [0.0] * LAYERS
    dn = tn = R
    q = V / math.exp(-0.5 * dn * dn)
    k[0] = int((dn / q) * M52)
    w[0], w[-1] = q / M52, dn / M52
    f[0], f[-1] = 1.0, math.exp(-0.5 * dn * dn)
    for i in range(LAYERS - 2, 0, -1):
        dn = math.sqrt(-2.0 * math.log(V / dn + math.exp(-0.5 * dn * dn)))
        k[i + 1] = int((dn / tn) * M52)
        tn = dn
        f[i] = math.exp(-0.5 * dn * dn)
        w[i] = dn / M52
    return tuple(k), tuple(w), tuple(f)


def _table(ctx: ModuleContext, name: str, t: ll.Type, values) -> ll.GlobalVariable:
    gv = ctx.module.globals.get(name)
    if gv is None:
        at = ll.ArrayType(t, LAYERS)
        gv = ll.GlobalVariable(ctx.module, at, name)
        gv.initializer = ll.Constant(at, [t(v) for v in values])
        gv.global_constant = True
        gv.linkage = "private"
        gv.unnamed_addr = True
    return gv


def unit_double(ctx: ModuleContext, b: ll.IRBuilder, s: ll.Value) -> ll.Value:
    """A double in [0, 1): the top 53 bits of one draw, times 2**-53 (every value k·2**-53)."""
    x = b.lshr(b.call(next_u64(ctx), [s]), I64(11))
    return b.fmul(b.uitofp(x, F64), F64(2.0 ** -53))


def standard_normal(ctx: ModuleContext) -> ll.Function:
    """`double fx$rng.normal(i64* s)`: one N(0, 1) deviate."""
    fn = ctx.module.globals.get("fx$rng.normal")
    if fn is not None:
        return fn
    fn = ll.Function(ctx.module, ll.FunctionType(F64, [STATEP]), "fx$rng.normal")
    fn.linkage = "internal"
    fn.attributes.add("nounwind")
    fn.attributes.add("alwaysinline")     # in a fill loop the state stays in registers
    s = fn.args[0]
    k, w, f = tables()
    ki = _table(ctx, "fx$rng.zig_k", I64, k)
    wi = _table(ctx, "fx$rng.zig_w", F64, w)
    fi = _table(ctx, "fx$rng.zig_f", F64, f)
    exp = ctx.libm("exp", 1)
    log1p = ctx.libm("log1p", 1)
    b = ll.IRBuilder(fn.append_basic_block("entry"))
    blocks = {n: fn.append_basic_block(n) for n in ("loop", "slow", "tail", "wedge")}
    b.branch(blocks["loop"])

    b.position_at_end(blocks["loop"])
    r = b.call(next_u64(ctx), [s])
    idx = b.and_(r, I64(0xFF))
    r = b.lshr(r, I64(8))
    negative = b.trunc(r, I1)
    rabs = b.and_(b.lshr(r, I64(1)), I64((1 << 52) - 1))
    x = b.fmul(b.uitofp(rabs, F64), b.load(b.gep(wi, [I64(0), idx]), align=8))
    x = b.select(negative, b.fneg(x), x)
    quick = b.icmp_unsigned("<", rabs, b.load(b.gep(ki, [I64(0), idx]), align=8))
    accept = fn.append_basic_block("accept")
    b.cbranch(quick, accept, blocks["slow"])
    b.position_at_end(accept)
    b.ret(x)

    b.position_at_end(blocks["slow"])
    b.cbranch(b.icmp_unsigned("==", idx, I64(0)), blocks["tail"], blocks["wedge"])

    # the tail beyond R: x = -log(U1)/R, y = -log(U2) until 2y > x²; 1 - U avoids log(0)
    b.position_at_end(blocks["tail"])
    xx = b.fmul(F64(-1.0 / R), b.call(log1p, [b.fneg(unit_double(ctx, b, s))]))
    yy = b.fneg(b.call(log1p, [b.fneg(unit_double(ctx, b, s))]))
    done = fn.append_basic_block("tail.done")
    b.cbranch(b.fcmp_ordered(">", b.fadd(yy, yy), b.fmul(xx, xx)), done, blocks["tail"])
    b.position_at_end(done)
    t = b.fadd(F64(R), xx)
    b.ret(b.select(b.trunc(b.lshr(rabs, I64(8)), I1), b.fneg(t), t))

    # the wedge between layer idx's rectangle and the curve: accept under exp(-x²/2)
    b.position_at_end(blocks["wedge"])
    f_hi = b.load(b.gep(fi, [I64(0), b.sub(idx, I64(1))]), align=8)
    f_lo = b.load(b.gep(fi, [I64(0), idx]), align=8)
    y = b.fadd(b.fmul(b.fsub(f_hi, f_lo), unit_double(ctx, b, s)), f_lo)
    under = b.fcmp_ordered("<", y, b.call(exp, [b.fmul(F64(-0.5), b.fmul(x, x))]))
    b.cbranch(under, accept, blocks["loop"])
    return fn
