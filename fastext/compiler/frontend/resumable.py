"""Bound generators that resume where they stopped: `it = iter(xs)`, `it = (f(x) for x in xs
if p(x))`, and generator functions of one loop over a parameter with one `yield`
(`def evens(xs): for x in xs: if x % 2 == 0: yield x`), when what they iterate is an
indexed sequence (a list, a str, a 1-D array).

A bound generator is otherwise a replay (frontend/iterators.py): each `next(it)` runs it again
from its start and skips the items already taken, so pulling n items one `next()` at a time
costs n²/2 steps.  These shapes keep no state between items but the position in the sequence,
so the cursor holds that position instead of a count of items, and `next(it)` / `for v in it`
resume the loop there: each item costs what it costs in Python.  Python's own list, str and
array iterators read the live sequence by position too, so an append between two `next()`
calls is seen, and once exhausted the iterator stays exhausted (the cursor becomes -1).

What makes a loop body resumable from its position alone: no name is assigned in it (no
state carried to the next item), it has no `break`, `return` or nested loop, and it has
exactly one `yield` statement.  Anything else stays a replay.
"""
from __future__ import annotations

import ast
import copy
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastext.compiler import types as T

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_count = itertools.count()


@dataclass
class Resumable:
    """The loop a bound generator resumes: the local holding the sequence, the loop target and
    the loop body, whose one `yield` statement is `marker` (replaced at each use)."""

    seq: str
    target: ast.expr
    body: list[ast.stmt]
    marker: ast.Expr


def shape(fc: "FunctionChecker", source: ast.expr, plain: bool) -> Resumable | None:
    """The resumable loop of a bound generator's (argument-read) source, or None.  The
    sequence's type is checked later (`indexed`), once the locals holding arguments are typed."""
    n = next(_count)
    if plain:       # iter(xs): the sequence itself
        if not isinstance(source, ast.Name):
            return None
        target = ast.Name(f"$rp{n}", ast.Store())
        marker = ast.Expr(ast.Yield(ast.Name(target.id, ast.Load())))
        return Resumable(source.id, target, [marker], marker)
    if isinstance(source, ast.GeneratorExp):
        if len(source.generators) != 1 or not isinstance(source.generators[0].iter, ast.Name):
            return None
        gen = source.generators[0]
        if getattr(gen, "is_async", 0):
            return None
        renames = _fresh_targets(gen.target, n)
        if renames is None:
            return None
        marker = ast.Expr(ast.Yield(_renamed(source.elt, renames)))
        body: list[ast.stmt] = [marker]
        for cond in reversed(gen.ifs):
            body = [ast.If(_renamed(cond, renames), body, [])]
        return Resumable(gen.iter.id, _renamed(gen.target, renames), body, marker)
    return _function(fc, source, n)


def _function(fc: "FunctionChecker", call: ast.expr, n: int) -> Resumable | None:
    from fastext.compiler.frontend import generators
    src = generators.source(fc, call)
    if src is None or not isinstance(getattr(src, "node", None), ast.FunctionDef) or src.subst:
        return None
    stmts = src.node.body
    if stmts and isinstance(stmts[0], ast.Expr) and isinstance(stmts[0].value, ast.Constant):
        stmts = stmts[1:]       # the docstring
    if len(stmts) != 1 or not isinstance(stmts[0], ast.For) or stmts[0].orelse:
        return None
    loop = stmts[0]
    params = [p.arg for p in src.node.args.args]
    if not isinstance(loop.iter, ast.Name) or loop.iter.id not in params:
        return None
    args = dict(zip(params, src.args))
    seq = args[loop.iter.id]
    if not isinstance(seq, ast.Name) or not all(isinstance(a, (ast.Name, ast.Constant)) for a in args.values()):
        return None
    yields = [s for s in ast.walk(loop) if isinstance(s, (ast.Yield, ast.YieldFrom))]
    marks = [s for s in _statements(loop.body) if isinstance(s, ast.Expr) and isinstance(s.value, ast.Yield)]
    if len(yields) != 1 or len(marks) != 1 or not _stateless(loop.body):
        return None
    renames = _fresh_targets(loop.target, n)
    if renames is None or set(renames) & set(params):
        return None
    renames.update({p: a for p, a in args.items()})     # parameters read the locals holding arguments
    body = [_renamed(s, renames) for s in loop.body]
    marker = next(s for s in _statements(body) if isinstance(s, ast.Expr) and isinstance(s.value, ast.Yield))
    return Resumable(seq.id, _renamed(loop.target, renames), body, marker)


def indexed(fc: "FunctionChecker", r: Resumable) -> bool:
    """Whether the sequence local (typed by now) is one `seq[i]` reads by position."""
    var = fc.vars.get(r.seq)
    t = var.type if var is not None else None
    return isinstance(t, (T.List, T.Str)) or isinstance(t, T.Array) and t.ndim == 1


def next_statements(r: Resumable, cursor: str, value: str, found: str) -> list[ast.stmt]:
    """`value` = the next item and `found` = True, from the cursor on; -1 once exhausted."""
    hit = [_assign(value, r.marker.value.value), _assign(found, ast.Constant(True)), ast.Break()]
    return [_assign(found, ast.Constant(False)), _resume(r, cursor, hit, [])]


def loop_statements(r: Resumable, cursor: str, node: ast.For) -> list[ast.stmt]:
    """`for <target> in it: <body> else: <orelse>` resumed at the cursor."""
    hit = [ast.Assign([node.target], r.marker.value.value)] + node.body
    return [_resume(r, cursor, hit, node.orelse)]


def _resume(r: Resumable, cursor: str, hit: list[ast.stmt], orelse: list[ast.stmt]) -> ast.While:
    """while 0 <= cursor < len(seq): target = seq[cursor]; cursor += 1; <body, its yield
    replaced by `hit`>  else: cursor = -1; <orelse>"""
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    body: list[ast.stmt] = []
    for s in r.body:
        got = _replace(copy.deepcopy(s), r.marker, hit)
        body.extend(got if isinstance(got, list) else [got])
    test = ast.Compare(ast.Constant(0), [ast.LtE(), ast.Lt()],
                       [name(cursor), ast.Call(name("len"), [name(r.seq)], [])])
    return ast.While(test, [ast.Assign([copy.deepcopy(r.target)], ast.Subscript(name(r.seq), name(cursor), ast.Load())),
                            ast.AugAssign(name(cursor, ast.Store), ast.Add(), ast.Constant(1))] + body,
                     [_assign(cursor, ast.Constant(-1))] + orelse)


def _replace(s: ast.stmt, marker: ast.Expr, hit: list[ast.stmt]) -> ast.stmt | list:
    """`s` (a copy of the body) with the statement equal to `marker` replaced by `hit`."""
    if ast.dump(s) == ast.dump(marker):
        return hit
    for field in ("body", "orelse"):
        stmts = getattr(s, field, None)
        if isinstance(stmts, list):
            out = []
            for c in stmts:
                r = _replace(c, marker, hit)
                out.extend(r if isinstance(r, list) else [r])
            setattr(s, field, out)
    return s


def _statements(stmts: list[ast.stmt]):
    for s in stmts:
        yield s
        if isinstance(s, ast.If):
            yield from _statements(s.body)
            yield from _statements(s.orelse)


def _stateless(stmts: list[ast.stmt]) -> bool:
    """Only `if`s, expression statements, `pass` and `continue`: no name bound, no exit."""
    for s in _statements(stmts):
        if not isinstance(s, (ast.If, ast.Expr, ast.Pass, ast.Continue)):
            return False
        if any(isinstance(x, (ast.NamedExpr, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                              ast.GeneratorExp)) for x in ast.walk(s) if x is not s):
            return False
    return True


def _fresh_targets(target: ast.expr, n: int) -> dict[str, ast.expr] | None:
    """New names for the loop target's names (they must not touch the caller's locals)."""
    if not all(isinstance(t, (ast.Name, ast.Tuple)) for t in ast.walk(target) if isinstance(t, ast.expr)):
        return None
    return {t.id: ast.Name(f"$rp{n}_{t.id}", ast.Load()) for t in ast.walk(target) if isinstance(t, ast.Name)}


def _renamed(node: ast.AST, renames: dict[str, ast.expr]):
    class _Renamer(ast.NodeTransformer):
        def visit_Name(self, nm: ast.Name):
            new = renames.get(nm.id)
            if new is None:
                return nm
            out = copy.deepcopy(new)
            if isinstance(out, ast.Name):
                out.ctx = nm.ctx
            return ast.copy_location(out, nm)
    return _Renamer().visit(copy.deepcopy(node))


def _assign(name: str, value: ast.expr) -> ast.Assign:
    return ast.Assign([ast.Name(name, ast.Store())], value)
