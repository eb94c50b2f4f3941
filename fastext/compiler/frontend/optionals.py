"""Locals that start as None and later hold a value (`best = None` ... `best = (d, i)`).

Python code marks "nothing found yet" with None and later stores a number, tuple, list, set or
str in the same name.  Such a local becomes an *optional*: the value's own variable beside a
bool flag `name$has` (set where the value is assigned, cleared by `name = None`).  The tests
`name is None` / `is not None` / `== None` read the flag, a truth test (`if best:`) reads the flag
and then the value's own truth, and `return name` returns None while the flag is clear (the
function then returns a Python object: templates.settle_returns).

The value's type is found by checking the function once with the name poisoned from its
`= None` on (its uses stay quiet) and taking the type of its first value (`record`); the body
is then checked again with both variables declared from the start (`declare`) and the body's
AST rewritten to use the flag (`rewrite`).  A local whose value is an instance of a class
keeps its null reference instead of a flag (`record.none`): it is only declared from the start.
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.types import BOOL, ErrorType, Type

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

HINT = ("None stands for a missing class instance, a parameter default or no result; a local that starts "
        "as None and later holds a value takes that value's type")


def flag(name: str) -> str:
    """The name of the flag that says whether `name` holds a value."""
    return f"{name}$has"


def _is_none(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _own_nodes(body: list[ast.stmt]):
    """Every node of a function's body, not those of the functions and lambdas nested in it."""
    todo = list(body)
    while todo:
        n = todo.pop()
        yield n
        for child in ast.iter_child_nodes(n):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                todo.append(child)


def candidates(node: ast.FunctionDef) -> set[str]:
    """Names the body binds to None (`x = None`) and also to something else by assignment; not
    parameters, nor names bound by loops, `with`, `except` or comprehensions (those keep their
    own rules)."""
    params = {a.arg for a in node.args.args + node.args.kwonlyargs + node.args.posonlyargs}
    nones: set[str] = set()
    values: set[str] = set()
    other: set[str] = set()
    for n in _own_nodes(node.body):
        if isinstance(n, ast.Assign):
            if all(isinstance(t, ast.Name) for t in n.targets) and _is_none(n.value):    # `lo = hi = None`
                nones.update(t.id for t in n.targets)
                continue
            values.update(t.id for target in n.targets for t in ast.walk(target) if isinstance(t, ast.Name))
        elif isinstance(n, (ast.AnnAssign, ast.AugAssign)) and isinstance(n.target, ast.Name):
            values.add(n.target.id)
        elif isinstance(n, (ast.For, ast.comprehension)):
            other.update(t.id for t in ast.walk(n.target) if isinstance(t, ast.Name))
        elif isinstance(n, ast.withitem) and n.optional_vars is not None:
            other.update(t.id for t in ast.walk(n.optional_vars) if isinstance(t, ast.Name))
        elif isinstance(n, ast.ExceptHandler) and n.name:
            other.add(n.name)
        elif isinstance(n, (ast.Global, ast.Nonlocal)):
            other.update(n.names)
    return (nones & values) - params - other


def read_in_nested(body: list[ast.stmt]) -> set[str]:
    """Names the functions and lambdas nested in a body read: a closure receives a local's value
    without its flag, so such a local is an optional only when its value is an instance of a
    class (whose null reference is its None: function.py's `check_promoting` drops the others,
    which keep the None error: give them a first value of their type)."""
    out: set[str] = set()
    for n in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            out.update(m.id for m in ast.walk(n) if isinstance(m, ast.Name) and isinstance(m.ctx, ast.Load))
    return out


def first_check(fc: "FunctionChecker", node: ast.Assign) -> list[ir.Stmt] | None:
    """`x = None` of a candidate while its type is not known yet: the name is poisoned (its uses
    report nothing) and the value's type is recorded later (`record`); an error says why, should
    the second check not be kept.  None when the statement is not such an assignment."""
    if not all(isinstance(t, ast.Name) for t in node.targets) or not _is_none(node.value):
        return None
    names = [t.id for t in node.targets]
    if not all(n in fc.optional_names and n not in fc.optionals for n in names):
        return None
    for name, target in zip(names, node.targets):
        var = fc.vars.get(name)
        if var is None:
            fc.declare(name, T.ERROR, target)
        elif not isinstance(var.type, ErrorType):
            fc.optional_seen.setdefault(name, var.type)     # a value first, None later
        fc.optional_seen.setdefault(name, None)
    fc.diags.add(fc.error(node.value, f"`{names[0]}` starts as None: its type comes from a later value",
                          HINT).diagnostic)
    return []


def record(fc: "FunctionChecker", name: str, value: ir.Expr) -> bool:
    """A value assigned to a poisoned candidate: its type is the optional's (the first wins).
    True when the assignment was taken here (nothing to emit)."""
    if name not in fc.optional_seen or name in fc.optionals:
        return False
    if fc.optional_seen[name] is None and not isinstance(value.type, ErrorType) and value.type != T.NONE:
        fc.optional_seen[name] = value.type
    return True


def found(fc: "FunctionChecker") -> dict[str, Type]:
    """The optionals a first check typed: name → value type."""
    return {n: t for n, t in fc.optional_seen.items() if t is not None}


def flagged(t: Type) -> bool:
    """Whether an optional of type `t` needs a flag beside its value."""
    return not (isinstance(t, T.Struct) and t.plain)     # instances have their null reference


def declare(fc: "FunctionChecker", node: ast.FunctionDef) -> list[ir.Stmt]:
    """Declare each optional and its flag from the start; the statements clearing the flags."""
    out: list[ir.Stmt] = []
    span = fc.span(node)
    for name, t in fc.optionals.items():
        if name in fc.vars:
            continue
        fc.declare(name, t, node)
        if flagged(t):
            has = fc.declare(flag(name), BOOL, node)
            out.append(ir.Assign(span, has, ir.Const(BOOL, span, False)))
    return out


def rewrite(fc: "FunctionChecker", body: list[ast.stmt]) -> list[ast.stmt]:
    """A copy of the body that keeps the flags of the optionals (see the module docstring)."""
    if fc.optional_names and not fc.optionals:
        return _first_body(body, fc.optional_names)
    with_flags = {n: t for n, t in fc.optionals.items() if flagged(t)}
    if not with_flags:
        return body
    # `return best` gives None while the flag is clear where the result may be None: a result
    # inferred from the returns (a Python object then) or declared `object`
    none_returns = fc.sig.ret is None or isinstance(fc.sig.ret, T.PyObj) and fc.sig.ret.check is None
    return _Rewriter(with_flags, none_returns).block(copy.deepcopy(body))


def _first_body(body: list[ast.stmt], names: set[str]) -> list[ast.stmt]:
    """The body for the first check, which only looks for the optionals' types: the conditions
    that read one (`if best is None or d < best[0]:`) become `True`, so the statements under
    them, where the value is usually assigned, are checked."""
    class Neutral(ast.NodeTransformer):
        def _test(self, node):
            self.generic_visit(node)
            if any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(node.test)):
                node.test = ast.copy_location(ast.Constant(True), node.test)
            return node

        visit_If = visit_While = visit_IfExp = _test

        def visit_FunctionDef(self, node):
            return node

        visit_Lambda = visit_ClassDef = visit_FunctionDef

    return [Neutral().visit(s) for s in copy.deepcopy(body)]


def _load(name: str, like: ast.AST) -> ast.Name:
    return ast.copy_location(ast.Name(name, ast.Load()), like)


def _store(name: str, value: bool, like: ast.AST) -> ast.Assign:
    target = ast.copy_location(ast.Name(flag(name), ast.Store()), like)
    return ast.copy_location(ast.Assign([target], ast.copy_location(ast.Constant(value), like)), like)


def _none_test(test: ast.expr, names) -> tuple[str, bool] | None:
    """(name, holds) when `test` is `name is None` (holds False) / `name is not None` / `name`
    (holds True) of an optional, or `not` of one of those."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _none_test(test.operand, names)
        return None if inner is None else (inner[0], not inner[1])
    if isinstance(test, ast.Name) and test.id in names:
        return test.id, True
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and \
            isinstance(test.ops[0], (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
        left, right = test.left, test.comparators[0]
        name = left if _is_none(right) else right if _is_none(left) else None
        if isinstance(name, ast.Name) and name.id in names:
            return name.id, isinstance(test.ops[0], (ast.IsNot, ast.NotEq))
    return None


def _narrowing(test: ast.expr, names) -> tuple[set[str], set[str]]:
    """The optionals known to hold a value where `test` is true, and where it is false."""
    one = _none_test(test, names)
    if one is not None:
        return ({one[0]}, set()) if one[1] else (set(), {one[0]})
    if isinstance(test, ast.BoolOp):
        parts = [_narrowing(v, names) for v in test.values]
        if isinstance(test.op, ast.And):      # true: every operand true
            return set().union(*(t for t, _ in parts)), set()
        return set(), set().union(*(f for _, f in parts))     # false: every operand false
    return set(), set()


def _cleared(stmts: list[ast.stmt], names) -> set[str]:
    """The optionals that statements set to None somewhere (not in nested functions)."""
    return {target.id for t in _own_nodes(stmts) if isinstance(t, ast.Assign) and _is_none(t.value)
            for target in t.targets if isinstance(target, ast.Name) and target.id in names}


def _ends(stmts: list[ast.stmt]) -> bool:
    return bool(stmts) and isinstance(stmts[-1], (ast.Return, ast.Raise, ast.Continue, ast.Break))


class _Rewriter(ast.NodeTransformer):
    """The flags kept, and each read of an optional classed: known to hold a value (narrowed by
    a test or an assignment before it: a plain read), printed (a Python object, None while the
    flag is clear), or anything else (a read that raises TypeError while the flag is clear:
    Python's error for an operand; where Python would pass None on, stored or returned in a
    tuple, the documented difference)."""

    def __init__(self, optionals: dict[str, Type], none_returns: bool):
        self.optionals = optionals
        self.none_returns = none_returns
        self.known: set[str] = set()

    def block(self, stmts: list[ast.stmt]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for s in stmts:
            r = self.visit(s)
            out.extend(r if isinstance(r, list) else [r])
        return out

    def narrowed(self, extra: set[str], visit, node):
        saved = self.known
        self.known = saved | extra
        try:
            return visit(node)
        finally:
            self.known = saved

    # -- nested scopes keep the names they read
    def visit_FunctionDef(self, node):
        return node

    visit_Lambda = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    # -- statements
    def visit_Assign(self, node: ast.Assign):
        if all(isinstance(t, ast.Name) and t.id in self.optionals for t in node.targets) and _is_none(node.value):
            self.known -= {t.id for t in node.targets}
            return [_store(t.id, False, node) for t in node.targets]
        node.value = self.visit(node.value)
        node.targets = [self.visit(t) for t in node.targets]
        bound = [t.id for target in node.targets for t in ast.walk(target)
                 if isinstance(t, ast.Name) and t.id in self.optionals]
        self.known.update(bound)
        return [node] + [_store(n, True, node) for n in dict.fromkeys(bound)]

    def visit_AnnAssign(self, node: ast.AnnAssign):
        self.generic_visit(node)
        if isinstance(node.target, ast.Name) and node.target.id in self.optionals and node.value is not None:
            self.known.add(node.target.id)
            return [node, _store(node.target.id, True, node)]
        return node

    def visit_AugAssign(self, node: ast.AugAssign):
        node.value = self.visit(node.value)
        if isinstance(node.target, ast.Name) and node.target.id in self.optionals:
            if node.target.id not in self.known:
                node.target.fx_none_check = True
            return node
        node.target = self.visit(node.target)
        return node

    def visit_Return(self, node: ast.Return):
        if isinstance(node.value, ast.Name) and node.value.id in self.optionals and \
                node.value.id not in self.known and self.none_returns:
            none = ast.copy_location(ast.Return(ast.copy_location(ast.Constant(None), node)), node)
            missing = ast.copy_location(ast.UnaryOp(ast.Not(), _load(flag(node.value.id), node)), node)
            return [ast.copy_location(ast.If(missing, [none], []), node), node]
        self.generic_visit(node)
        return node

    def visit_If(self, node: ast.If):
        yes, no = _narrowing(node.test, self.optionals)
        node.test = self.truth(node.test)
        before = set(self.known)
        node.body = self.narrowed(yes, self.block, node.body)
        node.orelse = self.narrowed(no, self.block, node.orelse)
        cleared = _cleared(node.body + node.orelse, self.optionals)
        after = before - cleared
        if _ends(node.body):
            after |= no
        if _ends(node.orelse):
            after |= yes
        self.known = after
        return node

    def _loop(self, node, test: ast.expr | None):
        cleared = _cleared(node.body + node.orelse, self.optionals)
        self.known -= cleared
        yes = set()
        if test is not None:
            yes, _ = _narrowing(test, self.optionals)
            node.test = self.truth(test)
        else:
            node.iter = self.visit(node.iter)
        before = set(self.known)
        node.body = self.narrowed(yes, self.block, node.body)
        self.known = set(before)
        node.orelse = self.block(node.orelse)
        self.known = before - cleared
        return node

    def visit_While(self, node: ast.While):
        return self._loop(node, node.test)

    def visit_For(self, node: ast.For):
        return self._loop(node, None)

    def visit_Try(self, node: ast.Try):
        before = set(self.known)
        cleared = _cleared([node], self.optionals)
        node.body = self.block(node.body)
        for h in node.handlers:
            self.known = before - cleared
            h.body = self.block(h.body)
        self.known = before - cleared
        node.orelse = self.block(node.orelse)
        node.finalbody = self.block(node.finalbody)
        self.known = before - cleared
        return node

    def visit_With(self, node: ast.With):
        node.items = [self.visit(i) for i in node.items]
        node.body = self.block(node.body)
        return node

    def visit_Assert(self, node: ast.Assert):
        yes, _ = _narrowing(node.test, self.optionals)
        node.test = self.truth(node.test)
        if node.msg is not None:
            node.msg = self.visit(node.msg)
        self.known |= yes
        return node

    # -- expressions
    def visit_IfExp(self, node: ast.IfExp):
        yes, no = _narrowing(node.test, self.optionals)
        node.test = self.truth(node.test)
        node.body = self.narrowed(yes, self.visit, node.body)
        node.orelse = self.narrowed(no, self.visit, node.orelse)
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp):
        if isinstance(node.op, ast.Not):
            node.operand = self.truth(node.operand)
            return node
        self.generic_visit(node)
        return node

    def visit_BoolOp(self, node: ast.BoolOp):
        """`a or b` as a value (a condition goes through `truth`): each operand knows what the
        ones before it decided; the operands keep their values."""
        return self._operands(node, self.visit)

    def _operands(self, node: ast.BoolOp, each) -> ast.BoolOp:
        """`node`'s operands through `each`, each knowing what the ones before it decided."""
        saved = set(self.known)
        values = []
        for v in node.values:
            yes, no = _narrowing(v, self.optionals)
            values.append(each(v))
            self.known |= yes if isinstance(node.op, ast.And) else no
        self.known = saved
        node.values = values
        return node

    def visit_comprehension(self, node: ast.comprehension):
        node.iter = self.visit(node.iter)
        node.ifs = [self.truth(c) for c in node.ifs]
        return node

    def visit_Compare(self, node: ast.Compare):
        one = _none_test(node, self.optionals)
        if one is not None:
            has = _load(flag(one[0]), node)
            return has if one[1] else ast.copy_location(ast.UnaryOp(ast.Not(), has), node)
        self.generic_visit(node)
        return node

    def visit_Call(self, node: ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id == "print":
            for a in node.args:
                if isinstance(a, ast.Name) and a.id in self.optionals and a.id not in self.known:
                    a.fx_none_box = True
        self.generic_visit(node)
        return node

    def visit_Name(self, node: ast.Name):
        if isinstance(node.ctx, ast.Load) and node.id in self.optionals and node.id not in self.known and \
                not getattr(node, "fx_none_box", False):
            node.fx_none_check = True
        return node

    def truth(self, test: ast.expr) -> ast.expr:
        """A condition: an optional's name is true when it holds a true value; an operand of
        `and`/`or` knows what the operands before it decided."""
        if isinstance(test, ast.BoolOp):
            return self._operands(test, self.truth)
        if isinstance(test, ast.Name) and test.id in self.optionals:
            t = self.optionals[test.id]
            has = _load(flag(test.id), test)
            value = _value_truth(test, t)
            if value is None:
                return has
            return ast.copy_location(ast.BoolOp(ast.And(), [has, value]), test)
        return self.visit(test)


def _value_truth(name: ast.Name, t: Type) -> ast.expr | None:
    """The truth of a held value as a bool expression; None where any value is true (tuples
    that are not empty)."""
    load = _load(name.id, name)
    load.fx_none_check = False      # read only once the flag is known set
    if isinstance(t, T.Tuple):
        return None if t.items else ast.copy_location(ast.Constant(False), name)
    if isinstance(t, T.Scalar):
        if t == BOOL:
            return load
        return ast.copy_location(ast.Compare(load, [ast.NotEq()], [ast.copy_location(ast.Constant(0), name)]), name)
    if isinstance(t, (T.List, T.Set, T.Dict)) or t == T.STRV:
        size = ast.copy_location(ast.Call(_load("len", name), [load], []), name)
        return ast.copy_location(ast.Compare(size, [ast.Gt()], [ast.copy_location(ast.Constant(0), name)]), name)
    return load


def read(fc: "FunctionChecker", node: ast.Name, var: ir.Var) -> ir.Expr:
    """A read of an optional that the rewrite classed (see `_Rewriter`): printed, the value as a
    Python object or None; elsewhere, a read that raises TypeError while the flag is clear."""
    span = fc.span(node)
    load = ir.Load(var.type, span, var)
    has = fc.vars.get(flag(node.id))
    if has is None:
        return load
    if getattr(node, "fx_none_box", False):
        from fastext.compiler.frontend import objects
        return ir.IfExp(T.OBJECT, span, ir.Load(BOOL, span, has), objects.box(fc, load, node),
                        ir.ObjConst(T.OBJECT, span, None))
    if not getattr(node, "fx_none_check", False):
        return load
    missing = ir.UnaryOp(BOOL, span, "not", ir.Load(BOOL, span, has))
    check = ir.Intrinsic(T.NONE, span, "fx.raise_if", [missing],
                         {"exc": "TypeError", "message": f"`{node.id}` is None here (a value of type {var.type} "
                                                         "was expected)"})
    return ir.StmtExpr(var.type, span, [ir.ExprStmt(span, check)], load)
