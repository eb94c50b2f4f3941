"""Lowering of registry operations (`compiler/ops/`): the dispatch, and the builtins (abs, min,
max, round) and `math` functions with Python's error behaviour."""
from __future__ import annotations

import math

from llvmlite import ir as ll

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.builtins import MATH_FUNCS
from fastext.compiler.lower import arith
from fastext.compiler.lower.context import F64, I1


def lower_intrinsic(fl, e: ir.Intrinsic) -> ll.Value:
    """An operation of the registry (`compiler/ops/`): its lowering, with the arguments
    lowered first unless the operation evaluates them itself (`lazy`)."""
    op = ops.get(e.name)
    if op.lower is None:
        raise NotImplementedError(f"{e.name} has no CPU lowering")
    if not op.lazy and e.name.startswith(("list.", "dict.")):
        from fastext.compiler.lower import str_items, strkeys
        if strkeys.applies(fl, e):    # a str key found from characters, made only if inserted
            return strkeys.lower(fl, e)
        if str_items.involved(e):     # str arguments and results: reference counting around it
            return str_items.lower(fl, e, op)
    # nesting depth: a temporary site's buffer goes to the first array this operation allocates
    # itself, not to one its arguments make (lower/reuse.py: temporaries; alloc.allocate)
    fl.site_depth = getattr(fl, "site_depth", 0) + 1
    saved = getattr(fl, "pending_reuse", None)
    try:
        args = e.args if op.lazy else [fl.expr(a) for a in e.args]
        reuse = fl.temporary_site(e) if op.allocates and hasattr(fl, "temporary_site") else None
        if reuse is not None:
            fl.pending_reuse = (fl.site_depth, reuse)
        return op.lower(fl, e, args)
    finally:
        fl.site_depth -= 1
        fl.pending_reuse = saved


def lower_let(fl, e: ir.Intrinsic, args: list[ir.Expr]) -> ll.Value:
    """`fx.let` (frontend/arrays.py: let): each value into a slot of its name, the effects, the result."""
    from fastext.compiler.lower.context import value_type
    for var, value in zip(e.attrs["names"], args):
        slot = fl.entry_alloca(value_type(var.type))
        fl.b.store(fl.expr(value), slot)
        fl.slots[id(var)] = slot
    for effect in e.attrs["effects"]:
        fl.expr(effect)
    return fl.expr(e.attrs["result"])


def lower_raise_if(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    fl.fail_if(args[0], e.attrs["exc"], e.attrs["message"])
    return I1(0)


def lower_intret(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """The int flag the call of `attrs['func']` just stored in the error record; false when that
    function reports none (`Function.int_return`, frontend/intflags.py: finish)."""
    from fastext.compiler.lower.context import ERR_INTRET, I32, I64
    callee = fl.ctx.ir_module.functions.get(e.attrs["func"]) if fl.ctx.ir_module is not None else None
    if callee is None or not callee.int_return:
        return I1(0)
    return fl.b.icmp_unsigned("!=", fl.b.load(fl.b.gep(fl.err, [I32(0), I32(ERR_INTRET)])), I64(0))


def intargs_tag(name: str) -> int:
    """The mark a caller stores beside its arguments' flags for the function `name`: bit 63 (never
    set by a result's flags or an address) and a hash of the name, so a function reads only flags
    stored for it."""
    import zlib
    return (1 << 63) | ((zlib.crc32(name.encode()) & 0x7FFF) << 48)


def store_intargs(fl, e: ir.Call, err) -> None:
    """Before the call `e`: its f64 arguments' int flags into the error record, for the callee's
    entry to read (`lower_intargs`); nothing when the callee reads none."""
    from fastext.compiler.lower.context import ERR_INTRET, I32, I64
    callee = fl.ctx.ir_module.functions.get(e.func) if fl.ctx.ir_module is not None else None
    if e.intargs is None or callee is None or not callee.int_args:
        return
    bits = fl.expr(e.intargs)
    word = fl.b.or_(bits, I64(intargs_tag(e.func)))
    fl.b.store(word, fl.b.gep(err, [I32(0), I32(ERR_INTRET)]))


def lower_intargs(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """The int flags a caller stored for this function's f64 arguments (`store_intargs`), 0 when
    none did (a call from Python, or one whose arguments are floats); the slot is cleared, so a
    later call that stores none finds none."""
    from fastext.compiler.lower.context import ERR_INTRET, I32, I64
    if not getattr(fl.fn, "int_args", False):
        return I64(0)
    b = fl.b
    slot = b.gep(fl.err, [I32(0), I32(ERR_INTRET)])
    word = b.load(slot)
    b.store(I64(0), slot)
    tag = I64(intargs_tag(fl.fn.name))
    mine = b.icmp_unsigned("==", b.and_(word, I64(~((1 << 48) - 1) & ((1 << 64) - 1))), tag)
    return b.select(mine, b.and_(word, I64((1 << 48) - 1)), I64(0))


def lower_flags_address(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    """The native list[bool] of a returned container's int flags as an i64 (frontend/intflags.py):
    it lives in the call's arena, so the entry point reads it before releasing the arena."""
    from fastext.compiler.lower.context import I64
    return fl.b.ptrtoint(args[0], I64)


def lower_abs(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    b, t = fl.b, e.type
    (x,) = args
    if e.args[0].type.is_complex:
        return arith.complex_abs(fl, x)
    if t.is_float:
        return b.call(fl.ctx.intrinsic(f"llvm.fabs.{_sfx(t)}", x.type, [x.type]), [x])
    return b.select(b.icmp_signed("<", x, x.type(0)), b.neg(x), x)   # wraps for the minimum, like C


def _extreme(fl, e: ir.Intrinsic, args: list[ll.Value], op: str) -> ll.Value:
    # Python keeps the first of equal items and only replaces on a strict comparison (NaN rules too)
    acc = args[0]
    for x in args[1:]:
        acc = fl.b.select(arith.compare(fl, op, e.type, x, acc), x, acc)
    return acc


def lower_min(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    return _extreme(fl, e, args, "<")


def lower_max(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    return _extreme(fl, e, args, ">")


def lower_range_len(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    return arith.range_length(fl, *args)


def lower_round(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    (x,) = args
    b = fl.b
    x = x if x.type == F64 else b.fpext(x, F64)
    rounded = b.call(fl.ctx.intrinsic("llvm.roundeven.f64", F64, [F64]), [x])
    return arith.float_to_int(fl, rounded, T.I64)


def lower_math(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    return _math(fl, e.name[5:], args)


def lower_cmath(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    from fastext.compiler.lower.cmath import lower_cmath as cmath
    return cmath(fl, e.name[6:], args, [a.type for a in e.args])


def lower_complex(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    return _complex(fl, e, args)


def _complex(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    b = fl.b
    op = e.name.partition(".")[2]
    if op == "real":
        return b.extract_value(args[0], 0)
    if op == "imag":
        return b.extract_value(args[0], 1)
    if op == "conjugate":
        re, im = arith.parts(fl, args[0])
        return arith.make_complex(fl, re, b.fneg(im))
    if op == "make":
        return arith.make_complex(fl, *args)
    if op == "powi":
        return arith.complex_powi(fl, args[0], e.args[1].value)
    if op == "pow":
        from fastext.compiler.lower.complex_pow import complex_pow
        return complex_pow(fl, args[0], args[1])
    raise NotImplementedError(e.name)


def _sfx(t: T.Scalar) -> str:
    return "f32" if t.bits == 32 else "f64"


def _math(fl, name: str, args: list[ll.Value]) -> ll.Value:
    b = fl.b
    fn = MATH_FUNCS[name]
    x = args[0]
    if name in ("isnan", "isinf", "isfinite"):
        if name == "isnan":
            return b.fcmp_unordered("uno", x, x)
        absx = b.call(fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64]), [x])
        if name == "isinf":
            return b.fcmp_ordered("==", absx, F64(float("inf")))
        return b.fcmp_ordered("<", absx, F64(float("inf")))
    domain = {
        "neg": lambda: b.fcmp_ordered("<", x, F64(0.0)),
        "nonpos": lambda: b.fcmp_ordered("<=", x, F64(0.0)),
        "inf": lambda: _is_inf(fl, x),
        "unit": lambda: b.fcmp_ordered(">", _fabs(fl, x), F64(1.0)),
        "le_m1": lambda: b.fcmp_ordered("<=", x, F64(-1.0)),
        # a NaN y gives NaN without an error, whatever x is (CPython's math_2)
        "zero2": lambda: b.and_(b.and_(b.fcmp_ordered("==", x, x), b.fcmp_ordered("==", args[-1], args[-1])),
                                b.or_(b.fcmp_ordered("==", args[-1], F64(0.0)), _is_inf(fl, x))),
        "lt1": lambda: b.fcmp_ordered("<", x, F64(1.0)),
        "unit_closed": lambda: b.fcmp_ordered(">=", _fabs(fl, x), F64(1.0)),
        # gamma: 0, -inf and the negative integers; lgamma: the integers <= 0
        "gamma": lambda: b.or_(b.fcmp_ordered("==", x, F64(0.0)),
                               b.and_(b.fcmp_ordered("<", x, F64(0.0)), _integral(fl, x))),
        "lgamma": lambda: b.and_(b.fcmp_ordered("<=", x, F64(0.0)),
                                 b.and_(_integral(fl, x), _is_finite(fl, x))),
    }
    if fn.check in domain:
        fl.fail_if(domain[fn.check](), "ValueError", "math domain error")
    result = _call_math(fl, fn, args)
    finite_args = _all_finite(fl, args)
    if fn.check in ("range", "gamma", "lgamma"):
        fl.fail_if(b.and_(finite_args, _is_inf(fl, result)), "OverflowError", "math range error")
    elif fn.check == "pow":
        x, y = args
        # math.pow: finite args with a NaN result (negative base, fractional exponent) or 0 ** negative
        nan_result = b.and_(finite_args, b.fcmp_unordered("uno", result, result))
        zero_neg = b.and_(b.fcmp_ordered("==", x, F64(0.0)), b.fcmp_ordered("<", y, F64(0.0)))
        fl.fail_if(b.or_(nan_result, zero_neg), "ValueError", "math domain error")
        fl.fail_if(b.and_(finite_args, _is_inf(fl, result)), "OverflowError", "math range error")
    if fn.to_int:
        return arith.float_to_int(fl, result, T.I64)
    return result


def _call_math(fl, fn, args: list[ll.Value]) -> ll.Value:
    """The value of `math.<fn>` (its error checks are the caller's)."""
    b = fl.b
    if fn.impl.startswith("llvm."):
        return b.call(fl.ctx.intrinsic(f"{fn.impl}.f64", F64, [F64] * fn.arity), args)
    if not fn.impl.startswith("fx:"):
        return b.call(fl.ctx.libm(fn.impl, fn.arity, exact=True), args)
    own = fn.impl[3:]
    x = args[0]
    if own in ("gamma", "lgamma"):
        from fastext.compiler.lower import pygamma
        make = pygamma.gamma_function if own == "gamma" else pygamma.lgamma_function
        return b.call(make(fl.ctx), [x])
    if own in ("degrees", "radians"):       # CPython: one multiply by the rounded constant
        return b.fmul(x, F64(180.0 / math.pi if own == "degrees" else math.pi / 180.0))
    if own == "ulp":
        # CPython's math.ulp: NaN and inf are themselves; else the gap above |x|, or below it
        # for the largest finite float
        nextafter = fl.ctx.libm("nextafter", 2, exact=True)
        ax = _fabs(fl, x)
        up = b.call(nextafter, [ax, F64(math.inf)])
        gap = b.select(_is_inf(fl, up), b.fsub(ax, b.call(nextafter, [ax, F64(-math.inf)])), b.fsub(up, ax))
        return b.select(_is_finite(fl, x), gap, ax)
    raise NotImplementedError(fn.impl)


def _integral(fl, x):
    return fl.b.fcmp_ordered("==", x, fl.b.call(fl.ctx.intrinsic("llvm.floor.f64", F64, [F64]), [x]))


def _is_finite(fl, x):
    return fl.b.fcmp_ordered("<", _fabs(fl, x), F64(float("inf")))


def _fabs(fl, x):
    return fl.b.call(fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64]), [x])


def _is_inf(fl, x):
    return fl.b.fcmp_ordered("==", _fabs(fl, x), F64(float("inf")))


def _all_finite(fl, args):
    ok = I1(1)
    for a in args:
        ok = fl.b.and_(ok, fl.b.fcmp_ordered("<", _fabs(fl, a), F64(float("inf"))))
    return ok
