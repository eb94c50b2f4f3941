"""Generator objects and iterators bound to a name: `it = gen(n)`, `it = iter(xs)`,
`it = (x for x in xs if p(x))`, then `next(it)`, `next(it, default)` and `for v in it:`.

A generator is inlined where a loop iterates it (frontend/generators.py), so there is no object
to suspend.  A bound one is a *replay*: its arguments are evaluated once, where Python makes the
generator, and a cursor counts the items taken so far; each `next(it)` runs the generator again
from the start, skips that many items and takes one more, and `for v in it` skips them once and
goes on to the end (or its `break`), advancing the cursor per item.  Every item is computed as
Python computes it, in the same order, and items past the last one taken are never computed, so
the results and the errors are Python's, provided running the generator twice is unobservable:
its body (and the functions it calls, transitively) may not print, mutate a container or an
attribute, draw random numbers or call a function value (checked here, a located error
otherwise).  `iter(xs)` of a list replays the list by position, which is exactly what Python's
list iterator does (it reads the live list).  Other uses of the name are located errors.
The shapes whose only state is a position in a sequence (`iter(xs)`, `(f(x) for x in xs)`,
one-loop generator functions) resume there instead of replaying: frontend/resumable.py.
"""
from __future__ import annotations

import ast
import copy
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastext.compiler import ir

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker
    from fastext.compiler.frontend.resumable import Resumable

HINT = "use it in `next(it)`, `next(it, default)` or `for x in it:`"

# builtins and modules whose calls have no side effect a replay could repeat
_PURE = frozenset({"range", "len", "abs", "min", "max", "int", "float", "bool", "str", "round", "enumerate",
                   "zip", "sorted", "reversed", "sum", "list", "tuple", "set", "dict", "divmod", "pow", "chr",
                   "ord", "any", "all", "map", "filter", "iter", "next", "hash", "isinstance", "repr", "hex",
                   "oct", "bin", "complex", "frozenset", "StopIteration", "ValueError", "IndexError",
                   "KeyError", "ZeroDivisionError", "TypeError", "RuntimeError", "ArithmeticError"})
_PURE_MODULES = frozenset({"module:math", "module:itertools", "module:cmath"})
_MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "add", "discard", "update",
                       "setdefault", "sort", "reverse", "popitem", "write", "appendleft", "popleft",
                       "difference_update", "intersection_update", "symmetric_difference_update", "fill",
                       "put", "itemset", "resize"})
_count = itertools.count()


@dataclass
class Bound:
    """A bound generator: what each replay iterates (arguments already read into locals), the
    local counting the items taken, and the binding it came from (rebinding it is allowed)."""

    source: ast.expr
    cursor: str
    key: str
    resumable: "Resumable | None" = None    # resumed by position instead (frontend/resumable.py)


def binding(fc: "FunctionChecker", node: ast.Assign) -> list[ir.Stmt] | None:
    """`it = gen(...)` / `iter(...)` / a generator expression: the name bound as a replay; None
    for any other assignment."""
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
        return None
    name, value = node.targets[0].id, node.value
    from fastext.compiler.frontend import generators
    if _is_iter_call(fc, value):
        inner = value.args[0]
        if generators.source(fc, inner) is None:
            return _bind(fc, node, name, inner, plain=True)
        value = inner
    if generators.source(fc, value) is None:
        return None
    return _bind(fc, node, name, value, plain=False)


def _is_iter_call(fc, value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "iter" \
        and value.func.id not in fc.vars and fc.scope.lookup("iter") is None and len(value.args) == 1 \
        and not value.keywords


def _bind(fc: "FunctionChecker", node: ast.Assign, name: str, value: ast.expr, plain: bool) -> list[ir.Stmt]:
    if name in fc.vars or name in fc.funcvals:
        raise fc.error(node.targets[0], f"`{name}` is bound to a generator here and to a value elsewhere",
                       "use a new name for the generator")
    key = ast.dump(node.value)
    known: dict = fc.iterators
    if name in known and known[name].key != key:
        raise fc.error(node, f"`{name}` is bound to two different generators",
                       "use a new name for each generator")
    bad = None if plain else _effects(fc, value, set())
    temps: list[ast.stmt] = []

    def temp(arg: ast.expr) -> ast.expr:
        if isinstance(arg, (ast.Constant, ast.Lambda)) or isinstance(arg, ast.Name) and arg.id not in fc.vars:
            return arg      # a constant, or a function: nothing to read now
        t = f"{name}$a{len(temps)}"
        temps.append(ast.Assign([ast.Name(t, ast.Store())], arg))
        return ast.Name(t, ast.Load())
    source = copy.deepcopy(value)
    if plain:
        source = temp(source)
    elif isinstance(source, ast.GeneratorExp):     # Python reads the outermost iterable at once
        source.generators[0].iter = temp(source.generators[0].iter)
    else:
        source.args = [temp(a) for a in source.args]
        for kw in source.keywords:
            kw.value = temp(kw.value)
    cursor = f"{name}$k"
    temps.append(ast.Assign([ast.Name(cursor, ast.Store())], ast.Constant(0)))
    known[name] = Bound(source, cursor, key)
    stmts = fc.block(_located(temps, node))
    from fastext.compiler.frontend import resumable
    shape = resumable.shape(fc, source, plain)
    if shape is not None and resumable.indexed(fc, shape):
        known[name].resumable = shape
    if bad is not None:
        raise fc.error(bad, "a generator bound to a name runs again from its start at each `next()` in .fx "
                            "code, so its body may not have side effects, and this one has",
                       "iterate it in one loop (`for x in gen(...)`), or move the side effect out of it")
    return stmts


def bound(fc: "FunctionChecker", node: ast.expr) -> Bound | None:
    """The replay `node` names, if it names one."""
    if isinstance(node, ast.Name) and node.id not in fc.vars:
        return fc.iterators.get(node.id)
    return None


def next_of(fc: "FunctionChecker", node: ast.Call, it: Bound) -> ir.Expr:
    """`next(it)` / `next(it, default)`: the replay's item at the cursor, the cursor moved on;
    StopIteration (or the default, the cursor left) when it has no more."""
    n = next(_count)
    found, seen, item, value = f"$if{n}", f"$ij{n}", f"$ix{n}", f"$iv{n}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    missing = [ast.Assign([name(value, ast.Store)], node.args[1])] if len(node.args) == 2 else \
        [ast.Raise(ast.Call(name("StopIteration"), [], []), None)]
    from fastext.compiler.frontend.generators import statements_value
    if it.resumable is not None:
        from fastext.compiler.frontend.resumable import next_statements
        stmts = next_statements(it.resumable, it.cursor, value, found) + \
            [ast.If(ast.UnaryOp(ast.Not(), name(found)), missing, [])]
        return statements_value(fc, node, stmts, value)
    loop = ast.For(name(item, ast.Store), copy.deepcopy(it.source), [
        ast.If(ast.Compare(name(seen), [ast.Eq()], [name(it.cursor)]), [
            ast.Assign([name(value, ast.Store)], name(item)),
            ast.Assign([name(found, ast.Store)], ast.Constant(True)),
            ast.Break()], []),
        ast.AugAssign(name(seen, ast.Store), ast.Add(), ast.Constant(1))], [], None)
    stmts = [ast.Assign([name(found, ast.Store)], ast.Constant(False)),
             ast.Assign([name(seen, ast.Store)], ast.Constant(0)), loop,
             ast.If(name(found), [ast.AugAssign(name(it.cursor, ast.Store), ast.Add(), ast.Constant(1))], missing)]
    return statements_value(fc, node, stmts, value)


def loop(fc: "FunctionChecker", node: ast.For, it: Bound) -> list[ir.Stmt]:
    """`for v in it:`: the replay with the items taken so far skipped, each later one taken (the
    cursor moved) before the body runs, as Python's `next()` of the loop does."""
    if it.resumable is not None and not hasattr(node, "fx_label"):
        from fastext.compiler.frontend.resumable import loop_statements
        return fc.block(_located(loop_statements(it.resumable, it.cursor, node), node))
    n = next(_count)
    seen, skip, item = f"$ij{n}", f"$is{n}", f"$ix{n}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    body = [ast.If(ast.Compare(name(seen), [ast.Lt()], [name(skip)]), [
                ast.AugAssign(name(seen, ast.Store), ast.Add(), ast.Constant(1)), ast.Continue()], []),
            ast.AugAssign(name(it.cursor, ast.Store), ast.Add(), ast.Constant(1)),
            ast.Assign([node.target], name(item))] + node.body
    replay = ast.For(name(item, ast.Store), copy.deepcopy(it.source), body, node.orelse, None)
    if hasattr(node, "fx_label"):
        replay.fx_label = node.fx_label
    stmts = [ast.Assign([name(seen, ast.Store)], ast.Constant(0)),
             ast.Assign([name(skip, ast.Store)], name(it.cursor)), replay]
    for s in stmts[:2] + [replay]:
        ast.copy_location(s, node)
    for s in body[:3]:
        ast.copy_location(s, node)
        ast.fix_missing_locations(s)
    ast.fix_missing_locations(replay)
    return fc.block(stmts)


def drained(fc: "FunctionChecker", node: ast.Call, it: Bound) -> ir.Expr:
    """`list(it)`, `sum(it)`, `sorted(it)`, ...: the rest of the replay collected by a `for` over
    it (the cursor at its end), then the call on that list."""
    rest, item = f"$ir{next(_count)}", f"$ix{next(_count)}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    collect = [ast.Assign([name(rest, ast.Store)], ast.List([], ast.Load())),
               ast.For(name(item, ast.Store), node.args[0], [ast.Expr(ast.Call(
                   ast.Attribute(name(rest), "append", ast.Load()), [name(item)], []))], [], None)]
    body = fc.block(_located(collect, node))
    call = ast.copy_location(ast.Call(node.func, [ast.copy_location(name(rest), node)], []), node)
    value = fc.expr(call)
    return ir.StmtExpr(value.type, fc.span(node), body, value)


def misused(fc: "FunctionChecker", node: ast.Name):
    """The error for a bound generator used as a value."""
    return fc.error(node, f"`{node.id}` is a generator or iterator bound to a name, which .fx code runs again "
                          "at each `next()` instead of keeping an object", HINT + ", or `list(...)` of the call itself")


def _located(stmts: list[ast.stmt], at: ast.AST) -> list[ast.stmt]:
    for s in stmts:
        ast.copy_location(s, at)
        ast.fix_missing_locations(s)
    return stmts


def _effects(fc: "FunctionChecker", node: ast.AST, seen: set) -> ast.AST | None:
    """The first node of `node` (a generator expression or call, with the functions it calls)
    whose effect a second run would repeat, or None."""
    from fastext.compiler.frontend import generators
    if isinstance(node, ast.Call):
        src = generators.source(fc, node)
        if src is not None and src.node.name not in seen:
            seen.add(src.node.name)
            bad = _body_effects(fc, src.node.body, seen)
            if bad is not None:
                return bad
    return _body_effects(fc, [node], seen)


def _body_effects(fc: "FunctionChecker", nodes: list[ast.AST], seen: set) -> ast.AST | None:
    for top in nodes:
        for n in ast.walk(top):
            if isinstance(n, (ast.Global, ast.Nonlocal, ast.Delete)):
                return n
            if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                for t in targets:
                    for sub in ast.walk(t):
                        if isinstance(sub, (ast.Subscript, ast.Attribute)) and isinstance(sub.ctx, ast.Store):
                            return sub
            if isinstance(n, ast.Call):
                bad = _call_effect(fc, n, seen)
                if bad is not None:
                    return bad
    return None


def _call_effect(fc: "FunctionChecker", call: ast.Call, seen: set) -> ast.AST | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        root = func.value
        if isinstance(root, ast.Name) and root.id not in fc.vars:
            b = fc.scope.lookup(root.id)
            if b is not None and b.kind.startswith("module:"):
                return None if b.kind in _PURE_MODULES else call
        if func.attr in _MUTATORS:
            return call
        method = fc.scope.defs.get(func.attr)       # a method of a class of this module, by name
        if method is not None and func.attr not in seen:
            seen.add(func.attr)
            return _body_effects(fc, method.body, seen)
        return None
    if not isinstance(func, ast.Name):
        return call
    if func.id in fc.vars or func.id in fc.funcvals:
        return call     # a function value: its body is not known here
    if func.id in fc.generators and func.id not in seen:
        seen.add(func.id)
        return _body_effects(fc, fc.generators[func.id].body, seen)
    b = fc.scope.lookup(func.id)
    if b is None:
        return None if func.id in _PURE else call
    if b.kind == "generator" or b.kind == "func":
        node = b.value if b.kind == "generator" else fc.scope.defs.get(func.id)
        if node is None:
            return call
        if func.id in seen:
            return None
        seen.add(func.id)
        return _body_effects(fc, node.body, seen)
    if b.kind in ("structtype", "class"):
        return None
    return None if b.kind == "op" and str(b.value).startswith("itertools.") else call
