"""A local `bytearray(n)` used as a table of flags: a native list of ints instead of a Python object.

Sieves and visited-tables written for CPython use a bytearray for its compactness:
`mark = bytearray(high - low + 1)`, `mark[m - low] = 1`, `if not mark[i]:`.  A bytearray is a
Python object in `.fx` code (frontend/text.py), so each of those is a call through the C API
with boxed ints.  Where every use of the name in the function is one a list of ints answers
the same way, the function's AST is rewritten before it is checked:

    mark = bytearray(n)      ->    mark$n = n
                                   if mark$n < 0: raise ValueError("negative count")
                                   mark = [0] * mark$n

The uses that qualify: `mark[i]` read, `mark[i] = c` of an int literal from 0 to 255 (a
bytearray refuses others with ValueError, which a list would not), `len(mark)`, `sum`/`any`/
`all`/`min`/`max` of it, `for x in mark`.  Any other use (printing, passing it on, returning
it, slices, `+=` of an item, methods, another kind of assignment, a nested function or lambda
naming it, `global`) leaves the bytearray as it was.  What stays different: an IndexError says
"list index out of range" where Python says "bytearray index out of range".
"""
from __future__ import annotations

import ast

_READERS = frozenset({"len", "sum", "any", "all", "min", "max"})


def _is_bytearray_call(value: ast.expr) -> bool:
    return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "bytearray" \
        and len(value.args) == 1 and not value.keywords and \
        not isinstance(value.args[0], (ast.List, ast.Tuple, ast.ListComp, ast.GeneratorExp, ast.Starred)) and \
        not (isinstance(value.args[0], ast.Constant) and not isinstance(value.args[0].value, int))


def _qualifies(fn: ast.FunctionDef, name: str, parents: dict[int, ast.AST]) -> bool:
    for node in ast.walk(fn):
        if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return False
        if isinstance(node, (ast.FunctionDef, ast.Lambda)) and node is not fn and \
                any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node)):
            return False
        if isinstance(node, ast.arg) and node.arg == name:
            return False
        if not (isinstance(node, ast.Name) and node.id == name):
            continue
        parent = parents.get(id(node))
        if isinstance(node.ctx, ast.Store):
            if not (isinstance(parent, ast.Assign) and len(parent.targets) == 1 and parent.targets[0] is node
                    and _is_bytearray_call(parent.value)):
                return False
            continue
        if isinstance(parent, ast.Subscript) and parent.value is node and not isinstance(parent.slice, ast.Slice):
            if isinstance(parent.ctx, ast.Load):
                continue
            store = parents.get(id(parent))
            if isinstance(parent.ctx, ast.Store) and isinstance(store, ast.Assign) and len(store.targets) == 1 and \
                    isinstance(store.value, ast.Constant) and type(store.value.value) is int and \
                    0 <= store.value.value < 256:
                continue
            return False
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id in _READERS \
                and parent.args == [node] and not parent.keywords:
            continue
        if isinstance(parent, (ast.For, ast.comprehension)) and parent.iter is node:
            continue
        return False
    return True


class _Rewriter(ast.NodeTransformer):
    def __init__(self, names: set[str]):
        self.names = names

    def visit_Assign(self, node: ast.Assign):
        target = node.targets[0] if len(node.targets) == 1 else None
        if not (isinstance(target, ast.Name) and target.id in self.names and _is_bytearray_call(node.value)):
            return self.generic_visit(node)
        count = f"{target.id}$n"
        load = lambda: ast.Name(count, ast.Load())      # noqa: E731
        stmts = [ast.Assign([ast.Name(count, ast.Store())], node.value.args[0]),
                 ast.If(ast.Compare(load(), [ast.Lt()], [ast.Constant(0)]),
                        [ast.Raise(ast.Call(ast.Name("ValueError", ast.Load()), [ast.Constant("negative count")], []),
                                   None)], []),
                 ast.Assign([ast.Name(target.id, ast.Store())],
                            ast.BinOp(ast.List([ast.Constant(0)], ast.Load()), ast.Mult(), load()))]
        return [ast.fix_missing_locations(ast.copy_location(s, node)) for s in stmts]


def rewrite(fn: ast.FunctionDef) -> None:
    """Rewrite, in place, the local bytearrays of `fn` whose every use a list of ints serves."""
    candidates = {t.id for n in ast.walk(fn) if isinstance(n, ast.Assign) and _is_bytearray_call(n.value)
                  for t in n.targets if isinstance(t, ast.Name)}
    if not candidates:
        return
    from fastext.compiler.frontend.constsets import parent_map
    parents = parent_map(fn)
    names = {name for name in candidates if _qualifies(fn, name, parents)}
    if names:
        _Rewriter(names).visit(fn)
