"""Small self-recursive functions unrolled one level into themselves (the clone `fx.NAME.rec`).

LLVM's inliner never inlines a function into itself, so `fib(n - 1) + fib(n - 2)` stays
two calls per level, where gcc inlines the recursion into itself.  Here a qualifying
function is lowered twice: `fx.NAME`, whose self-calls go to the clone, and
`fx.NAME.rec` (`alwaysinline`), whose self-calls go back to `fx.NAME`.  After inlining,
`fx.NAME` is one level of recursion deeper per call; when the function cannot raise
(LLVM then sees it as a pure function) identical calls of the two inlined levels merge,
as for `fib(n - 2)` in `fib(n - 1)` and `fib(n)` (docs/performance.md, "fib(30)").

Only small functions with scalar parameters and straight-line or branching bodies
qualify (no loops, no arrays, no objects, no exception handlers), so the code at most
doubles and the clone needs nothing lowered once per module.  The profiling build keeps
every call (it counts them), so it does not unroll.
"""
from __future__ import annotations

from llvmlite import ir as ll

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.lower.function import FunctionLowering, native_signature

MAX_NODES = 48        # statements + expressions of the body
MAX_SELF_CALLS = 3
_STMTS = (ir.Assign, ir.ExprStmt, ir.If, ir.Return, ir.Raise)
_EXPRS = (ir.Const, ir.Load, ir.Cast, ir.BinOp, ir.UnaryOp, ir.Compare, ir.BoolOp, ir.Truth, ir.IfExp,
          ir.Call, ir.Intrinsic)


def _scalar(t: T.Type) -> bool:
    return isinstance(t, T.Scalar)


def unrollable(fn: ir.Function) -> bool:
    """Whether `fn` calls itself and is small and simple enough to clone (see the module doc)."""
    if fn.inline or not all(_scalar(p.var.type) for p in fn.params):
        return False
    if not (fn.ret == T.NONE or _scalar(fn.ret)) or not all(_scalar(v.type) for v in fn.locals):
        return False
    nodes, self_calls = 0, 0
    stack: list[ir.Stmt | ir.Expr] = list(fn.body)
    while stack:
        node = stack.pop()
        nodes += 1
        if nodes > MAX_NODES:
            return False
        if isinstance(node, ir.Stmt):
            if not isinstance(node, _STMTS):
                return False
            if isinstance(node, ir.If):
                stack += [node.cond, *node.then, *node.orelse]
            elif isinstance(node, (ir.Assign, ir.ExprStmt)) or isinstance(node, ir.Return) and node.value:
                stack.append(node.value)
            continue
        if not isinstance(node, _EXPRS) or not (node.type == T.NONE or _scalar(node.type)):
            return False
        if isinstance(node, ir.Call) and node.func == fn.name:
            self_calls += 1
        stack += ir.children(node)
    return 0 < self_calls <= MAX_SELF_CALLS


def declare_clones(ctx, module: ir.Module) -> dict[str, ll.Function]:
    """`fx.NAME.rec` for each unrollable function (none in the profiling build)."""
    if ctx.profile:
        return {}
    clones = {}
    for fn in module.functions.values():
        if unrollable(fn):
            clone = ll.Function(ctx.module, native_signature(fn), f"fx.{fn.name}.rec")
            clone.linkage = "internal"
            clone.attributes.add("alwaysinline")
            clones[fn.name] = clone
    return clones


def lower_unrolled(ctx, fn: ir.Function, clone: ll.Function) -> None:
    """Lower `fn` into `fx.NAME` calling the clone, and into the clone calling `fx.NAME`."""
    outer = FunctionLowering(ctx, fn)
    outer.self_call = clone
    outer.lower()
    inner = FunctionLowering(ctx, fn)
    inner.llfn, inner.self_call = clone, ctx.functions[fn.name]
    inner.lower()
