"""Builtins (abs, min, max, round) and `math` functions, with Python's error behaviour."""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.builtins import MATH_FUNCS
from fastext.compiler.lower import arith
from fastext.compiler.lower.context import F64, I1

ALLOC_INTRINSICS = frozenset(f"array.{n}" for n in (
    "empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like", "copy", "assign"))


def lower_intrinsic(fl, e: ir.Intrinsic, args: list[ll.Value]) -> ll.Value:
    b = fl.b
    t = e.type
    if e.name.startswith("complex."):
        return _complex(fl, e, args)
    if e.name.startswith("cmath."):
        from fastext.compiler.lower.cmath import lower_cmath
        return lower_cmath(fl, e.name[6:], args, [a.type for a in e.args])
    if e.name.startswith(("str.", "char.")):
        from fastext.compiler.lower.strings import lower_string
        return lower_string(fl, e, args)
    if e.name == "abs" and e.args[0].type.is_complex:
        return arith.complex_abs(fl, args[0])
    if e.name == "abs":
        (x,) = args
        if t.is_float:
            return b.call(fl.ctx.intrinsic(f"llvm.fabs.{_sfx(t)}", x.type, [x.type]), [x])
        return b.select(b.icmp_signed("<", x, x.type(0)), b.neg(x), x)   # wraps for the minimum, like C
    if e.name in ("min", "max"):
        # Python keeps the first of equal items and only replaces on a strict comparison (NaN rules too)
        acc = args[0]
        op = "<" if e.name == "min" else ">"
        for x in args[1:]:
            acc = b.select(arith.compare(fl, op, t, x, acc), x, acc)
        return acc
    if e.name == "range_len":
        return arith.range_length(fl, *args)
    if e.name == "round":
        (x,) = args
        x = x if x.type == F64 else b.fpext(x, F64)
        rounded = b.call(fl.ctx.intrinsic("llvm.roundeven.f64", F64, [F64]), [x])
        return arith.float_to_int(fl, rounded, T.I64)
    if e.name.startswith("math."):
        return _math(fl, e.name[5:], args)
    if e.name in ALLOC_INTRINSICS:
        from fastext.compiler.lower.alloc import lower_alloc
        return lower_alloc(fl, e, args)
    if e.name.startswith("array."):
        from fastext.compiler.lower.array_methods import lower_array_method
        return lower_array_method(fl, e, args)
    raise NotImplementedError(e.name)


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
        "zero2": lambda: b.and_(b.fcmp_ordered("==", x, x),
                                b.or_(b.fcmp_ordered("==", args[-1], F64(0.0)), _is_inf(fl, x))),
    }
    if fn.check in domain:
        fl.fail_if(domain[fn.check](), "ValueError", "math domain error")
    if fn.impl.startswith("llvm."):
        callee = fl.ctx.intrinsic(f"{fn.impl}.f64", F64, [F64] * fn.arity)
    else:
        callee = fl.ctx.libm(fn.impl, fn.arity, exact=True)
    result = b.call(callee, args)
    finite_args = _all_finite(fl, args)
    if fn.check == "range":
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


def _fabs(fl, x):
    return fl.b.call(fl.ctx.intrinsic("llvm.fabs.f64", F64, [F64]), [x])


def _is_inf(fl, x):
    return fl.b.fcmp_ordered("==", _fabs(fl, x), F64(float("inf")))


def _all_finite(fl, args):
    ok = I1(1)
    for a in args:
        ok = fl.b.and_(ok, fl.b.fcmp_ordered("<", _fabs(fl, a), F64(float("inf"))))
    return ok
