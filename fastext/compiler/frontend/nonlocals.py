"""`nonlocal` in nested functions (`def inc(): nonlocal count; count += 1`).

Closures capture the enclosing function's variables by value (frontend/funcvals.py), but they
may change the items of a captured list.  So a variable that some nested function declares
`nonlocal` lives in a one-item list, its *cell*: the enclosing function's first binding
`count = 0` becomes `count$cell = [0]` (a parameter gets its cell as the body starts), and every
other use of `count` — in the enclosing function and in the functions nested in it that do
not bind a `count` of their own — reads or writes `count$cell[0]`.  The `nonlocal` statements
go.  The rewrite is of the AST, before the function is checked, so the rest of the checker
sees only lists and closures it already knows.
"""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span

_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def cell(name: str) -> str:
    """The name of the list that holds `name`'s value."""
    return f"{name}$cell"


def _nested_defs(body: list[ast.stmt]):
    """The functions defined in `body` (at any depth of its statements, not inside them)."""
    todo = list(body)
    while todo:
        n = todo.pop()
        if isinstance(n, ast.FunctionDef):
            yield n
            continue
        todo.extend(c for c in ast.iter_child_nodes(n) if not isinstance(c, (ast.Lambda, ast.ClassDef)))


def _declared(fn: ast.FunctionDef) -> list[ast.Nonlocal]:
    """The `nonlocal` statements of `fn` itself (not of functions nested deeper)."""
    out = []
    todo = list(fn.body)
    while todo:
        n = todo.pop()
        if isinstance(n, ast.Nonlocal):
            out.append(n)
        todo.extend(c for c in ast.iter_child_nodes(n) if not isinstance(c, _SCOPES + (ast.ClassDef,)))
    return out


def rewrite(node: ast.FunctionDef, file: str) -> None:
    """Put the variables that the functions nested in `node` declare `nonlocal` into cells (in
    place).  A variable the enclosing function does not bind is a located error."""
    nested = list(_nested_defs(node.body))
    names: dict[str, ast.Nonlocal] = {}
    for fn in nested:
        for stmt in _declared(fn):
            for name in stmt.names:
                names.setdefault(name, stmt)
    if not names:
        return
    params = {a.arg for a in node.args.args + node.args.posonlyargs + node.args.kwonlyargs}
    first = _first_bindings(node.body, set(names) - params)
    for name, stmt in names.items():
        if name not in params and name not in first:
            raise FxSyntaxError(Span.of(stmt, file), f"`nonlocal {name}`: the enclosing function `{node.name}` "
                                "does not assign it first with a plain `=`",
                                f"assign it in `{node.name}` before the nested function (`{name} = 0`)")
    _Cells(set(names), first).rewrite_body(node)
    start = [ast.copy_location(ast.Assign([ast.Name(cell(p), ast.Store())],
                                          ast.List([ast.Name(p, ast.Load())], ast.Load())), node.body[0])
             for p in names if p in params]
    node.body[_after_docstring(node.body):_after_docstring(node.body)] = [ast.fix_missing_locations(s) for s in start]


def _after_docstring(body: list[ast.stmt]) -> int:
    first = body[0] if body else None
    return int(isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str))


def _first_bindings(body: list[ast.stmt], names: set[str]) -> dict[str, ast.stmt]:
    """For each name, the top-level statement `name = value` (or `name: T = value`) of the body that binds it first,
    where no earlier top-level statement mentions it."""
    out: dict[str, ast.Assign] = {}
    seen: set[str] = set()
    for stmt in body:
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 else \
            stmt.target if isinstance(stmt, ast.AnnAssign) and stmt.value is not None else None
        if isinstance(target, ast.Name):
            name = target.id
            if name in names and name not in seen and name not in out and \
                    not any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(stmt.value)):
                out[name] = stmt
        seen.update(n.id for n in ast.walk(stmt) if isinstance(n, ast.Name))
    return out


class _Cells(ast.NodeTransformer):
    def __init__(self, names: set[str], first: dict[str, ast.Assign]):
        self.names = names
        self.first = {id(stmt): name for name, stmt in first.items()}
        self.hidden: list[set[str]] = []    # names a nested scope binds itself (its own variables)

    def rewrite_body(self, fn: ast.FunctionDef) -> None:
        out: list[ast.stmt] = []
        for s in fn.body:
            r = self.visit(s)
            out.extend(r if isinstance(r, list) else [r])
        fn.body = out

    def visit_Assign(self, node: ast.Assign):
        name = self.first.get(id(node))
        if name is not None:        # `count = 0` → `count$cell = [0]`
            value = self.visit(node.value)
            target = ast.copy_location(ast.Name(cell(name), ast.Store()), node.targets[0])
            return ast.copy_location(ast.Assign([target], ast.copy_location(ast.List([value], ast.Load()), value)), node)
        self.generic_visit(node)
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign):
        name = self.first.get(id(node))
        if name is not None:        # `seen: list[int] = []` stays, then `seen$cell = [seen]`
            node.value = self.visit(node.value)
            target = ast.copy_location(ast.Name(cell(name), ast.Store()), node.target)
            value = ast.copy_location(ast.List([ast.copy_location(ast.Name(name, ast.Load()), node.target)],
                                               ast.Load()), node)
            return [node, ast.copy_location(ast.Assign([target], value), node)]
        self.generic_visit(node)
        return node

    def visit_Nonlocal(self, node: ast.Nonlocal):
        kept = [n for n in node.names if n not in self.names]
        if kept:
            node.names = kept
            return node
        return ast.copy_location(ast.Pass(), node)

    def _scope(self, node, params: set[str], body_nodes):
        from fastext.compiler.frontend.function import _assigned_names
        declared = {n for s in ast.walk(ast.Module(body=body_nodes, type_ignores=[]))
                    if isinstance(s, ast.Nonlocal) for n in s.names}
        own = (params | _assigned_names(body_nodes)) - declared
        self.hidden.append(own & self.names)
        self.generic_visit(node)
        self.hidden.pop()
        return node

    def visit_FunctionDef(self, node: ast.FunctionDef):
        a = node.args
        return self._scope(node, {p.arg for p in a.args + a.posonlyargs + a.kwonlyargs}, node.body)

    def visit_Lambda(self, node: ast.Lambda):
        a = node.args
        return self._scope(node, {p.arg for p in a.args + a.posonlyargs + a.kwonlyargs},
                           [ast.Expr(node.body)])

    def visit_Name(self, node: ast.Name):
        if node.id not in self.names or any(node.id in h for h in self.hidden):
            return node
        holder = ast.copy_location(ast.Name(cell(node.id), ast.Load()), node)
        index = ast.copy_location(ast.Constant(0), node)
        return ast.copy_location(ast.Subscript(holder, index, node.ctx), node)
