"""`map(f, *iterables)` and `filter(f, iterable)` in `.fx` code, as the comprehensions they mean.

A function body is rewritten before it is checked: `map(f, xs)` becomes `(f(x) for x in xs)`
where a generator expression is consumed whole (`sum`, `min`, `max`, `any`, `all`, `list`,
`sorted`, `set`, `tuple`, `str.join`: folded without a list, lazily as Python's `map` is), and
`[f(x) for x in xs]` elsewhere (`for v in map(...)`, a value bound to a name), which computes every
item first — a difference only for an `f` with side effects or errors that a `break` would have
skipped (docs/language.md).  A lambda is inlined (`map(lambda v: v * 2, xs)` is
`[v * 2 for v in xs]`); several iterables are zipped (`map(pow, xs, ys)`); `filter(None, xs)`
keeps the true items; `map(str.upper, words)` calls the method on each item.  Names `map`/`filter` bound by the module or the function are left alone.
"""
from __future__ import annotations

import ast

_CONSUMERS = frozenset({"sum", "min", "max", "any", "all", "list", "sorted", "set", "tuple"})
_TYPES = frozenset({"str", "int", "float", "list", "dict", "set", "tuple", "bytes", "bytearray"})   # map(str.upper, ws)


def rewrite(fn: ast.FunctionDef, bound) -> None:
    """Rewrite the `map`/`filter` calls in `fn`'s body in place; `bound(name)` says whether the
    module or the function binds `name` (then it is not the builtin)."""
    if not any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in ("map", "filter")
               for n in ast.walk(fn)):
        return
    live = {name for name in ("map", "filter") if not bound(name)}
    if live:
        _Rewriter(live).visit(fn)


class _Rewriter(ast.NodeTransformer):
    def __init__(self, live: set[str]):
        self.live = live
        self.count = 0

    def visit_Call(self, node: ast.Call) -> ast.AST:
        lazy_args = _consumes(node)
        node.args = [self._arg(a, i == 0 and lazy_args) for i, a in enumerate(node.args)]
        node.keywords = [self.visit(k) for k in node.keywords]
        node.func = self.visit(node.func)
        return self._made(node, lazy=False) or node

    def _arg(self, a: ast.expr, lazy: bool) -> ast.expr:
        if isinstance(a, ast.Call):
            a.args = [self._arg(x, i == 0 and _consumes(a)) for i, x in enumerate(a.args)]
            a.keywords = [self.visit(k) for k in a.keywords]
            a.func = self.visit(a.func)
            return self._made(a, lazy) or a
        return self.visit(a)

    def _made(self, call: ast.Call, lazy: bool) -> ast.expr | None:
        if not (isinstance(call.func, ast.Name) and call.func.id in self.live) or call.keywords:
            return None
        kind, args = call.func.id, call.args
        if kind == "map" and len(args) >= 2:
            targets, elt = self._apply(args[0], len(args) - 1, call)
            source = args[1] if len(args) == 2 else ast.Call(ast.Name("zip", ast.Load()), list(args[1:]), [])
            ifs = []
        elif kind == "filter" and len(args) == 2:
            targets, test = self._apply(args[0], 1, call) if not _is_none(args[0]) else self._names(1)
            elt = ast.Name(targets[0], ast.Load())
            ifs, source = [test], args[1]
        else:
            return None
        target = ast.Name(targets[0], ast.Store()) if len(targets) == 1 else \
            ast.Tuple([ast.Name(t, ast.Store()) for t in targets], ast.Store())
        gen = [ast.comprehension(target, source, ifs, 0)]
        made = ast.GeneratorExp(elt, gen) if lazy else ast.ListComp(elt, gen)
        for n in ast.walk(made):
            if not hasattr(n, "lineno") and isinstance(n, (ast.expr, ast.stmt)):
                ast.copy_location(n, call)
        return ast.fix_missing_locations(ast.copy_location(made, call))

    def _names(self, k: int) -> tuple[list[str], ast.expr]:
        self.count += 1
        names = [f"map${self.count}_{i}" for i in range(k)]
        return names, ast.Name(names[0], ast.Load())

    def _apply(self, f: ast.expr, k: int, where: ast.AST) -> tuple[list[str], ast.expr]:
        """(comprehension variables, f applied to them)."""
        a = f.args if isinstance(f, ast.Lambda) else None
        if a is not None and len(a.args) == k and not (a.vararg or a.kwarg or a.kwonlyargs or a.defaults):
            return [p.arg for p in a.args], f.body       # the lambda inlined: its parameters are the variables
        names, _ = self._names(k)
        loads = [ast.Name(n, ast.Load()) for n in names]
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in _TYPES:
            return names, ast.Call(ast.Attribute(loads[0], f.attr, ast.Load()), loads[1:], [])   # str.upper: x.upper()
        return names, ast.Call(f, loads, [])


def _consumes(call: ast.Call) -> bool:
    """Whether `call` consumes its first argument whole (a generator expression is enough)."""
    f = call.func
    if isinstance(f, ast.Name):
        return f.id in _CONSUMERS
    return isinstance(f, ast.Attribute) and f.attr == "join"


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


# calls that read their first argument's items once, in order: a reversed() there is the slice
_CONSUMERS = {"list", "sorted", "tuple", "set", "sum", "min", "max", "any", "all"}


def reversed_values(fn: ast.FunctionDef, bound) -> None:
    """`"".join(reversed(out))`, `list(reversed(xs))`, `max(reversed(xs))`: `reversed(x)` whose
    items a call reads once is `x[::-1]` (a list, str or tuple reversed), rewritten in place
    before `fn` is checked; `bound(name)` says whether a name is not the builtin.  A `range`,
    `zip` or `enumerate` argument is left to the loops that take it."""
    if bound("reversed"):
        return
    # names bound to a range (`rx = range(n)`, frontend/rangevals.py) are left to the loops too
    ranges = {t.id for a in ast.walk(fn) if isinstance(a, ast.Assign) and isinstance(a.value, ast.Call) and
              isinstance(a.value.func, ast.Name) and a.value.func.id == "range" for t in a.targets
              if isinstance(t, ast.Name)}
    for call in ast.walk(fn):
        if not (isinstance(call, ast.Call) and call.args):
            continue
        func = call.func
        if not (isinstance(func, ast.Name) and func.id in _CONSUMERS and not bound(func.id) or
                isinstance(func, ast.Attribute) and func.attr == "join" and len(call.args) == 1):
            continue
        arg = call.args[0]
        if not (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "reversed"
                and len(arg.args) == 1 and not arg.keywords and not isinstance(arg.args[0], ast.Starred)):
            continue
        inner = arg.args[0]
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and \
                inner.func.id in ("range", "zip", "enumerate") or isinstance(inner, ast.Name) and inner.id in ranges:
            continue
        step = ast.UnaryOp(ast.USub(), ast.Constant(1))
        rev = ast.Subscript(inner, ast.Slice(None, None, step), ast.Load())
        for n in (rev, rev.slice, step, step.operand):
            ast.copy_location(n, arg)
        call.args[0] = rev
