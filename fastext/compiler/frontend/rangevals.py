"""`range(...)` as a value: `rxrange = range(2, n - 1)`, then `for r in rxrange`, `len(rxrange)`,
`r in rxrange`, `list(rxrange)`, `sum(rxrange)` and the other builtins that take a `range(...)`.

A range bound to a local name is its three i64 parts, evaluated once where it is bound (as
Python evaluates `range(...)` once) into hidden locals `NAME$start`, `NAME$stop`, `NAME$step`;
each use is rewritten over them: a loop is the `for ... in range(start, stop, step)` loop, `len`
the `range_len` operation, `in` two comparisons and, for a step other than 1, a remainder.

A range passed to a function whose parameter has no annotation (`recent(range(10), k)`) is
its three parts too: the instance takes them as hidden parameters `NAME$start`, `NAME$stop`,
`NAME$step` (templates.py: the key `("range", None)`) and reads its parameter as a bound range.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.types import I64

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

HINT = "a range bound to a name can be iterated (`for r in rx`), measured (`len(rx)`) or tested (`x in rx`)"
PARTS = ("start", "stop", "step")


def is_range(fc: "FunctionChecker", node: ast.expr) -> bool:
    """Whether `node` is a call of the builtin `range`."""
    from fastext.compiler.frontend.loops import _is_call
    return _is_call(fc, node, "range")


def named(fc: "FunctionChecker", node: ast.expr) -> bool:
    """Whether `node` is a local name bound to a range."""
    return isinstance(node, ast.Name) and node.id in fc.ranges


def bind(fc: "FunctionChecker", target: ast.Name, call: ast.Call) -> list[ir.Stmt]:
    """`rx = range(a, b, c)`: the three parts into the hidden locals of `rx`."""
    from fastext.compiler.frontend.loops import range_args
    name = target.id
    if name in fc.vars or name in fc.funcvals:
        raise fc.error(target, f"`{name}` already holds another kind of value", "use a new name for the range")
    values = range_args(fc, call)
    if name not in fc.ranges:
        parts = []
        for part in PARTS:
            var = ir.Var(f"{name}${part}", I64, fc.span(target))
            fc.vars[var.name] = var
            fc.locals.append(var)
            parts.append(var)
        fc.ranges[name] = parts
    step = values[2].value if isinstance(values[2], ir.Const) else None
    # a constant step is kept (only if every binding of the name has the same one) to simplify `in`
    fc.range_steps[name] = step if fc.range_steps.get(name, step) == step else None
    span = fc.span(call)
    return [ir.Assign(span, var, value) for var, value in zip(fc.ranges[name], values)]


def _load(fc: "FunctionChecker", name: str, part: str, node: ast.AST) -> ast.Name:
    return ast.copy_location(ast.Name(f"{name}${part}", ast.Load()), node)


def as_call(fc: "FunctionChecker", node: ast.Name) -> ast.Call:
    """`range(rx$start, rx$stop, rx$step)` for the name `rx`, located at `node`."""
    call = ast.Call(ast.Name("range", ast.Load()), [_load(fc, node.id, p, node) for p in PARTS], [])
    ast.copy_location(call.func, node)
    return ast.copy_location(call, node)


def spelled_out(fc: "FunctionChecker", node: ast.Call, builtins: frozenset) -> ast.Call:
    """`node` with its arguments that are ranges bound to a name written as the `range(...)` calls
    of their parts (`list(rx)`, `zip(rx, xs)`, also inside an argument calling one of `builtins`:
    `list(reversed(rx))`); `node` itself when it has none."""
    def spelled(a: ast.expr) -> ast.expr:
        if named(fc, a):
            return as_call(fc, a)
        if isinstance(a, ast.Call) and isinstance(a.func, ast.Name) and a.func.id in builtins:
            return spelled_out(fc, a, builtins)
        return a
    args = [spelled(a) for a in node.args]
    if all(a is b for a, b in zip(args, node.args)):
        return node
    return ast.copy_location(ast.Call(node.func, args, node.keywords), node)


def length(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`len(rx)`, and `len(range(a, b, c))` written out."""
    span = fc.span(node)
    arg = node.args[0]
    if isinstance(arg, ast.Call):
        from fastext.compiler.frontend.loops import range_args
        return ir.Intrinsic(I64, span, "range_len", list(range_args(fc, arg)))
    args = [ir.Load(v.type, span, v) for v in fc.ranges[arg.id]]
    return ir.Intrinsic(I64, span, "range_len", args)


def is_range_call(fc: "FunctionChecker", node: ast.expr) -> bool:
    """`range(...)` itself (not a local or module name `range`)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" \
        and node.func.id not in fc.vars and fc.scope.lookup("range") is None


def contains(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr:
    """`x in rx` / `x not in rx`: within the bounds, on the step."""
    name = node.comparators[0].id
    x = node.left
    if not all(isinstance(n, (ast.Name, ast.Constant, ast.Attribute, ast.Subscript, ast.Load, ast.UnaryOp,
                              ast.USub, ast.Index if hasattr(ast, "Index") else ast.Name)) for n in ast.walk(x)):
        raise fc.error(x, "the value tested with `in` a range must be a name or a constant here",
                       "assign it to a name first: `v = ...; v in rx`")   # it is read up to three times
    start, stop, step = (_load(fc, name, p, node) for p in PARTS)
    lt, le = ast.Lt(), ast.LtE()
    up = ast.Compare(start, [le, lt], [x, stop])
    down = ast.Compare(stop, [lt, le], [x, start])
    known = fc.range_steps.get(name)
    if known is None:
        bounds: ast.expr = ast.IfExp(ast.Compare(step, [ast.Gt()], [ast.Constant(0)]), up, down)
    else:
        bounds = up if known > 0 else down
    test = bounds
    if known not in (1, -1):
        on_step = ast.Compare(ast.BinOp(ast.BinOp(x, ast.Sub(), start), ast.Mod(), step), [ast.Eq()], [ast.Constant(0)])
        test = ast.BoolOp(ast.And(), [bounds, on_step])
    if isinstance(node.ops[0], ast.NotIn):
        test = ast.UnaryOp(ast.Not(), test)
    for n in ast.walk(test):
        ast.copy_location(n, node)
    return fc.expr(test)
