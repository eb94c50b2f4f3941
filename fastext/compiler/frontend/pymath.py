"""The typing of Python's integer and sequence `math` functions and `divmod` (ops/pymath.py):
each is the loop it is, written as `.fx` source and checked in place (frontend/synth.py), so it
inlines, vectorises where it can and reports errors at the user's call."""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.frontend import synth

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_EUCLID = """
_x = abs(_a)
_y = abs(_b)
while _y != 0:
    _x, _y = _y, _x % _y
"""
_GCD = _EUCLID + "_r = _x\n"
_LCM = _EUCLID + "_r = 0 if _x == 0 else abs(_a // _x * _b)\n"     # gcd 0: both are 0

_FACTORIAL = """
if _n < 0:
    raise ValueError("factorial() not defined for negative values")
_r = 1
for _i in range(2, _n + 1):
    _r *= _i
"""

_N_K = """
if _n < 0:
    raise ValueError("n must be a non-negative integer")
if _k < 0:
    raise ValueError("k must be a non-negative integer")
_r = 0
"""

_COMB = _N_K + """
if _k <= _n:
    _m = min(_k, _n - _k)
    _r = 1
    for _i in range(1, _m + 1):
        _r = _r * (_n - _m + _i) // _i
"""

_PERM = _N_K + """
if _k <= _n:
    _r = 1
    for _i in range(_n - _k + 1, _n + 1):
        _r *= _i
"""

_ISQRT = """
if _n < 0:
    raise ValueError("isqrt() argument must be nonnegative")
_r = int(float(_n) ** 0.5)
while _r > 0 and _r > _n // _r:
    _r -= 1
while _r + 1 <= _n // (_r + 1):
    _r += 1
"""

_PROD = """
_r = _start
for _x in _xs:
    _r = _r * _x
"""

# Shewchuk's exact partials, then CPython's summation of them with its half-even fix-up.
_FSUM = """
_p = [0.0] * 0
_n = 0
_special = 0.0
_inf = 0.0
for _x0 in _xs:
    _x = float(_x0)
    _xsave = _x
    _i = 0
    for _j in range(_n):
        _y = _p[_j]
        if abs(_x) < abs(_y):
            _x, _y = _y, _x
        _hi = _x + _y
        _lo = _y - (_hi - _x)
        if _lo != 0.0:
            _p[_i] = _lo
            _i += 1
        _x = _hi
    _n = _i
    if _x != 0.0:
        if _x - _x != 0.0:
            if _xsave - _xsave == 0.0:
                raise OverflowError("intermediate overflow in fsum")
            if _xsave == _xsave:
                _inf += _xsave
            _special += _xsave
            _n = 0
        else:
            if _n == len(_p):
                _p.append(_x)
            else:
                _p[_n] = _x
            _n += 1
_r = 0.0
if _special != 0.0:
    if _inf != _inf:
        raise ValueError("-inf + inf in fsum")
    _r = _special
elif _n > 0:
    _lo = 0.0
    _n -= 1
    _r = _p[_n]
    while _n > 0:
        _x = _r
        _n -= 1
        _y = _p[_n]
        _r = _x + _y
        _lo = _y - (_r - _x)
        if _lo != 0.0:
            break
    if _n > 0 and (_lo < 0.0 and _p[_n - 1] < 0.0 or _lo > 0.0 and _p[_n - 1] > 0.0):
        _y = _lo * 2.0
        _x = _r + _y
        if _y == _x - _r:
            _r = _x
"""


_MULMOD = """
_x = _a % _m
_y = _b % _m
if -3037000499 <= _m <= 3037000499:
    _r = _x * _y % _m
else:
    _r = 0
    while _y != 0:
        if _y & 1:
            _r = (_r + _x) % _m if _r < _m - _x or _m < 0 else _r - (_m - _x)
        _x = (_x + _x) % _m if _x < _m - _x or _m < 0 else _x - (_m - _x)
        _y >>= 1
"""

_POWMOD = """
if _m == 0:
    raise ValueError("pow() 3rd argument cannot be 0")
_base = _a
_e = _b
if _e < 0:
    _g = _m if _m > 0 else -_m
    _old_r = _base % _g
    _rr = _g
    _old_s = 1
    _s = 0
    while _rr != 0:
        _q = _old_r // _rr
        _old_r, _rr = _rr, _old_r - _q * _rr
        _old_s, _s = _s, _old_s - _q * _s
    if _old_r != 1:
        raise ValueError("base is not invertible for the given modulus")
    _base = _old_s
    _e = -_e
_r = 1 % _m
_base = _base % _m
while _e > 0:
    if _e & 1:
        _r = _mulmod(_r, _base, _m)
    _base = _mulmod(_base, _base, _m)
    _e >>= 1
"""

_ISCLOSE = """
if _rel < 0.0 or _abs < 0.0:
    raise ValueError("tolerances must be non-negative")
if _a == _b:
    _r = True
elif _a - _a != 0.0 or _b - _b != 0.0:
    _r = False
else:
    _d = abs(_b - _a)
    _r = _d <= abs(_rel * _b) or _d <= abs(_rel * _a) or _d <= _abs
"""

_ABS_N = """
_x = _n
if _x < 0:
    _x = -_x
_r = 0
"""

_BIT_LENGTH = _ABS_N + """
while _x != 0:
    _x >>= 1
    _r += 1
"""

_IS_INTEGER = """
if _x - _x != 0.0:
    _r = False
elif abs(_x) >= 4503599627370496.0:
    _r = True
else:
    _r = _x == float(int(_x))
"""

_BIT_COUNT = _ABS_N + """
while _x != 0:
    _x &= _x - 1
    _r += 1
"""


def scalar_method(fc: "FunctionChecker", node: ast.Call, owner: ir.Expr, name: str) -> ir.Expr | None:
    """`n.bit_length()`, `n.bit_count()`, `x.is_integer()` of a number (None: not one of these)."""
    t = owner.type
    kind = name if (t.is_int and name in ("bit_length", "bit_count")) or (t.is_float and name == "is_integer") \
        else None
    if kind is None:
        return None
    if node.args or node.keywords:
        raise fc.error(node, f"{name}() takes no arguments", f"n.{name}()")
    if kind == "is_integer":
        return synth.value(fc, _IS_INTEGER, node, values={"_x": fc.convert(owner, T.F64)})
    # through i64 (u64 values fit after the sign test), as the dialect's integers are
    return synth.value(fc, _BIT_LENGTH if kind == "bit_length" else _BIT_COUNT, node,
                       values={"_n": fc.convert(owner, T.I64)})


def check_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """A call of one of the functions of ops/pymath.py, typed as CPython's (counts, integer
    arguments, results) and built from its `.fx` source."""
    kind = op.data["kind"]
    if kind == "isclose":
        return _isclose(fc, node, shown)
    if kind == "pow":
        return _pow(fc, node)
    if node.keywords and kind not in ("prod", "perm"):
        raise fc.error(node, f"{shown}() takes no keyword arguments", op.signature)
    if fc.sig.target != "cpu" and kind in ("fsum", "prod"):
        raise fc.error(node, f"{shown}() is not available in GPU code", "write the loop")
    if kind in ("gcd", "lcm"):
        args = [_int(fc, a, shown) for a in node.args]
        if not args:
            return ir.Const(T.I64, fc.span(node), 0 if kind == "gcd" else 1)
        result = ir.Intrinsic(T.I64, fc.span(node), "abs", [fc.convert(args[0], T.I64)]) if len(args) == 1 else None
        acc = args[0] if result is None else result
        for other in args[1:]:
            acc = synth.value(fc, _GCD if kind == "gcd" else _LCM, node,
                              values={"_a": fc.convert(acc, T.I64), "_b": fc.convert(other, T.I64)})
        return acc
    if kind == "divmod":
        if len(node.args) != 2:
            raise fc.error(node, f"divmod expected 2 arguments, got {len(node.args)}", "divmod(a, b)")
        a, b = (fc.expr(x) for x in node.args)
        for x, arg in ((a, node.args[0]), (b, node.args[1])):
            if not (isinstance(x.type, T.Scalar) and not x.type.is_complex) and not isinstance(x.type, T.ErrorType):
                raise fc.error(arg, f"divmod() of {T.article(x.type)}", "divmod(a, b) takes two real numbers")
        return synth.value(fc, "_r = (_a // _b, _a % _b)", node, values={"_a": a, "_b": b})
    if kind in ("factorial", "isqrt"):
        _count(fc, node, shown, 1, 1)
        n = fc.convert(_int(fc, node.args[0], shown), T.I64)
        return synth.value(fc, _FACTORIAL if kind == "factorial" else _ISQRT, node, values={"_n": n})
    if kind in ("comb", "perm"):
        kw = {k.arg: k.value for k in node.keywords}
        if set(kw) - {"k"} or kind == "comb" and kw:
            raise fc.error(node, f"{shown}() takes no keyword arguments", op.signature)
        args = list(node.args) + ([kw["k"]] if "k" in kw else [])
        _count(fc, node, shown, 1 if kind == "perm" else 2, 2, args)
        n = fc.convert(_int(fc, args[0], shown), T.I64)
        if len(args) == 1 or isinstance(args[1], ast.Constant) and args[1].value is None:
            return synth.value(fc, _FACTORIAL, node, values={"_n": n})
        k = fc.convert(_int(fc, args[1], shown), T.I64)
        return synth.value(fc, _COMB if kind == "comb" else _PERM, node, values={"_n": n, "_k": k})
    # prod, fsum: over an iterable (a generator expression is the list it would build)
    kw = {k.arg: k.value for k in node.keywords}
    if set(kw) - ({"start"} if kind == "prod" else set()):
        raise fc.error(node, f"{shown}() got an unexpected keyword argument", op.signature)
    _count(fc, node, shown, 1, 1)
    from fastext.compiler.frontend.generators import as_listcomp
    items = fc.expr(as_listcomp(fc, node.args[0]))     # a generator: the list it would give
    if isinstance(items.type, T.ErrorType):
        return ir.Expr(T.ERROR, fc.span(node))
    item = _item_type(items.type)
    if item is None:
        raise fc.error(node.args[0], f"{shown}() of {T.article(items.type)}",
                       "pass a list, a 1-D array, a range or a generator expression of numbers")
    if kind == "fsum":
        return synth.value(fc, _FSUM, node, values={"_xs": items})
    start = fc.expr(kw["start"]) if "start" in kw else ir.Const(T.I64, fc.span(node), 1)
    t = fc.result_type(start, ir.Expr(item, fc.span(node)))
    return synth.value(fc, _PROD, node, values={"_xs": items, "_start": fc.convert(start, t)})


def _item_type(t: T.Type) -> T.Scalar | None:
    if isinstance(t, T.List) and isinstance(t.item, T.Scalar):
        return t.item
    if isinstance(t, T.Array) and t.ndim == 1:
        return t.dtype
    return None


def _int(fc: "FunctionChecker", node: ast.expr, shown: str) -> ir.Expr:
    value = fc.expr(node)
    if isinstance(value.type, T.Scalar) and (value.type.is_int or value.type.is_bool) or \
            isinstance(value.type, T.ErrorType):
        return value
    raise fc.error(node, f"{shown}() takes integers, not {T.article(value.type)}",
                   "CPython raises TypeError for floats here: convert with int(...)")


def _count(fc: "FunctionChecker", node: ast.Call, shown: str, low: int, high: int, args=None) -> None:
    n = len(node.args if args is None else args)
    if not low <= n <= high:
        want = str(low) if low == high else f"{low} to {high}"
        raise fc.error(node, f"{shown}() takes {want} argument{'s' if high > 1 else ''}, got {n}", shown + "(...)")


def _isclose(fc: "FunctionChecker", node: ast.Call, shown: str) -> ir.Expr:
    _count(fc, node, shown, 2, 2)
    kw = {k.arg: k.value for k in node.keywords}
    if set(kw) - {"rel_tol", "abs_tol"}:
        raise fc.error(node, f"{shown}() takes the keywords rel_tol and abs_tol", "math.isclose(a, b, rel_tol=1e-9)")
    span = fc.span(node)
    a, b = (_real(fc, x, shown) for x in node.args)
    rel = _real(fc, kw["rel_tol"], shown) if "rel_tol" in kw else ir.Const(T.F64, span, 1e-09)
    tol = _real(fc, kw["abs_tol"], shown) if "abs_tol" in kw else ir.Const(T.F64, span, 0.0)
    return synth.value(fc, _ISCLOSE, node, values={"_a": a, "_b": b, "_rel": rel, "_abs": tol})


def _pow(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    kw = {k.arg: k.value for k in node.keywords}
    args = list(node.args) + [kw.pop(k) for k in ("base", "exp", "mod")[len(node.args):] if k in kw]
    if kw or not 2 <= len(args) <= 3:
        raise fc.error(node, f"pow() takes 2 or 3 arguments here ({len(args)} given)", "pow(base, exp[, mod])")
    if len(args) == 2 or isinstance(args[2], ast.Constant) and args[2].value is None:
        return fc.binop("**", fc.expr(args[0]), fc.expr(args[1]), node)
    a, b, m = (fc.convert(_int(fc, x, "pow"), T.I64) for x in args)
    calls = {"_mulmod": lambda fc2, call: synth.value(fc2, _MULMOD, call, values={
        "_a": fc2.expr(call.args[0]), "_b": fc2.expr(call.args[1]), "_m": fc2.expr(call.args[2])})}
    return synth.value(fc, _POWMOD, node, values={"_a": a, "_b": b, "_m": m}, calls=calls)


def _real(fc: "FunctionChecker", node: ast.expr, shown: str) -> ir.Expr:
    value = fc.expr(node)
    if isinstance(value.type, T.Scalar) and not value.type.is_complex:
        return fc.convert(value, T.F64)
    if isinstance(value.type, T.ErrorType):
        return value
    raise fc.error(node, f"{shown}() takes real numbers, not {T.article(value.type)}", "math.isclose(a, b)")
