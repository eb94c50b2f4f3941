"""Functions that return a function (`def make_adder(k): return lambda x: x + k`): expanded at
each call.

A function value never exists at run time (frontend/funcvals.py): a closure's environment is the
enclosing function's variables, which do not outlive its frame.  A *factory* — a module function
whose only `return` is its last statement and returns a lambda or a `def` of its own body — is
therefore not compiled on its own: `add = make_adder(3)` runs the factory's body in the caller, its
parameters and locals renamed apart (`k$c12_10`), and binds `add` to the returned function, whose
environment is those renamed variables; `make_adder(3)(x)` does the same and calls it at once.
Python evaluates the arguments and runs the body at the same point, so the values are Python's.
Other uses of a factory's result (passing it to another function as it is made, storing it) are
located errors: bind it to a name first.
"""
from __future__ import annotations

import ast
import copy
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.frontend.generators import _local_names, _own_nodes, _Rename, _user

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

HINT = "bind its result to a name first (`add = {name}(...)`), then call or pass `add`"


def is_factory(node: ast.FunctionDef) -> bool:
    """Whether a module-level `def` returns a function: one `return`, last, of a lambda or of a
    `def` in its body."""
    body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    returns = [n for n in _own_nodes(body) if isinstance(n, ast.Return)]
    if len(returns) != 1 or not body or body[-1] is not returns[0]:
        return False
    value = returns[0].value
    nested = {s.name for s in body if isinstance(s, ast.FunctionDef)}
    return isinstance(value, ast.Lambda) or isinstance(value, ast.Name) and value.id in nested


def factory_of(fc: "FunctionChecker", call: ast.expr) -> ast.FunctionDef | None:
    """The factory `call` calls, if it calls one."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)) or call.func.id in fc.vars \
            or call.func.id in fc.funcvals:
        return None
    b = fc.scope.lookup(call.func.id)
    return b.value if b is not None and b.kind == "factory" else None


class _RenameDefs(_Rename):
    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        if node.name in self.names:
            node.name = self.names[node.name]
        self.generic_visit(node)
        return node


def _expand(fc: "FunctionChecker", call: ast.Call, node: ast.FunctionDef) -> tuple[list[ast.stmt], ast.expr]:
    """The factory's body for this call (parameters bound to the arguments, locals renamed apart)
    and the function it returns."""
    if getattr(node, "fx_file", None) != fc.scope.file:
        raise fc.error(call, f"`{node.name}` returns a function and is defined in another .fx module",
                       "define it in this module")
    src = _user(fc, call, node, node.name)
    from fastext.compiler.frontend import nonlocals
    node = copy.deepcopy(node)
    nonlocals.rewrite(node, fc.scope.file)     # `nonlocal n` of the returned def: `n` in a cell per call
    site = f"$c{call.lineno}_{call.col_offset}"
    local = _local_names(node) | {s.name for s in ast.walk(ast.Module(node.body, []))
                                  if isinstance(s, ast.FunctionDef)}     # nested defs too
    names = {n: n + site for n in local}
    stmts: list[ast.stmt] = []
    for p, arg in zip(node.args.args, src.args):
        stmts.append(ast.copy_location(ast.Assign([ast.Name(names[p.arg], ast.Store())], arg), call))
    body = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    renamer = _RenameDefs(names, {})
    stmts += [renamer.visit(copy.deepcopy(s)) for s in body[:-1]]
    value = renamer.visit(copy.deepcopy(body[-1].value))
    for s in stmts:
        ast.fix_missing_locations(s)
    return stmts, value


def bind(fc: "FunctionChecker", node: ast.Assign) -> list[ir.Stmt] | None:
    """`add = make_adder(3)`: the factory's body here, `add` bound to what it returns."""
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
        return None
    factory = factory_of(fc, node.value)
    if factory is None:
        return None
    stmts, value = _expand(fc, node.value, factory)
    stmts.append(ast.copy_location(ast.Assign(node.targets, value), node))
    return fc.block(stmts)


def call_result(fc: "FunctionChecker", node: ast.Call) -> ir.Expr | None:
    """`make_adder(3)(x)`: the factory's body, then a call of what it returns."""
    factory = factory_of(fc, node.func)
    if factory is None:
        return None
    stmts, value = _expand(fc, node.func, factory)
    fn = f"$cf{node.lineno}_{node.col_offset}"
    stmts.append(ast.copy_location(ast.Assign([ast.Name(fn, ast.Store())], value), node))
    body = fc.block(stmts)
    result = fc.expr(ast.copy_location(ast.Call(ast.copy_location(ast.Name(fn, ast.Load()), node),
                                                node.args, node.keywords), node))
    return ir.StmtExpr(result.type, fc.span(node), body, result)


def misplaced(fc: "FunctionChecker", node: ast.Call, name: str):
    """The error for a factory's result used other than bound to a name or called at once."""
    return fc.error(node, f"`{name}(...)` returns a function, which .fx code makes where it is bound to a "
                          "name or called", HINT.format(name=name))
