"""Typing of NumPy's array language: operators on arrays, ufunc calls, array attributes.

An element-wise operation with an array operand becomes an `ir.ArrayMap` whose body is
the registry operation applied to the operands' elements (`ir.Elem`); an operation on
array expressions merges their maps, so a whole expression is one map (one loop nest, no
temporaries).  Result dtypes are NumPy's (`ops/dtypes.py` asks NumPy): an array, an array
item or a NumPy scalar result is *strong* (its dtype counts), a Python number — a literal,
a parameter, a local computed from them — is *weak* (NEP 50: `f32_array * 2.0` stays f32).
The same operations on scalars only are `ir.Intrinsic`s with NumPy's loop semantics
(`np.sqrt(-1.0)` is nan); Python's operators on two scalars keep Python's meaning.
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.ops import dtypes
from fastext.compiler.ops.ufuncs import COMPARISONS, OPERATORS, UNARY_OPERATORS
from fastext.compiler.types import (
    BOOL, ERROR, F64, NONE, Array, ErrorType, Scalar, Struct, Type, article, complex_part, constant_fits,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def involves_array(*values: ir.Expr) -> bool:
    return any(isinstance(v.type, Array) for v in values)


def is_strong(e: ir.Expr) -> bool:
    """Whether a scalar is a NumPy scalar under plain Python (its dtype counts in promotion)."""
    if isinstance(e, (ir.Index, ir.Elem)):
        return True
    if isinstance(e, ir.Intrinsic):
        op = ops.find(e.name)
        return op is not None and op.numpy_scalar
    if isinstance(e, ir.Load):
        return getattr(e.var, "strong", False)
    if isinstance(e, ir.Cast) and e.strong:
        return True
    if isinstance(e, (ir.BinOp, ir.UnaryOp, ir.IfExp)):
        return any(is_strong(c) for c in ir.children(e) if isinstance(c.type, Scalar))
    return False


def _elem_type(e: ir.Expr) -> Type:
    return e.type.dtype if isinstance(e.type, Array) else e.type


def _key(e: ir.Expr) -> str:
    """The operand as NumPy's type resolution sees it (dtypes.operand)."""
    t = _elem_type(e)
    return dtypes.operand(t, not isinstance(e.type, Array) and not is_strong(e))


def _check_operand(fc: "FunctionChecker", e: ir.Expr, node: ast.AST, what: str) -> None:
    t = _elem_type(e)
    if isinstance(t, Struct):
        raise fc.error(node, f"{what} is not defined on arrays of structs", "compute with the fields (vs[i].x)")
    if not isinstance(t, Scalar):
        raise fc.error(node, f"{what} needs numbers or arrays, got {article(e.type)}", "")


# ----------------------------------------------------------------------------- building maps

def _parts(e: ir.Expr) -> tuple[list[ir.Expr], ir.Expr]:
    """An argument as the operands and body of an element-wise expression (a copy of the body:
    `build` renumbers it, and the argument may be used again — `np.isclose(a * 2, b)` reads it twice)."""
    if isinstance(e, ir.ArrayMap):
        return list(e.operands), ir.copy_expr(e.body)
    if isinstance(e, ir.Const):
        return [], e
    return [e], ir.Elem(_elem_type(e), e.span, 0)


def _convert(fc: "FunctionChecker", body: ir.Expr, t: Scalar, node: ast.AST) -> ir.Expr:
    """An element converted to a loop's input type (a Python literal checked to fit, as NumPy 2 does)."""
    if body.type == t:
        return body
    if isinstance(body, ir.Const):
        if isinstance(body.value, int) and not isinstance(body.value, bool) and t.is_int \
                and not constant_fits(body.value, t):
            raise fc.error(node, f"Python integer {body.value} out of bounds for {dtypes.numpy_name(t)}",
                           "NumPy 2 raises OverflowError here: use a value in range, or a wider array type")
        return fc.convert(body, t)
    return ir.Cast(t, body.span, body)


def build(fc: "FunctionChecker", op: ops.Op, args: list[ir.Expr], in_types: list[Scalar], out: Scalar,
          node: ast.AST, attrs: dict | None = None) -> ir.Expr:
    """`op` applied element-wise: an ArrayMap over the merged operands when an argument is an
    array, else a scalar Intrinsic."""
    span = fc.span(node)
    attrs = attrs or {}
    arrays = [a for a in args if isinstance(a.type, Array)]
    if not arrays:
        return ir.Intrinsic(out, span, op.name, [_convert(fc, a, t, node) for a, t in zip(args, in_types)], attrs)
    operands: list[ir.Expr] = []
    bodies = []
    for a, t in zip(args, in_types):
        ops_, body = _parts(a)
        for sub in ir.walk_exprs(body):     # renumber: the operands are concatenated
            if isinstance(sub, ir.Elem):
                sub.index += len(operands)
        operands += ops_
        bodies.append(_convert(fc, body, t, node))
    ndim = max(a.type.ndim for a in arrays)
    return ir.ArrayMap(Array(out, ndim), span, operands, ir.Intrinsic(out, span, op.name, bodies, attrs))


def let(fc: "FunctionChecker", node: ast.AST, values: list[ir.Expr], make) -> ir.Expr:
    """`make(*names)` over `values`, each evaluated once, in order: a composition of existing
    operations that reads an intermediate result more than once (a partitioned copy, a centred
    matrix, bin edges) without computing it again, and with no new lowering.  `make` gets one
    `ir.Load` per value (strong as the value is; `use(name)` copies one for another use) and
    returns the result, or `(effects, result)`: expressions run first for their effect — stores
    into a new array the body made, `raise_if` checks.  The values are ordinary arguments that
    every pass sees; the body reads only the names bound here and never stores into nor returns
    one bound to a caller's array (it copies), so it stays in `attrs`, out of the analyses'
    sight, and is lowered in place (`lower/intrinsics.py: lower_let`)."""
    span = fc.span(node)
    first = getattr(fc, "let_count", 0)
    fc.let_count = first + len(values)
    names = [ir.Var(f"$let{first + k}", v.type, span, strong=is_strong(v)) for k, v in enumerate(values)]
    made = make(*[ir.Load(v.type, span, v) for v in names])
    effects, result = made if isinstance(made, tuple) else ([], made)
    shown = ast.unparse(node.func) if isinstance(node, ast.Call) else "a composition"     # (for messages)
    return ir.Intrinsic(result.type, span, "fx.let", list(values),
                        {"names": tuple(names), "effects": tuple(effects), "result": result, "shown": shown})


def use(name: ir.Expr) -> ir.Expr:
    """Another reference to a name bound by `let` (IR nodes are not shared between uses)."""
    return ir.Load(name.type, name.span, name.var) if isinstance(name, ir.Load) else name


def np_call(fc: "FunctionChecker", node: ast.AST, name: str, *args: ir.Expr) -> ir.Expr:
    """`np.<name>(*args)`, NumPy's element-wise function with its own typing: a step of a
    composition (`np_call(fc, node, "isnan", x)`)."""
    return elementwise(fc, ops.get(f"np.{name}"), list(args), node)


def apply(fc: "FunctionChecker", node: ast.AST, name: str, receiver: ir.Expr, keywords=(), shown: str = "") -> ir.Expr:
    """Operation `name` (a registry name: `np.all`, `array.linspace`) applied to `receiver` as if
    called where `node` is, with `keywords` (AST nodes): its own typing, for the reductions and
    creations of a composition; `shown` names the call in its messages."""
    target = ops.get(name)
    call = ast.copy_location(ast.Call(func=node.func, args=[], keywords=list(keywords)), node)
    return target.check(fc, call, target, shown or name, receiver)


def raise_if(fc: "FunctionChecker", node: ast.AST, cond: ir.Expr, exc: str, message: str) -> ir.Expr:
    """A run-time check of a composition (an effect of `let`): `exc(message)` when `cond` holds."""
    return ir.Intrinsic(NONE, fc.span(node), "fx.raise_if", [cond], {"exc": exc, "message": message})


def typed(fc: "FunctionChecker", node: ast.AST, name: str, args: list[ir.Expr], t: Scalar) -> ir.Expr:
    """np.<name> with every argument converted to `t` and NumPy's loop for that type: for the
    scalars of compositions, whose types are known and whose strength must not decide (NumPy
    has no loop for two Python ints)."""
    op = ops.get(f"np.{name}")
    out = dtypes.ufunc_loop(op.data["ufunc"], [t.name] * len(args))[1][0]
    return build(fc, op, args, [t] * len(args), out, node)


def loop_types(fc: "FunctionChecker", op: ops.Op, args: list[ir.Expr], node: ast.AST) -> tuple[list[Scalar], Scalar]:
    """The loop NumPy would run: the input types the arguments convert to, and the result type."""
    typing = op.data.get("typing", "ufunc")
    keys = [_key(a) for a in args]
    try:
        if typing == "ufunc":
            ins, outs = dtypes.ufunc_loop(op.data["ufunc"], keys)
            return ins, outs[op.data.get("output", 0)]     # (one output of np.frexp: its two parts)
        if typing == "result":          # clip: everything in the common type
            t = dtypes.result_type(keys)
            return [t] * len(args), t
        if typing == "where":
            t = dtypes.result_type(keys[1:])
            return [BOOL, t, t], t
        if typing in ("real", "angle"):
            t = _elem_type(args[0])
            if t.is_complex:
                return [t], complex_part(t)
            if typing == "angle":      # arctan2(0, x): NumPy's float type for x
                t = dtypes.ufunc_loop("arctan2", [keys[0], keys[0]])[0][0]
            return [t], t
        if typing == "round":
            t = _elem_type(args[0])
            return [t], t
    except dtypes.NoLoop as e:
        shown = ", ".join(str(_elem_type(a)) + ("[...]" if isinstance(a.type, Array) else "") for a in args)
        raise fc.error(node, f"np.{op.data['ufunc']} is not defined for ({shown}) ({e})",
                       "convert an operand first, e.g. x.astype(np.float64)") from None
    raise ValueError(typing)


def elementwise(fc: "FunctionChecker", op: ops.Op, args: list[ir.Expr], node: ast.AST,
                attrs: dict | None = None) -> ir.Expr:
    for a in args:
        if isinstance(a.type, ErrorType):
            return a
    for a in args:
        _check_operand(fc, a, node, f"np.{op.data['ufunc']}")
    ins, out = loop_types(fc, op, args, node)
    return build(fc, op, args, ins, out, node, attrs)


# ----------------------------------------------------------------------------- operators

_POWER_SHORTCUTS = {2: "np.square", 0.5: "np.sqrt", -1: "np.reciprocal", 1: "np.positive"}


def operator(fc: "FunctionChecker", op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`a + b`, `x ** 2`, ... with an array operand: NumPy's ufunc."""
    if op == "@":
        from fastext.compiler.frontend import linalg
        return linalg.matmul(fc, left, right, node)
    name = OPERATORS[op]
    uf = ops.get(f"np.{name}")
    for a in (left, right):
        _check_operand(fc, a, node, f"`{op}`")
    ins, out = loop_types(fc, uf, [left, right], node)
    if name == "power" and isinstance(right, ir.Const) and not isinstance(right.value, (bool, complex)) \
            and right.value in _POWER_SHORTCUTS and isinstance(left.type, Array):
        # NumPy computes a ** 2, a ** 0.5, a ** -1 with square, sqrt, reciprocal (sqrt: -0.0 stays -0.0)
        short = _POWER_SHORTCUTS[right.value]
        if ins[0] == ins[1] == out and (out.is_float or out.is_complex or short in ("np.square", "np.positive")):
            return build(fc, ops.get(short), [left], [ins[0]], out, node)
    if name == "power" and isinstance(right, ir.Const) and isinstance(right.value, float) \
            and right.value in (1.5, -1.5, -0.5) and isinstance(left.type, Array) and ins[0] == ins[1] == out \
            and out.is_float:
        return _half_power(fc, left, right.value, out, node)
    return build(fc, uf, [left, right], ins, out, node)


def _half_power(fc: "FunctionChecker", x: ir.Expr, y: float, t: Scalar, node: ast.AST) -> ir.Expr:
    """`a ** 1.5`, `a ** -1.5`, `a ** -0.5` as a * sqrt(a), 1 / (a * sqrt(a)), 1 / sqrt(a + 0.0):
    vectorised arithmetic instead of a pow call per item (a pow of two arguments does not vectorise
    where an operand is strided), within an ulp or two of pow as libm's own pow is, and with pow's
    special values: -inf gives inf (** 1.5) or 0, -0.0 ** -0.5 gives inf (the + 0.0)."""
    span = fc.span(node)

    def f(name: str, *args: ir.Expr) -> ir.Expr:
        return build(fc, ops.get(f"np.{name}"), list(args), [t] * len(args), BOOL if name == "equal" else t, node)

    def const(v: float) -> ir.Expr:
        return ir.Const(t, span, v)

    def a() -> ir.Expr:        # one tree per use (a node is never shared between two places)
        return ir.copy_expr(x)

    if y == -0.5:
        value, at_minus_inf = f("reciprocal", f("sqrt", f("add", a(), const(0.0)))), 0.0
    else:
        cube = f("multiply", a(), f("sqrt", a()))
        value, at_minus_inf = (cube, float("inf")) if y == 1.5 else (f("reciprocal", cube), 0.0)
    return build(fc, ops.get("np.where"), [f("equal", a(), const(float("-inf"))), const(at_minus_inf), value],
                 [BOOL, t, t], t, node)


def unary(fc: "FunctionChecker", op: str, value: ir.Expr, node: ast.AST) -> ir.Expr:
    """`-a`, `+a`, `~a` on an array (`not a` is a truth test: `truth_error`)."""
    name = UNARY_OPERATORS[op]
    _check_operand(fc, value, node, f"unary {op}")
    return elementwise(fc, ops.get(f"np.{name}"), [value], node)


def compare(fc: "FunctionChecker", ops_: list[str], operands: list[ir.Expr], node: ast.AST) -> ir.Expr:
    if len(ops_) > 1:
        raise fc.error(node, "a chained comparison of arrays needs the truth value of an array (ValueError in NumPy)",
                       "combine element-wise: (lo < a) & (a < hi)")
    left, right = operands
    for a in operands:
        _check_operand(fc, a, node, f"`{ops_[0]}`")
    return elementwise(fc, ops.get(f"np.{COMPARISONS[ops_[0]]}"), [left, right], node)


def truth_error(fc: "FunctionChecker", node: ast.AST):
    return fc.error(node, "the truth value of an array is ambiguous (ValueError in NumPy)",
                    "use a.any() or a.all(); for an element-wise not: ~a or np.logical_not(a)")


# ----------------------------------------------------------------------------- calls

def _bind(fc: "FunctionChecker", node: ast.Call, params: list[str], shown: str, required: int,
          receiver: ir.Expr | None = None) -> dict[str, ast.expr | ir.Expr]:
    """Match a call's arguments to parameter names (the receiver of a method first)."""
    bound: dict[str, ast.expr | ir.Expr] = {}
    names = list(params)
    if receiver is not None:
        bound[names.pop(0)] = receiver
    if any(isinstance(a, ast.Starred) for a in node.args):
        raise fc.error(node, f"{shown}() does not take *args here", f"{shown}({', '.join(names)})")
    if len(node.args) > len(names):
        raise fc.error(node, f"{shown}() takes at most {len(names)} arguments, got {len(node.args)}",
                       f"{shown}({', '.join(names)})")
    for name, a in zip(names, node.args):
        bound[name] = a
    for kw in node.keywords:
        if kw.arg is None or kw.arg not in names:
            raise fc.error(kw.value if kw.arg else node, f"{shown}() has no parameter `{kw.arg}` in .fx code",
                           f"parameters: {', '.join(names)}")
        if kw.arg in bound:
            raise fc.error(kw.value, f"{shown}() got multiple values for `{kw.arg}`", f"{shown}({', '.join(names)})")
        bound[kw.arg] = kw.value
    for name in names[:required - (receiver is not None)]:
        if name not in bound:
            raise fc.error(node, f"{shown}() is missing argument `{name}`", f"{shown}({', '.join(names)})")
    return bound


def _expr(fc: "FunctionChecker", value) -> ir.Expr:
    return value if isinstance(value, ir.Expr) else fc.expr(value)


def constant(fc: "FunctionChecker", node: ast.expr, kind: type, what: str):
    """A compile-time constant argument (axis=, decimals=, deg=, keepdims=)."""
    value = fc.expr(node)
    if isinstance(value, ir.Const) and isinstance(value.value, kind) and (kind is not int or not isinstance(value.value, bool)):
        return value.value
    if kind is int and isinstance(value, ir.Const) and type(value.value) is int:
        return value.value
    raise fc.error(node, f"{what} must be a constant {kind.__name__} in .fx code", "write it as a literal")


def elementwise_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str,
                     receiver: ir.Expr | None = None) -> ir.Expr:
    """`np.sqrt(x)`, `np.add(a, b, out=c)`, `np.where(c, x, y)`, `np.round(a, 2)`, `a.clip(0, 1)`."""
    nin = op.data["nin"]
    typing = op.data.get("typing", "ufunc")
    attrs: dict = {}
    if typing == "ufunc":
        params = ["x1", "x2", "x3"][:nin] + ["out"] if nin > 1 else ["x", "out"]
        bound = _bind(fc, node, params, shown, nin, receiver)
    elif typing == "round":
        bound = _bind(fc, node, ["a", "decimals", "out"], shown, 1, receiver)
        if "decimals" in bound:
            attrs["decimals"] = constant(fc, bound.pop("decimals"), int, "decimals")
            if attrs["decimals"] == 0:
                attrs = {}
    elif typing == "angle":
        bound = _bind(fc, node, ["z", "deg"], shown, 1, receiver)
        if "deg" in bound:
            attrs["deg"] = constant(fc, bound.pop("deg"), bool, "deg")
            if not attrs["deg"]:
                attrs = {}
    elif typing == "result":   # clip (NumPy 2.1 also spells the bounds min= and max=)
        if any(kw.arg in ("min", "max") for kw in node.keywords):
            node = copy.copy(node)
            node.keywords = [ast.keyword({"min": "a_min", "max": "a_max"}.get(kw.arg, kw.arg), kw.value)
                             for kw in node.keywords]
        bound = _bind(fc, node, ["a", "a_min", "a_max", "out"], shown, 1, receiver)
        unbounded = [k for k in ("a_min", "a_max") if k not in bound or _is_none(bound[k])]
        if len(unbounded) == 2:
            raise fc.error(node, f"{shown}() needs a_min or a_max (NumPy raises ValueError without either)",
                           f"{shown}(a, 0.0, 1.0)")
        if unbounded:     # one side open: NumPy's clip is then np.maximum(a, a_min) or np.minimum(a, a_max)
            side = "a_max" if unbounded == ["a_min"] else "a_min"
            op = ops.get("np.minimum" if side == "a_max" else "np.maximum")
            bound = {"x1": bound["a"], "x2": bound[side], **({"out": bound["out"]} if "out" in bound else {})}
            typing = "ufunc"
    elif typing == "where":
        if len(node.args) == 1 and not node.keywords:
            from fastext.compiler.frontend import indexing
            return indexing.nonzero(fc, node, fc.expr(node.args[0]), shown)
        bound = _bind(fc, node, ["condition", "x", "y"], shown, 3, receiver)
    else:
        bound = _bind(fc, node, ["x"], shown, 1, receiver)
    out_node = bound.pop("out", None)
    args = [_expr(fc, v) for v in bound.values()]
    for a in args:
        if isinstance(a.type, ErrorType):
            return ir.Expr(ERROR, fc.span(node))
    if typing == "where":
        _check_operand(fc, args[0], node, shown)
        cond = args[0]
        if _elem_type(cond) != BOOL:
            cond = elementwise(fc, ops.get("np.not_equal"), [cond, ir.Const(_elem_type(cond), cond.span, 0)], node) \
                if isinstance(cond.type, Array) else fc.truth(cond, node)
        args[0] = cond
    value = elementwise(fc, op, args, node, attrs)
    if out_node is None:
        return value
    return store_out(fc, node, value, out_node, shown)


def _is_none(arg) -> bool:
    return isinstance(arg, ast.Constant) and arg.value is None


def store_out(fc: "FunctionChecker", node: ast.Call, value: ir.Expr, out_node: ast.expr, shown: str) -> ir.Expr:
    """`np.f(..., out=a)`: the result stored into `a` (a statement of its own)."""
    if getattr(fc, "statement_call", None) is not node:
        raise fc.error(out_node, f"{shown}(..., out=...) is supported as a statement of its own",
                       f"write `{shown}(..., out=a)` on its own line, then use `a`")
    target = fc.expr(out_node)
    if isinstance(target.type, ErrorType):
        return target
    if not isinstance(target.type, Array):
        raise fc.error(out_node, f"out= must be an array, got {article(target.type)}", "pass an array of the result's shape")
    return assign_into(fc, target, value, node, f"{shown}(..., out=)", casting="same_kind")


def assign_into(fc: "FunctionChecker", target: ir.Expr, value: ir.Expr, node: ast.AST, what: str,
                casting: str = "same_kind") -> ir.Expr:
    """An `array.assign` of an element-wise result into an existing array (in-place operators,
    out=): NumPy's casting rule for the result into the target's dtype."""
    span = fc.span(node)
    src = _elem_type(value)
    dst = target.type.dtype
    if isinstance(value.type, Array) and value.type.ndim > target.type.ndim:
        raise fc.error(node, f"{what}: a {value.type.ndim}-D result cannot be stored into a {target.type.ndim}-D array",
                       "the result must broadcast into the target's shape")
    if src != dst and not dtypes.can_cast(src, dst, casting):
        raise fc.error(node, f"{what}: cannot cast the result from {dtypes.numpy_name(src)} to "
                             f"{dtypes.numpy_name(dst)} with casting rule '{casting}'",
                       "NumPy raises UFuncTypeError here: convert explicitly, e.g. a[:] = (a * 1.5).astype(a.dtype)")
    if not isinstance(value.type, Array):
        return ir.Intrinsic(NONE, span, "array.fill", [target, fc.convert(value, dst)])
    return ir.Intrinsic(NONE, span, "array.assign", [target, value])


def isclose_call(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)` as NumPy computes it —
    `(|a - b| <= atol + rtol * |b|) & isfinite(b) | (a == b)`, `| isnan(a) & isnan(b)` with
    equal_nan — one fused loop; `np.allclose` is `np.all` of it (a bool)."""
    bound = _bind(fc, node, ["a", "b", "rtol", "atol", "equal_nan"], shown, 2, receiver)
    a, b = (_expr(fc, bound[k]) for k in ("a", "b"))
    for v in (a, b):
        if isinstance(v.type, ErrorType):
            return ir.Expr(ERROR, fc.span(node))
        _check_operand(fc, v, node, shown)
    span = fc.span(node)
    rtol = _expr(fc, bound["rtol"]) if "rtol" in bound else ir.Const(F64, span, 1e-05)
    atol = _expr(fc, bound["atol"]) if "atol" in bound else ir.Const(F64, span, 1e-08)
    equal_nan = constant(fc, bound["equal_nan"], bool, "equal_nan") if "equal_nan" in bound else False

    def f(name: str, *args: ir.Expr) -> ir.Expr:
        return np_call(fc, node, name, *args)

    if not _elem_type(b).is_float and not _elem_type(b).is_complex:     # NumPy compares in float
        b = build(fc, ops.get("array.astype"), [b], [_elem_type(b)], F64, node) if isinstance(b.type, Array) \
            else fc.convert(b, F64)
    close = f("less_equal", f("absolute", f("subtract", a, b)), f("add", atol, f("multiply", rtol, f("absolute", b))))
    result = f("logical_or", f("logical_and", close, f("isfinite", b)), f("equal", a, b))
    if equal_nan:
        result = f("logical_or", result, f("logical_and", f("isnan", a), f("isnan", b)))
    if op.name != "np.allclose":
        return result
    if not isinstance(result.type, Array):
        return result
    return apply(fc, node, "np.all", result, shown=shown)
