"""Nested functions that call siblings defined after them (a recursive-descent parser's
`parse_expr` calling `parse_term`), lifted to module functions before the module is read.

A closure (frontend/funcvals.py) is made where its `def` runs, so it can only call what is
defined above it.  Python resolves the name when the call runs.  When the nested functions of
a body call a sibling defined later, and every use of their names is a direct call, they are
rewritten into private module functions that take the enclosing variables they read as
leading parameters:

    def evaluate(tokens):                   def _evaluate__parse_expr(tokens, i): ...
        def parse_expr(i): ...parse_term  →  def _evaluate__parse_term(tokens, i): ...
        def parse_term(i): ...               def evaluate(tokens):
        return parse_expr(0)[0]                  return _evaluate__parse_expr(tokens, 0)[0]

Each call passes the variables' values at the time of the call, which is what a Python closure
reads then; containers are passed by reference, so changes through them are shared.  Bodies
that assign an enclosing variable (`nonlocal`) or use a nested function as a value are left to
the closure path."""
from __future__ import annotations

import ast
import copy


def rewrite(tree: ast.Module, file: str) -> list:
    """Lift the nested functions of `tree`'s functions (and methods) where needed (in place)."""
    body = []
    for stmt in tree.body:
        if isinstance(stmt, ast.FunctionDef):
            body += _lifted(stmt, stmt.name) + [stmt]
        elif isinstance(stmt, ast.ClassDef):
            for m in stmt.body:
                if isinstance(m, ast.FunctionDef):
                    body += _lifted(m, f"{stmt.name}_{m.name}")
            body.append(stmt)
        else:
            body.append(stmt)
    tree.body = body
    return []


def _assigned(fn: ast.FunctionDef) -> set[str]:
    """The local names of `fn`: parameters and names it binds (not inside nested defs)."""
    a = fn.args
    names = {p.arg for p in a.posonlyargs + a.args + a.kwonlyargs}
    names |= {p.arg for p in (a.vararg, a.kwarg) if p is not None}
    for node in _own_nodes(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node is not fn:
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {a.asname or a.name.partition(".")[0] for a in node.names}
    return names


def _own_nodes(fn: ast.FunctionDef):
    """The nodes of `fn`'s body, not descending into nested functions and lambdas."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.Lambda)):
            continue
        stack.extend(ast.iter_child_nodes(node))


def _lifted(outer: ast.FunctionDef, prefix: str) -> list[ast.FunctionDef]:
    nested = [s for s in outer.body if isinstance(s, ast.FunctionDef)]
    if len(nested) < 2:
        return []
    order = {f.name: k for k, f in enumerate(nested)}
    forward = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and order.get(n.func.id, -1) > k
                  for k, f in enumerate(nested) for n in ast.walk(f))
    if not forward or len(order) != len(nested):
        return []
    names = set(order)
    if any(isinstance(node, (ast.Nonlocal, ast.Global)) for node in ast.walk(outer)):
        return []
    if any(isinstance(x, (ast.FunctionDef, ast.Lambda, ast.ClassDef)) and x is not f
           for f in nested for x in ast.walk(f)):
        return []       # deeper nesting: the closure path
    # every use of a nested name must be a direct call
    calls = {id(n.func) for n in ast.walk(outer) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    if any(isinstance(n, ast.Name) and n.id in names and id(n) not in calls for n in ast.walk(outer)):
        return []
    if any(f.decorator_list or f.args.vararg or f.args.kwarg or f.args.kwonlyargs or f.args.posonlyargs
           for f in nested):
        return []
    enclosing = _assigned(outer) - names
    captured = {}
    for f in nested:
        own = _assigned(f)
        reads = {n.id for n in ast.walk(f) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        captured[f.name] = sorted((reads & enclosing) - own)
    # a sibling's captured variables travel with the calls of it
    changed = True
    while changed:
        changed = False
        for f in nested:
            for n in ast.walk(f):
                if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in names:
                    if set(captured[n.func.id]) & _assigned(f):
                        return []       # `f`'s own `v` would be passed for the enclosing one the callee reads
                    extra = [v for v in captured[n.func.id] if v not in captured[f.name]]
                    if extra:
                        captured[f.name] = sorted(set(captured[f.name]) | set(extra))
                        changed = True
    lifted_name = {f.name: f"_{prefix}__{f.name}" for f in nested}

    class Calls(ast.NodeTransformer):
        def visit_Call(self, node: ast.Call):
            self.generic_visit(node)
            if isinstance(node.func, ast.Name) and node.func.id in names:
                extra = [ast.copy_location(ast.Name(v, ast.Load()), node) for v in captured[node.func.id]]
                node.func = ast.copy_location(ast.Name(lifted_name[node.func.id], ast.Load()), node.func)
                node.args = extra + node.args
            return node

    out = []
    for f in nested:
        g = copy.deepcopy(f)
        g.name = lifted_name[f.name]
        g.args.args = [ast.copy_location(ast.arg(v), f) for v in captured[f.name]] + g.args.args
        g.body = [Calls().visit(s) for s in g.body]
        out.append(ast.fix_missing_locations(g))
    outer.body = [Calls().visit(s) for s in outer.body if not isinstance(s, ast.FunctionDef) or s.name not in names]
    return out
