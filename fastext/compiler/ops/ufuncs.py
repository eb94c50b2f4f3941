"""NumPy's element-wise functions (ufuncs), and the operators on arrays that call them.

Each declaration is one `ufunc(...)` line: the NumPy name (which also types it: the loop
NumPy itself would pick, `ops/dtypes.py`), its arity, and the scalar function one loop
iteration computes, `scalar(fl, in_types, out_type, args)`, with NumPy's semantics (no
Python exceptions: 1/0 is inf, an integer // 0 is 0, shifts past the width saturate).
The same scalar function lowers `np.sqrt(x)` on a number, the body of an array expression
(`frontend/arrays.py` builds an `ir.ArrayMap` whose body is a tree of these operations),
and runs on the GPU, where `ctx.libm_typed` resolves to libdevice.

Operators on arrays map to ufuncs as in NumPy: `+ - * / // % ** & | ^ << >>` are add,
subtract, multiply, true_divide, floor_divide, remainder, power, bitwise_and/or/xor,
left_shift/right_shift; unary `-`, `+`, `~` are negative, positive, invert; `< <= > >= == !=`
are less, less_equal, greater, greater_equal, equal, not_equal.
"""
from __future__ import annotations

import math

from fastext.compiler.ops import REGISTRY, Op, add, deferred, npsource

OPERATORS = {"+": "add", "-": "subtract", "*": "multiply", "/": "true_divide", "//": "floor_divide",
             "%": "remainder", "**": "power", "&": "bitwise_and", "|": "bitwise_or", "^": "bitwise_xor",
             "<<": "left_shift", ">>": "right_shift"}
UNARY_OPERATORS = {"neg": "negative", "pos": "positive", "invert": "invert"}
COMPARISONS = {"<": "less", "<=": "less_equal", ">": "greater", ">=": "greater_equal", "==": "equal",
               "!=": "not_equal"}


def _check(function: str):
    return deferred("fastext.compiler.frontend.arrays", function)


def _lower(fl, e, args):
    from fastext.compiler.ops import get
    op = get(e.name)
    ins = [a.type for a in e.args]
    if e.attrs:      # compile-time parameters (np.round's decimals, np.angle's deg)
        return op.data["scalar"](fl, ins, e.type, args, **e.attrs)
    return op.data["scalar"](fl, ins, e.type, args)


# What differs from Python's operators (or is worth knowing) per ufunc; the docs table shows it.
NOTES = {
    "true_divide": "`/`; x / 0 is ±inf or nan (NumPy), not ZeroDivisionError; ints give float64",
    "floor_divide": "`//`; integers // 0 give 0, floats // 0 give ±inf or nan",
    "remainder": "`%`; the divisor's sign (Python's rule); x % 0 is 0 (ints) or nan (floats)",
    "fmod": "C's remainder (the dividend's sign)",
    "power": "`**`; a ** 2, a ** 0.5, a ** -1 with a constant exponent as NumPy: square, sqrt, reciprocal "
             "(a ** 1.5, a ** -1.5, a ** -0.5 of floats: through sqrt, pow's special values kept); "
             "integer ** negative integer raises ValueError",
    "left_shift": "`<<`; counts past the width give 0", "right_shift": "`>>`; counts past the width give 0 or -1",
    "maximum": "NaN propagates", "minimum": "NaN propagates", "fmax": "NaN ignored", "fmin": "NaN ignored",
    "sign": "NaN stays NaN; complex: z / |z|", "absolute": "`abs(a)`; complex: the modulus (float)",
    "where": "`np.where(cond, x, y)`; one argument: see Indexing", "clip": "NaN stays; a NaN bound wins",
    "round": "round half to even; decimals= a constant", "angle": "atan2(imag, real); deg= a constant",
    "real": "`a.real` too; of a real array: the values", "imag": "`a.imag` too; of a real array: zeros",
    "invert": "`~`; bools: logical not",
    "sqrt": "negative: nan (NumPy), not ValueError (math.sqrt)",
}


def ufunc(name: str, nin: int, scalar, *, aliases: tuple[str, ...] = (), numpy: str | None = None,
          typing: str = "ufunc", gpu=True, doc: str = "", signature: str = "", methods: tuple[str, ...] = (),
          numpy_loop: str | None = None) -> Op:
    """Declare `np.<name>`: spelled `numpy.<name>` (and `numpy.<alias>`, and the array methods
    `a.<method>()`), typed like NumPy's `numpy.<numpy or name>` ufunc (`typing="ufunc"`) or by a
    rule of `frontend/arrays.py`.  `numpy_loop`: float items are computed by NumPy's own inner
    loop (lower/nploops.py), the C library's function of that name standing in without NumPy."""
    doc = doc or NOTES.get(name, "")
    args = ", ".join("xyz"[:nin]) if nin <= 3 else "..."
    return add(Op(f"np.{name}", spellings=(f"numpy.{name}", *(f"numpy.{a}" for a in aliases),
                                           *(f"ndarray.{m}" for m in methods)),
                  check=_check("elementwise_call"), lower=_lower, gpu=gpu, numpy_scalar=True, group="ufunc",
                  signature=signature or f"np.{name}({args}{', out=None' if typing == 'ufunc' else ''})", doc=doc,
                  data={"ufunc": numpy or name, "nin": nin, "scalar": scalar, "typing": typing,
                        "numpy_loop": numpy_loop}))


# ----------------------------------------------------------------------------- helpers

def _ll():
    from fastext.compiler.lower import context
    return context


def _float_ty(fl, t):
    from fastext.compiler.lower.context import scalar_type
    return scalar_type(t)


def _intr(fl, name: str, x, n: int = 1):
    """An exact LLVM intrinsic on floats (`llvm.sqrt.f64`): the same on CPU and GPU."""
    ty = x.type
    sfx = "f32" if ty == _ll().F32 else "f64"
    return fl.ctx.intrinsic(f"llvm.{name}.{sfx}", ty, [ty] * n)


def _call_intr(fl, name: str, *args):
    return fl.b.call(_intr(fl, name, args[0], len(args)), list(args))


def _libm(fl, name: str, *args):
    return fl.b.call(fl.ctx.libm_typed(name, len(args), args[0].type), list(args))


def _is_nan(fl, x):
    return fl.b.fcmp_unordered("uno", x, x)


def _parts(fl, z):
    return fl.b.extract_value(z, 0), fl.b.extract_value(z, 1)


def _make(fl, t, re, im):
    from fastext.compiler.lower.context import scalar_type
    from llvmlite import ir as ll
    z = ll.Constant(scalar_type(t), ll.Undefined)
    return fl.b.insert_value(fl.b.insert_value(z, re, 0), im, 1)


def _kind(t) -> str:
    return "bool" if t.is_bool else "complex" if t.is_complex else "float" if t.is_float else "int"


def _by_kind(**impls):
    """A scalar function dispatching on the loop's input kind (bool, int, float, complex)."""
    def scalar(fl, ins, out, args):
        impl = impls.get(_kind(ins[0])) or impls.get("int" if ins[0].is_bool else "")
        if impl is None:
            raise NotImplementedError(f"no {_kind(ins[0])} loop")
        return impl(fl, ins, out, args)
    return scalar


# ----------------------------------------------------------------------------- arithmetic

def _c_add(fl, ins, out, args):
    (ar, ai), (br, bi) = _parts(fl, args[0]), _parts(fl, args[1])
    return _make(fl, out, fl.b.fadd(ar, br), fl.b.fadd(ai, bi))


def _c_sub(fl, ins, out, args):
    (ar, ai), (br, bi) = _parts(fl, args[0]), _parts(fl, args[1])
    return _make(fl, out, fl.b.fsub(ar, br), fl.b.fsub(ai, bi))


def _c_mul(fl, ins, out, args):
    b = fl.b
    (ar, ai), (br, bi) = _parts(fl, args[0]), _parts(fl, args[1])
    return _make(fl, out, b.fsub(b.fmul(ar, br), b.fmul(ai, bi)), b.fadd(b.fmul(ar, bi), b.fmul(ai, br)))


def _c_div(fl, ins, out, args):
    """NumPy's complex division (Smith's method, with its zero-divisor case)."""
    b = fl.b
    (ar, ai), (br, bi) = _parts(fl, args[0]), _parts(fl, args[1])
    fabs = lambda v: _call_intr(fl, "fabs", v)   # noqa: E731
    br_abs, bi_abs = fabs(br), fabs(bi)
    one = ar.type(1.0)
    # |br| >= |bi|
    rat1 = b.fdiv(bi, br)
    scl1 = b.fdiv(one, b.fadd(br, b.fmul(bi, rat1)))
    re1 = b.fmul(b.fadd(ar, b.fmul(ai, rat1)), scl1)
    im1 = b.fmul(b.fsub(ai, b.fmul(ar, rat1)), scl1)
    zero_div = b.and_(b.fcmp_ordered("==", br_abs, ar.type(0.0)), b.fcmp_ordered("==", bi_abs, ar.type(0.0)))
    re1 = b.select(zero_div, b.fdiv(ar, br_abs), re1)
    im1 = b.select(zero_div, b.fdiv(ai, br_abs), im1)
    # |br| < |bi|
    rat2 = b.fdiv(br, bi)
    scl2 = b.fdiv(one, b.fadd(bi, b.fmul(br, rat2)))
    re2 = b.fmul(b.fadd(b.fmul(ar, rat2), ai), scl2)
    im2 = b.fmul(b.fsub(b.fmul(ai, rat2), ar), scl2)
    first = b.fcmp_ordered(">=", br_abs, bi_abs)
    return _make(fl, out, b.select(first, re1, re2), b.select(first, im1, im2))


def _int_floor_divide(fl, ins, out, args):
    """Floor division; x // 0 is 0 and MIN // -1 wraps to MIN, as NumPy's loop gives them."""
    b = fl.b
    x, y = args
    zero = x.type(0)
    is_zero = b.icmp_unsigned("==", y, zero)
    if not out.signed:
        return b.select(is_zero, zero, b.udiv(x, b.select(is_zero, x.type(1), y)))
    minus_one = b.icmp_signed("==", y, x.type(-1))
    safe = b.select(b.or_(is_zero, minus_one), x.type(1), y)
    q, r = b.sdiv(x, safe), b.srem(x, safe)
    adjust = b.and_(b.icmp_signed("!=", r, zero), b.icmp_signed("<", b.xor(r, safe), zero))
    q = b.sub(q, b.zext(adjust, x.type))
    return b.select(is_zero, zero, b.select(minus_one, b.neg(x), q))


def _int_remainder(fl, ins, out, args):
    """Python's modulo (the divisor's sign); x % 0 is 0."""
    b = fl.b
    x, y = args
    zero = x.type(0)
    is_zero = b.icmp_unsigned("==", y, zero)
    if not out.signed:
        return b.select(is_zero, zero, b.urem(x, b.select(is_zero, x.type(1), y)))
    safe = b.select(b.or_(is_zero, b.icmp_signed("==", y, x.type(-1))), x.type(1), y)
    r = b.srem(x, safe)
    adjust = b.and_(b.icmp_signed("!=", r, zero), b.icmp_signed("<", b.xor(r, safe), zero))
    return b.select(is_zero, zero, b.select(adjust, b.add(r, safe), r))


def _int_fmod(fl, ins, out, args):
    """C's remainder (the dividend's sign); x fmod 0 is 0."""
    b = fl.b
    x, y = args
    zero = x.type(0)
    bad = b.icmp_unsigned("==", y, zero)
    if out.signed:
        bad = b.or_(bad, b.icmp_signed("==", y, x.type(-1)))
    safe = b.select(bad, x.type(1), y)
    r = b.srem(x, safe) if out.signed else b.urem(x, safe)
    return b.select(bad, zero, r)


def _float_divmod(fl, x, y, want: str):
    """NumPy's npy_divmod: CPython's float algorithm, except that a zero divisor gives
    x / y (floor_divide) and fmod(x, y) (remainder) instead of raising."""
    from fastext.compiler.lower import arith
    b = fl.b
    saved = fl.fail_if
    fl.fail_if = lambda *a, **k: None   # the zero divisor is handled below
    try:
        value = arith.float_divmod(fl, "//" if want == "div" else "%", x, y)
    finally:
        fl.fail_if = saved
    zero = b.fcmp_ordered("==", y, x.type(0.0))
    return b.select(zero, b.fdiv(x, y) if want == "div" else b.frem(x, y), value)


def _float_pow(fl, ins, out, args):
    if _numpy_loop(fl, out, args):
        from fastext.compiler.lower import nploops
        return nploops.scalar(fl, "power", "pow", out, list(args))
    return _libm(fl, "pow", *args)


def _int_pow(fl, ins, out, args):
    """Repeated squaring, wrapping; a negative exponent raises NumPy's ValueError."""
    from fastext.compiler.lower import arith
    b = fl.b
    x, y = args
    if out.signed:
        fl.fail_if(b.icmp_signed("<", y, y.type(0)), "ValueError",
                   "Integers to negative integer powers are not allowed.")
        y = b.select(b.icmp_signed("<", y, y.type(0)), y.type(0), y)
    saved = fl.fail_if
    fl.fail_if = lambda *a, **k: None
    try:
        return arith.int_pow(fl, out.__class__(out.name, "uint", out.bits), x, y)
    finally:
        fl.fail_if = saved


def _c_pow(fl, ins, out, args):
    from fastext.compiler import types as T
    from fastext.compiler.lower.complex_pow import complex_pow
    from fastext.compiler.lower import arith
    if out == T.C128:
        return complex_pow(fl, args[0], args[1])
    wide = [arith.cast(fl, a, out, T.C128) for a in args]
    return arith.cast(fl, complex_pow(fl, *wide), T.C128, out)


def _shift(left: bool):
    def scalar(fl, ins, out, args):
        b = fl.b
        x, y = args
        width = x.type(out.bits)
        big = b.icmp_unsigned(">=", y, width)     # negative counts are huge unsigned: saturate too
        safe = b.select(big, x.type(0), y)
        if left:
            return b.select(big, x.type(0), b.shl(x, safe))
        if out.signed:
            fill = b.select(b.icmp_signed("<", x, x.type(0)), x.type(-1), x.type(0))
            return b.select(big, fill, b.ashr(x, safe))
        return b.select(big, x.type(0), b.lshr(x, safe))
    return scalar


def _binary_int(method: str):
    return lambda fl, ins, out, args: getattr(fl.b, method)(*args)


def _binary_float(method: str):
    return lambda fl, ins, out, args: getattr(fl.b, method)(*args)


ufunc("add", 2, _by_kind(bool=_binary_int("or_"), int=_binary_int("add"), float=_binary_float("fadd"), complex=_c_add))
ufunc("subtract", 2, _by_kind(int=_binary_int("sub"), float=_binary_float("fsub"), complex=_c_sub))
ufunc("multiply", 2, _by_kind(bool=_binary_int("and_"), int=_binary_int("mul"), float=_binary_float("fmul"),
                             complex=_c_mul))
ufunc("true_divide", 2, _by_kind(float=_binary_float("fdiv"), complex=_c_div), aliases=("divide",))
ufunc("floor_divide", 2, _by_kind(int=_int_floor_divide,
                                 float=lambda fl, ins, out, a: _float_divmod(fl, a[0], a[1], "div")))
ufunc("remainder", 2, _by_kind(int=_int_remainder, float=lambda fl, ins, out, a: _float_divmod(fl, a[0], a[1], "mod")),
      aliases=("mod",))
ufunc("fmod", 2, _by_kind(int=_int_fmod, float=_binary_float("frem")))
ufunc("power", 2, _by_kind(int=_int_pow, float=_float_pow, complex=_c_pow), aliases=("pow",), numpy_loop="pow")
ufunc("bitwise_and", 2, _binary_int("and_"))
ufunc("bitwise_or", 2, _binary_int("or_"))
ufunc("bitwise_xor", 2, _binary_int("xor"))
ufunc("left_shift", 2, _shift(True), aliases=("bitwise_left_shift",))
ufunc("right_shift", 2, _shift(False), aliases=("bitwise_right_shift",))


def _negative(fl, ins, out, args):
    (x,) = args
    if out.is_complex:
        re, im = _parts(fl, x)
        return _make(fl, out, fl.b.fneg(re), fl.b.fneg(im))
    return fl.b.fneg(x) if out.is_float else fl.b.neg(x)


ufunc("negative", 1, _negative)
ufunc("positive", 1, lambda fl, ins, out, args: args[0])
ufunc("invert", 1, lambda fl, ins, out, args: fl.b.not_(args[0]), aliases=("bitwise_not", "bitwise_invert"))


def _square(fl, ins, out, args):
    x = args[0]
    if out.is_complex:
        return _c_mul(fl, ins + ins, out, [x, x])
    if out.is_bool:
        return x
    return fl.b.fmul(x, x) if out.is_float else fl.b.mul(x, x)


def _reciprocal(fl, ins, out, args):
    b = fl.b
    x = args[0]
    if out.is_complex:
        return _c_div(fl, ins + ins, out, [_make(fl, out, x.type.elements[0](1.0), x.type.elements[0](0.0)), x])
    if out.is_float:
        return b.fdiv(x.type(1.0), x)
    # integers: 1 / x truncated (1 and -1 give themselves, 0 gives 0 here; NumPy's C cast is undefined)
    keep = b.icmp_signed("==", x, x.type(1))
    if out.signed:
        keep = b.or_(keep, b.icmp_signed("==", x, x.type(-1)))
    return b.select(keep, x, x.type(0))


def _absolute(fl, ins, out, args):
    b = fl.b
    x = args[0]
    if ins[0].is_complex:
        re, im = _parts(fl, x)
        return _libm(fl, "hypot", re, im)
    if out.is_float:
        return _call_intr(fl, "fabs", x)
    if out.is_bool or not out.signed:
        return x
    return b.select(b.icmp_signed("<", x, x.type(0)), b.neg(x), x)


def _sign(fl, ins, out, args):
    b = fl.b
    x = args[0]
    if out.is_complex:
        # NumPy 2: z / |z|; an infinite part alone gives that axis' unit, two give nan, 0 gives 0
        re, im = _parts(fl, x)
        ty = re.type
        r = _libm(fl, "hypot", re, im)
        zero = b.fcmp_ordered("==", r, ty(0.0))
        inf_re = b.fcmp_ordered("==", _call_intr(fl, "fabs", re), ty(math.inf))
        inf_im = b.fcmp_ordered("==", _call_intr(fl, "fabs", im), ty(math.inf))
        unit_re = b.select(inf_re, _call_intr(fl, "copysign", ty(1.0), re), ty(0.0))
        unit_im = b.select(inf_im, _call_intr(fl, "copysign", ty(1.0), im), ty(0.0))
        one_inf, both_inf = b.xor(inf_re, inf_im), b.and_(inf_re, inf_im)
        sre = b.select(zero, ty(0.0), b.fdiv(re, r))
        sim = b.select(zero, ty(0.0), b.fdiv(im, r))
        sre = b.select(one_inf, unit_re, b.select(both_inf, ty(math.nan), sre))
        sim = b.select(one_inf, unit_im, b.select(both_inf, ty(math.nan), sim))
        return _make(fl, out, sre, sim)
    if out.is_float:
        one = x.type(1.0)
        pos, neg = b.fcmp_ordered(">", x, x.type(0.0)), b.fcmp_ordered("<", x, x.type(0.0))
        zero_or_nan = b.select(b.fcmp_ordered("==", x, x.type(0.0)), x.type(0.0), x)
        return b.select(pos, one, b.select(neg, x.type(-1.0), zero_or_nan))
    if not out.signed:
        return b.zext(b.icmp_unsigned("!=", x, x.type(0)), x.type)
    pos = b.zext(b.icmp_signed(">", x, x.type(0)), x.type)
    neg = b.zext(b.icmp_signed("<", x, x.type(0)), x.type)
    return b.sub(pos, neg)


def _conjugate(fl, ins, out, args):
    if out.is_complex:
        re, im = _parts(fl, args[0])
        return _make(fl, out, re, fl.b.fneg(im))
    return args[0]


ufunc("square", 1, _square)
ufunc("reciprocal", 1, _reciprocal)
ufunc("absolute", 1, _absolute, aliases=("abs",))
ufunc("fabs", 1, lambda fl, ins, out, args: _call_intr(fl, "fabs", args[0]))
ufunc("sign", 1, _sign)
ufunc("conjugate", 1, _conjugate, aliases=("conj",), methods=("conjugate", "conj"))


# ----------------------------------------------------------------------------- comparisons and logic

def _compare(op: str):
    def scalar(fl, ins, out, args):
        b = fl.b
        x, y = args
        t, u = ins
        if t.is_complex:
            (xr, xi), (yr, yi) = _parts(fl, x), _parts(fl, y)
            if op in ("==", "!="):
                eq = b.and_(b.fcmp_ordered("==", xr, yr), b.fcmp_ordered("==", xi, yi))
                return eq if op == "==" else b.not_(eq)
            # lexicographic, as NumPy orders complex numbers
            strict = op[0]
            first = b.fcmp_ordered(strict, xr, yr)
            tie = b.and_(b.fcmp_ordered("==", xr, yr), b.fcmp_ordered(op, xi, yi))
            return b.or_(first, tie)
        if t.is_float:
            return b.fcmp_unordered(op, x, y) if op == "!=" else b.fcmp_ordered(op, x, y)
        if t == u:
            return b.icmp_signed(op, x, y) if t.signed else b.icmp_unsigned(op, x, y)
        # NumPy's exact mixed loops of int64 and uint64
        if t.signed:      # signed x, unsigned y
            neg = b.icmp_signed("<", x, x.type(0))
            when_neg = {"<": True, "<=": True, ">": False, ">=": False, "==": False, "!=": True}[op]
            return b.select(neg, _const_bool(when_neg), b.icmp_unsigned(op, x, y))
        neg = b.icmp_signed("<", y, y.type(0))
        exact = b.icmp_unsigned(op, x, y)
        when_neg = {"<": False, "<=": False, ">": True, ">=": True, "==": False, "!=": True}[op]
        return b.select(neg, _const_bool(when_neg), exact)
    return scalar


def _const_bool(v: bool):
    from llvmlite import ir as ll
    return ll.Constant(ll.IntType(1), int(v))


for _op, _name in COMPARISONS.items():
    ufunc(_name, 2, _compare(_op))


def _truth(fl, t, x):
    from fastext.compiler.lower import arith
    return x if t.is_bool else arith.truth(fl, x, t)


def _logical(method: str):
    def scalar(fl, ins, out, args):
        return getattr(fl.b, method)(*(_truth(fl, t, a) for t, a in zip(ins, args)))
    return scalar


ufunc("logical_and", 2, _logical("and_"))
ufunc("logical_or", 2, _logical("or_"))
ufunc("logical_xor", 2, _logical("xor"))
ufunc("logical_not", 1, lambda fl, ins, out, args: fl.b.not_(_truth(fl, ins[0], args[0])))


def _extreme(kind: str):
    """maximum/minimum propagate NaN; fmax/fmin ignore it (NumPy's loops)."""
    def scalar(fl, ins, out, args):
        b = fl.b
        x, y = args
        t = ins[0]
        if t.is_bool:
            return b.or_(x, y) if "max" in kind else b.and_(x, y)
        op = ">=" if "max" in kind else "<="
        if t.is_float:
            keep = b.fcmp_ordered(op, x, y)
            nan = _is_nan(fl, x) if kind in ("maximum", "minimum") else _is_nan(fl, y)
            return b.select(b.or_(keep, nan), x, y)
        if t.is_complex:
            raise NotImplementedError("complex maximum")
        keep = b.icmp_signed(op, x, y) if t.signed else b.icmp_unsigned(op, x, y)
        return b.select(keep, x, y)
    return scalar


for _name in ("maximum", "minimum", "fmax", "fmin"):
    ufunc(_name, 2, _extreme(_name))


def _float_test(name: str):
    def scalar(fl, ins, out, args):
        b = fl.b
        t, x = ins[0], args[0]
        if not (t.is_float or t.is_complex):
            return _const_bool(name == "isfinite")
        parts = _parts(fl, x) if t.is_complex else (x,)
        results = []
        for p in parts:
            absx = _call_intr(fl, "fabs", p)
            inf = p.type(float("inf"))
            if name == "isnan":
                results.append(_is_nan(fl, p))
            elif name == "isinf":
                results.append(b.fcmp_ordered("==", absx, inf))
            else:
                results.append(b.fcmp_ordered("<", absx, inf))
        combine = b.and_ if name == "isfinite" else b.or_
        acc = results[0]
        for r in results[1:]:
            acc = combine(acc, r)
        return acc
    return scalar


for _name in ("isnan", "isinf", "isfinite"):
    ufunc(_name, 1, _float_test(_name))


def _signbit(fl, ins, out, args):
    from llvmlite import ir as ll
    x = args[0]
    bits = ll.IntType(ins[0].bits)
    return fl.b.icmp_signed("<", fl.b.bitcast(x, bits), bits(0))


ufunc("signbit", 1, _signbit)
ufunc("copysign", 2, lambda fl, ins, out, args: _call_intr(fl, "copysign", *args))


# ----------------------------------------------------------------------------- rounding and math

def _exact_unary(intrinsic: str):
    """floor, ceil, trunc, rint, sqrt: correctly rounded, the same everywhere; on integer
    inputs (floor & co. keep integers in NumPy 2) the value itself."""
    def scalar(fl, ins, out, args):
        if not out.is_float:
            return args[0]
        return _call_intr(fl, intrinsic, args[0])
    return scalar


for _name, _intrinsic in (("floor", "floor"), ("ceil", "ceil"), ("trunc", "trunc"), ("rint", "rint")):
    ufunc(_name, 1, _exact_unary(_intrinsic))
ufunc("fix", 1, _exact_unary("trunc"), numpy="trunc", signature="np.fix(x)")

_CMATH = {"sqrt": "sqrt", "exp": "exp", "log": "log", "log10": "log10", "sin": "sin", "cos": "cos", "tan": "tan",
          "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
          "arcsinh": "asinh", "arccosh": "acosh", "arctanh": "atanh"}


def _complex_math(fl, name: str, out, z):
    """A complex ufunc through the `cmath` lowering (CPython's algorithms, in c128)."""
    from fastext.compiler import types as T
    from fastext.compiler.lower import arith
    from fastext.compiler.lower.cmath import lower_cmath
    wide = z if out == T.C128 else arith.cast(fl, z, out, T.C128)
    saved = fl.fail_if
    fl.fail_if = lambda *a, **k: None   # NumPy returns inf/nan where cmath raises
    try:
        result = lower_cmath(fl, _CMATH[name], [wide], [T.C128])
    finally:
        fl.fail_if = saved
    return result if out == T.C128 else arith.cast(fl, result, T.C128, out)


def _math(name: str, libm: str | None = None, exact: str | None = None):
    def scalar(fl, ins, out, args):
        if out.is_complex:
            if name not in _CMATH:
                raise NotImplementedError(f"complex {name}")
            return _complex_math(fl, name, out, args[0])
        if exact is not None:
            return _call_intr(fl, exact, *args)
        if _numpy_loop(fl, out, args):
            from fastext.compiler.lower import nploops
            return nploops.scalar(fl, name, libm or name, out, list(args))
        return _libm(fl, libm or name, *args)
    return scalar


def _numpy_loop(fl, out, args) -> bool:
    """Whether a float ufunc on numbers calls NumPy's own loop (lower/nploops.py): CPU code,
    float32/float64 items, not `@fastmath` (which keeps the C library's function)."""
    from fastext.compiler.lower import nploops
    if not getattr(fl.ctx, "numpy_loops", False) or fl.fast_flags or nploops.letter(out) is None:
        return False
    return all(a.type == args[0].type for a in args) and args[0].type == _float_ty(fl, out)


# NumPy's own loops give these (lower/nploops.py); `numpy_loop` names the C library's function
ufunc("sqrt", 1, _math("sqrt", exact="sqrt"))
ufunc("cbrt", 1, _math("cbrt"), numpy_loop="cbrt")
for _name in ("exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "sinh", "cosh", "tanh"):
    ufunc(_name, 1, _math(_name), numpy_loop=_name)
for _name, _libm_name in (("arcsin", "asin"), ("arccos", "acos"), ("arctan", "atan"), ("arcsinh", "asinh"),
                          ("arccosh", "acosh"), ("arctanh", "atanh")):
    ufunc(_name, 1, _math(_name, _libm_name), aliases=(_libm_name,),     # NumPy 2 spells them both ways
          numpy_loop=_libm_name)
ufunc("arctan2", 2, _math("arctan2", "atan2"), aliases=("atan2",), numpy_loop="atan2")
ufunc("hypot", 2, _math("hypot"), numpy_loop="hypot")
ufunc("float_power", 2, _math("float_power", "pow"),     # NumPy's float loops only: ints compute in float64
      numpy_loop="pow")
ufunc("nextafter", 2, _math("nextafter"))


def _logaddexp(base2: bool):
    """NumPy's npy_logaddexp(2): log(exp(x) + exp(y)) without overflow; x == y (infinities of
    one sign included) is x + log(2); a NaN gives NaN."""
    def scalar(fl, ins, out, args):
        b = fl.b
        x, y = args
        ty = x.type
        if base2:
            log1p_of = lambda v: b.fmul(ty(1.0 / math.log(2.0)), _libm(fl, "log1p", _libm(fl, "exp2", v)))  # noqa: E731
            same = b.fadd(x, ty(1.0))
        else:
            log1p_of = lambda v: _libm(fl, "log1p", _libm(fl, "exp", v))   # noqa: E731
            same = b.fadd(x, ty(math.log(2.0)))
        tmp = b.fsub(x, y)
        pos = b.fadd(x, log1p_of(b.fneg(tmp)))
        nonpos = b.fadd(y, log1p_of(tmp))
        value = b.select(b.fcmp_ordered(">", tmp, ty(0.0)), pos, b.select(b.fcmp_ordered("<=", tmp, ty(0.0)), nonpos, tmp))
        return b.select(b.fcmp_ordered("==", x, y), same, value)
    return scalar


def _heaviside(fl, ins, out, args):
    """NumPy's heaviside: 0 below zero, x2 at zero, 1 above, NaN for a NaN x1."""
    b = fl.b
    x1, x2 = args
    ty = x1.type
    return b.select(b.fcmp_ordered("<", x1, ty(0.0)), ty(0.0),
                    b.select(b.fcmp_ordered(">", x1, ty(0.0)), ty(1.0),
                             b.select(b.fcmp_ordered("==", x1, ty(0.0)), x2, x1)))


ufunc("logaddexp", 2, _logaddexp(False))
ufunc("logaddexp2", 2, _logaddexp(True))
ufunc("heaviside", 2, _heaviside)


def _scale(factor: float):
    return lambda fl, ins, out, args: fl.b.fmul(args[0], args[0].type(factor))


ufunc("deg2rad", 1, _scale(math.pi / 180.0), aliases=("radians",))
ufunc("rad2deg", 1, _scale(180.0 / math.pi), aliases=("degrees",))


# ----------------------------------------------------------------------------- functions typed by their own rule

def _real_imag(part: int):
    def scalar(fl, ins, out, args):
        if ins[0].is_complex:
            return fl.b.extract_value(args[0], part)
        return args[0] if part == 0 else _zero(out)
    return scalar


def _zero(t):
    from fastext.compiler.lower.context import scalar_type
    lt = scalar_type(t)
    return lt(0.0) if t.is_float else lt(0)


def _angle(fl, ins, out, args, deg: bool = False):
    x = args[0]
    if ins[0].is_complex:
        re, im = _parts(fl, x)
    else:
        re, im = x, x.type(0.0)
    value = _libm(fl, "atan2", im, re)
    if deg:
        value = fl.b.fmul(value, value.type(180.0 / math.pi))
    return value


def _where(fl, ins, out, args):
    return fl.b.select(_truth(fl, ins[0], args[0]), args[1], args[2])


def _clip(fl, ins, out, args):
    """NumPy's clip: min(max(x, lo), hi), where a NaN x stays and a NaN bound wins."""
    b = fl.b
    x, lo, hi = args
    if out.is_float:
        t = b.select(b.or_(_is_nan(fl, x), b.fcmp_ordered(">", x, lo)), x, lo)
        return b.select(b.or_(_is_nan(fl, t), b.fcmp_ordered("<", t, hi)), t, hi)
    if out.is_bool:
        return b.and_(b.or_(x, lo), hi)
    gt = b.icmp_signed if out.signed else b.icmp_unsigned
    t = b.select(gt(">", x, lo), x, lo)
    return b.select(gt("<", t, hi), t, hi)


def _round(fl, ins, out, args, decimals: int = 0):
    """np.round(x, decimals): rint(x * 10**d) / 10**d for floats, as NumPy computes it."""
    x = args[0]
    if not out.is_float:
        return x
    if decimals == 0:
        return _call_intr(fl, "rint", x)
    b = fl.b
    if decimals > 0:
        f = x.type(10.0 ** decimals)
        return b.fdiv(_call_intr(fl, "rint", b.fmul(x, f)), f)
    f = x.type(10.0 ** -decimals)
    return b.fmul(_call_intr(fl, "rint", b.fdiv(x, f)), f)


ufunc("real", 1, _real_imag(0), typing="real", signature="np.real(x)")
ufunc("imag", 1, _real_imag(1), typing="real", signature="np.imag(x)")
ufunc("angle", 1, _angle, typing="angle", signature="np.angle(z, deg=False)")
ufunc("where", 3, _where, typing="where", signature="np.where(cond, x, y)")
ufunc("clip", 3, _clip, typing="result", signature="np.clip(a, a_min, a_max, out=None), a.clip(a_min, a_max)",
      methods=("clip",))
ufunc("round", 1, _round, aliases=("around", "round_"), typing="round", methods=("round",),
      signature="np.round(a, decimals=0), a.round(decimals=0)")


# ----------------------------------------------------------------------------- integer and exponent functions

def _gcd_of(fl, x, y, signed: bool):
    """Euclid's algorithm on the magnitudes as unsigned integers (so the most negative integer's
    magnitude is exact; a gcd that is that magnitude wraps back to it, as NumPy's does)."""
    from fastext.compiler.lower.ircontrol import Var, while_loop
    b = fl.b

    def magnitude(v):
        return b.select(b.icmp_signed("<", v, v.type(0)), b.neg(v), v) if signed else v
    a, c = Var(b, x.type, magnitude(x)), Var(b, x.type, magnitude(y))

    def step():
        r = b.urem(a.get(), c.get())
        a.set(c.get())
        c.set(r)
    while_loop(b, lambda: b.icmp_unsigned("!=", c.get(), x.type(0)), step, "gcd")
    return a.get()


def _gcd(fl, ins, out, args):
    return _gcd_of(fl, *args, out.signed)


def _lcm(fl, ins, out, args):
    """|x / gcd(x, y) * y|, 0 when both are 0."""
    b = fl.b
    x, y = args
    g = _gcd_of(fl, x, y, out.signed)
    zero = b.icmp_unsigned("==", g, g.type(0))
    safe = b.select(zero, g.type(1), g)
    v = b.mul((b.sdiv if out.signed else b.udiv)(x, safe), y)
    if out.signed:
        v = b.select(b.icmp_signed("<", v, v.type(0)), b.neg(v), v)
    return b.select(zero, g.type(0), v)


ufunc("gcd", 2, _gcd, doc="greatest common divisor of integers (Euclid's algorithm, always >= 0)")
ufunc("lcm", 2, _lcm, doc="least common multiple of integers: |x // gcd(x, y) * y| (0 when one is 0)")


def _ldexp(fl, ins, out, args):
    """x * 2**n with one rounding (LLVM's ldexp, C's): an int64 n saturates to int32's range, which
    gives the same result since every float overflows or underflows well before."""
    from llvmlite import ir as ll
    b = fl.b
    x, n = args
    if n.type.width > 32:
        lo, hi = n.type(-2**31), n.type(2**31 - 1)
        n = b.select(b.icmp_signed("<", n, lo), lo, b.select(b.icmp_signed(">", n, hi), hi, n))
        n = b.trunc(n, ll.IntType(32))
    elif n.type.width < 32:
        n = b.sext(n, ll.IntType(32)) if ins[1].signed else b.zext(n, ll.IntType(32))
    sfx = "f32" if x.type == _ll().F32 else "f64"
    fn = fl.ctx.intrinsic(f"llvm.ldexp.{sfx}.i32", x.type, [x.type, ll.IntType(32)])
    return b.call(fn, [x, n])


ufunc("ldexp", 2, _ldexp, gpu=None, doc="x1 * 2**x2 (x2 integers), one rounding")


def _frexp_part(index: int):
    """Part `index` of C's frexp (0: the mantissa in [0.5, 1) with x's sign, 1: the int32 exponent);
    0, inf and NaN give themselves and exponent 0."""
    def scalar(fl, ins, out, args):
        from llvmlite import ir as ll
        x = args[0]
        sfx = "f32" if x.type == _ll().F32 else "f64"
        pair = ll.LiteralStructType([x.type, ll.IntType(32)])
        fn = fl.ctx.intrinsic(f"llvm.frexp.{sfx}.i32", pair, [x.type])
        return fl.b.extract_value(fl.b.call(fn, [x]), index)
    return scalar


for _index, _part in enumerate(("mantissa", "exponent")):    # np.frexp's two outputs (frontend/npsource.py)
    add(Op(f"np.frexp.{_part}", check=None, lower=_lower, gpu=None, numpy_scalar=True,
           data={"ufunc": "frexp", "nin": 1, "scalar": _frexp_part(_index), "typing": "ufunc", "output": _index}))


# ----------------------------------------------------------------------------- ufunc methods

# ufunc → the reduction its `.reduce` is (and its `.accumulate`, where NumPy has a named one)
_REDUCE = {"add": ("np.sum", "np.cumsum"), "multiply": ("np.prod", "np.cumprod"), "maximum": ("np.max", "np.cummax"),
           "minimum": ("np.min", "np.cummin"), "logical_and": ("np.all", None), "logical_or": ("np.any", None)}


def _declare_methods() -> None:
    check = deferred("fastext.compiler.frontend.ufunc_methods", "ufunc_method")
    binary = sorted(o.name.partition(".")[2] for o in REGISTRY.values()
                    if o.group == "ufunc" and o.data.get("nin") == 2 and o.data.get("typing") == "ufunc")
    add(Op("ufunc.outer", spellings=tuple(f"numpy.{n}.outer" for n in binary), check=check, group="ufunc",
           signature="np.add.outer(A, B)", doc="np.add(A[:, None], B[None, :]) of 1-D A and B, one fused loop; "
                                               "every binary ufunc above has it",
           data={"method": "outer", "shown": "`np.<binary ufunc>.outer`"}))
    add(Op("ufunc.at", spellings=tuple(f"numpy.{n}.at" for n in binary), check=check, group="indexing",
           signature="np.add.at(a, indices, b)",
           doc="unbuffered in place a[indices] = np.add(a[indices], b), a repeated index counted each time "
               "(integer index arrays; NumPy's loop, cast back to a's dtype); every binary ufunc above has it",
           data={"method": "at", "shown": "`np.<binary ufunc>.at`"}))
    for method, index in (("reduce", 0), ("accumulate", 1)):
        names = [n for n in _REDUCE if _REDUCE[n][index] is not None]
        targets = ", ".join(f"`np.{n}.{method}` is `{_REDUCE[n][index]}`" for n in names)
        add(Op(f"ufunc.{method}", spellings=tuple(f"numpy.{n}.{method}" for n in names), check=check,
               group="reduction", signature=f"np.add.{method}(array, axis=0)",
               doc=f"the reduction with axis=0 by default: {targets}",
               data={"method": method, "targets": {n: _REDUCE[n][index] for n in names},
                     "shown": f"`np.<ufunc>.{method}`"}))


    names = [n for n in _REDUCE if n in ("add", "multiply", "maximum", "minimum")]
    add(Op("ufunc.reduceat", spellings=tuple(f"numpy.{n}.reduceat" for n in names),
           check=npsource("reduceat"), group="reduction",
           signature="np.add.reduceat(array, indices, axis=0)",
           doc="the reduction of each slice array[indices[i]:indices[i+1]] (array[indices[i]] where the next index "
               "is not greater; the last to the end), in the reduction's dtype: add, multiply, maximum, minimum",
           data={"targets": {n: _REDUCE[n][0].partition(".")[2] for n in names}}))


_declare_methods()

_COMPOSE = "fastext.compiler.frontend.compose"
add(Op("np.divmod", spellings=("numpy.divmod",), check=deferred(_COMPOSE, "divmod_call"), group="ufunc",
       signature="np.divmod(x1, x2)", doc="the tuple (x1 // x2, x1 % x2)"))
add(Op("np.nan_to_num", spellings=("numpy.nan_to_num",), check=deferred(_COMPOSE, "nan_to_num"), group="ufunc",
       signature="np.nan_to_num(x, nan=0.0, posinf=None, neginf=None)",
       doc="NaN and ±inf replaced (default: 0 and the dtype's largest finite values); real numbers"))
add(Op("np.select", spellings=("numpy.select",), check=deferred(_COMPOSE, "select"), group="ufunc",
       signature="np.select(condlist, choicelist, default=0)",
       doc="the first choice whose condition holds (lists written in the call), one fused loop"))
add(Op("np.modf", spellings=("numpy.modf",), check=npsource("modf"),
       group="ufunc", signature="np.modf(x)",
       doc="the tuple (fractional parts, integral parts), both with x's sign: x - trunc(x) and trunc(x) "
           "(exact; inf gives (0, inf)); ints as float64"))
add(Op("np.frexp", spellings=("numpy.frexp",), check=npsource("frexp"),
       group="ufunc", signature="np.frexp(x)",
       doc="the tuple (mantissas in [0.5, 1) with x's sign, int32 exponents), x = m * 2**e; ints as float64"))
add(Op("np.isclose", spellings=("numpy.isclose",), check=_check("isclose_call"), group="ufunc",
       signature="np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
       doc="NumPy's formula, one fused loop: (|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b)"))
add(Op("np.allclose", spellings=("numpy.allclose",), check=_check("isclose_call"), group="reduction",
       signature="np.allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", doc="np.all(np.isclose(...))"))


# A call of a @vectorize function of a .fx module (its typing: NumPy's loop choice, then an
# element-wise map like the ufuncs above; compiler/frontend/ufuncs.py).  Never spelled by name:
# `user_call` produces it for functions declared @vectorize.
add(Op("fx.vectorized", check=deferred("fastext.compiler.frontend.ufuncs", "vectorized_call"),
       lower=deferred("fastext.abi.ufuncs", "lower_vectorized"), pure=False, group="ufunc",
       doc="a @vectorize function of a .fx module called from .fx code: one direct call per item, "
           "broadcasting like NumPy's ufuncs"))

# `np.vectorize(f)` is a function value (frontend/npvectorize.py): its binding and its calls are
# read before the registry; this entry types any other use (a located error) and documents it.
add(Op("np.vectorize", spellings=("numpy.vectorize",), check=deferred("fastext.compiler.frontend.npvectorize", "refused"),
       group="ufunc", signature="vf = np.vectorize(f); vf(x, y, ...)",
       doc="f (a .fx function or a lambda of numbers) called once per item of the broadcast operands (arrays "
           "up to 4-D, numbers), in C order: a new array of f's result type (NumPy infers it from the first "
           "call: the same for one result type); no items: NumPy's ValueError; no otypes=, excluded=, signature="))
add(Op("np.piecewise", spellings=("numpy.piecewise",), check=deferred("fastext.compiler.frontend.piecewise", "piecewise"),
       group="ufunc", signature="np.piecewise(x, condlist, funclist)",
       doc="NumPy's loop: zeros of x's dtype; per condition (a list literal of boolean arrays) its function (a "
           "lambda or .fx function, called on x[cond]) or number stored into y[cond]; one more function: where "
           "no condition holds; no extra arguments"))
