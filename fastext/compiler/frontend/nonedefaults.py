"""Parameters defaulting to None that the body replaces (`def dfs(g, u, seen=None): if seen is None:
seen = set()`).

.fx values of numbers and containers are never None, so such a parameter is resolved per call
(frontend/templates.py): a call that leaves it out (or passes the literal `None`) names an instance
without the parameter, whose body is the function's with each test `p is None` that runs before
`p` is first assigned folded to True; a call that passes a value names an instance with the
parameter, where those tests are False.  Python evaluates exactly those tests with exactly those
results, so both instances run as Python would.  A read of the missing parameter before the body
gives it a value is a located error (None itself cannot be represented).
"""
from __future__ import annotations

import ast
import copy

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span

HINT = "give it a value first: `if {p} is None: {p} = []` (or `set()`, `{{}}`, a number)"


def is_none_test(node: ast.expr, names) -> tuple[str, bool] | None:
    """`(p, True)` for `p is None`, `(p, False)` for `p is not None` (either operand order)."""
    if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Is, ast.IsNot))):
        return None
    left, right = node.left, node.comparators[0]
    if isinstance(left, ast.Constant) and left.value is None:
        left, right = right, left
    if isinstance(left, ast.Name) and left.id in names and isinstance(right, ast.Constant) and right.value is None:
        return left.id, isinstance(node.ops[0], ast.Is)
    return None


class _Fold(ast.NodeTransformer):
    """Replaces the None tests of the still-unassigned parameters by their constant results."""

    def __init__(self, pending: dict[str, bool]):
        self.pending = pending          # name → whether it is None in this instance

    def visit_Compare(self, node: ast.Compare):
        test = is_none_test(node, self.pending)
        if test is None:
            return self.generic_visit(node)
        name, is_ = test
        return ast.copy_location(ast.Constant(self.pending[name] == is_), node)

    def visit_IfExp(self, node: ast.IfExp):
        self.generic_visit(node)
        if isinstance(node.test, ast.Constant) and isinstance(node.test.value, bool):
            return node.body if node.test.value else node.orelse
        return node


def _stores(stmt: ast.stmt, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(stmt))


def _reads(node: ast.AST, name: str) -> ast.Name | None:
    return next((n for n in ast.walk(node) if isinstance(n, ast.Name) and n.id == name
                 and isinstance(n.ctx, ast.Load)), None)


def specialise(node: ast.FunctionDef, none: dict[str, bool], annotations: dict[str, ast.expr], file) -> ast.FunctionDef:
    """A copy of `node` for one instance: `none` maps each None-default parameter to whether the
    call left it out; those left out are dropped from the parameters, and the first assignment of
    an annotated one (`order: list[int] | None = None`) is declared with its type."""
    fdef = copy.deepcopy(node)
    a = fdef.args
    defaults = [None] * (len(a.args) - len(a.defaults)) + list(a.defaults)
    kept = [(p, d) for p, d in zip(a.args, defaults) if not none.get(p.arg, False)]
    a.args = [p for p, _ in kept]
    firsts = [k for k, (_, d) in enumerate(kept) if d is not None]
    a.defaults = [d for _, d in kept[firsts[0]:]] if firsts else []
    if any(d is None for d in a.defaults):
        a.defaults = []     # a left-out parameter before a required one: calls bind by position here
    pending = dict(none)
    fdef.body = _rewrite(fdef.body, pending, annotations)
    for name, missing in none.items():
        if missing and name in pending:
            _check_unread(fdef.body, name, file)
    return fdef


def _rewrite(body: list[ast.stmt], pending: dict[str, bool], annotations: dict[str, ast.expr]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    queue = list(body)
    while queue:
        stmt = queue.pop(0)
        if not pending:
            out.append(stmt)
            continue
        if isinstance(stmt, ast.If):
            test = is_none_test(stmt.test, pending)
            if test is not None:
                name, is_ = test
                taken = stmt.body if pending[name] == is_ else stmt.orelse
                queue[:0] = _declared(taken, name, pending, annotations)
                continue
        assigned = [name for name in pending if _stores(stmt, name)]
        if not assigned or isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            stmt = _Fold(pending).visit(stmt)   # a plain assignment reads its value before the store
        for name in assigned:
            del pending[name]
        out.append(stmt)
    return out or [ast.Pass()]


def _declared(stmts: list[ast.stmt], name: str, pending: dict[str, bool], annotations) -> list[ast.stmt]:
    """`p = []` in the branch that replaces a left-out annotated `p`: `p: list[int] = []`."""
    if not pending[name] or name not in annotations or not stmts:
        return stmts
    first = stmts[0]
    if isinstance(first, ast.Assign) and len(first.targets) == 1 and isinstance(first.targets[0], ast.Name) \
            and first.targets[0].id == name:
        target = ast.copy_location(ast.Name(name, ast.Store()), first.targets[0])
        decl = ast.copy_location(ast.AnnAssign(target, copy.deepcopy(annotations[name]), first.value, 1), first)
        return [decl] + stmts[1:]
    return stmts


def _check_unread(body: list[ast.stmt], name: str, file) -> None:
    """A left-out parameter read before the body assigns it would be Python's None."""
    for stmt in body:
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and stmt.value is not None else stmt
        use = _reads(value, name)
        if use is not None:
            raise FxSyntaxError(Span.of(use, file), f"`{name}` is None here (its default: the call leaves it "
                                f"out), and .fx numbers and containers are never None", HINT.format(p=name))
        if _stores(stmt, name):
            return
