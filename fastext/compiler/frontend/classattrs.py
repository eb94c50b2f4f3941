"""Class-level values that the module changes (`class Counter: instances = 0` with
`Counter.instances += 1` in `__init__`), rewritten on the module's AST before it is read.

A class-level number or str that some statement of the module assigns through the class
(`Counter.instances = ...`, `Counter.instances += 1`, `cls.instances += 1` in a classmethod,
`type(self).instances += 1` / `self.__class__.instances += 1` in a method) is Python's shared
state of the class: it becomes the module variable `Counter__instances` (frontend/module_scalars.py:
one native global, `global` declared in the functions that store it), and every reading or
writing spelling of it in the module names that variable: `Counter.instances`, and in the
methods of the class and of its subclasses `self.instances`, `cls.instances`,
`type(self).instances`, `self.__class__.instances`.  Class-level values nothing assigns stay
class constants (frontend/inherit.py).  `self.instances = v` in such a class would make an
instance attribute hiding the shared one: a located error."""
from __future__ import annotations

import ast

from fastext.compiler.builtins import EXCEPTIONS
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.astedit import located
from fastext.compiler.frontend.optionals import _own_nodes
from fastext.compiler.source import Span


def rewrite(tree: ast.Module, file: str) -> list[FxSyntaxError]:
    """Turn the changed class-level values of the module's classes into module variables (in
    place); errors are returned."""
    classes = {s.name: s for s in tree.body if isinstance(s, ast.ClassDef) and not s.decorator_list
               and not any(isinstance(b, ast.Name) and b.id in EXCEPTIONS + ("BaseException",) for b in s.bases)}
    values = {(c, name): (stmt, value) for c, node in classes.items() for stmt in node.body
              for name, value in [_class_value(stmt)] if name is not None}
    if not values:
        return []
    below = _family(classes)
    changed = {key for key in values if _assigned(tree, classes, below, *key)}
    if not changed:
        return []
    errors: list[FxSyntaxError] = []
    for c, name in sorted(changed):
        stmt, value = values[(c, name)]
        node = classes[c]
        node.body = [s for s in node.body if s is not stmt] or [located(ast.Pass(), node)]
        var = f"{c}__{name}"
        tree.body.insert(tree.body.index(node), located(ast.Assign([ast.Name(var, ast.Store())], value), stmt))
        for owner in below[c]:
            if owner != c and any(_class_value(s)[0] == name for s in classes[owner].body):
                continue        # a subclass with its own value keeps it for its methods
            for method in (m for m in classes[owner].body if isinstance(m, ast.FunctionDef)):
                try:
                    _Spellings(var, c, name, method, own=True, file=file).visit(method)
                except FxSyntaxError as e:
                    errors.append(e)
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef) or isinstance(stmt, ast.ClassDef) and stmt.name in classes:
                _Spellings(var, c, name, stmt, own=False, file=file).visit(stmt)
    for fn in ast.walk(tree):       # the functions that store one declare it `global`
        if isinstance(fn, ast.FunctionDef):
            stored = sorted({n.id for n in _own_nodes(fn.body) if isinstance(n, ast.Name) and
                             isinstance(n.ctx, ast.Store) and n.id in {f"{c}__{name}" for c, name in changed}})
            if stored:
                fn.body.insert(0, located(ast.Global(stored), fn.body[0]))
    return errors


def _class_value(stmt: ast.stmt) -> tuple[str | None, ast.expr | None]:
    """(name, value) of `name = <number or str literal>` (or `name: T = ...`) in a class body."""
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
        target, value = stmt.targets[0], stmt.value
    elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
        target, value = stmt.target, stmt.value
    else:
        return None, None
    literal = value.operand if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub) else value
    if target.id.startswith("__") or not (isinstance(literal, ast.Constant) and
                                          isinstance(literal.value, (int, float, str)) and literal.value is not ...):
        return None, None
    return target.id, value


def _family(classes: dict[str, ast.ClassDef]) -> dict[str, list[str]]:
    """Each class with the module's classes below it (itself first)."""
    parent = {c: n.bases[0].id for c, n in classes.items() if len(n.bases) == 1 and isinstance(n.bases[0], ast.Name)}
    out = {c: [c] for c in classes}
    for c in classes:
        up = parent.get(c)
        while up in out:
            out[up].append(c)
            up = parent.get(up)
    return out


def _through_class(node: ast.expr, c: str, method: ast.FunctionDef | None) -> bool:
    """`node` names the class `c`: `C`, or in a method `cls`, `type(self)`, `self.__class__`."""
    if isinstance(node, ast.Name) and node.id == c:
        return True
    if method is None or not method.args.args:
        return False
    first = method.args.args[0].arg
    if isinstance(node, ast.Name) and node.id == first and any(
            isinstance(d, ast.Name) and d.id == "classmethod" for d in method.decorator_list):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" and \
            len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id == first:
        return True
    return isinstance(node, ast.Attribute) and node.attr == "__class__" and isinstance(node.value, ast.Name) and \
        node.value.id == first


def _assigned(tree: ast.Module, classes: dict, below: dict, c: str, name: str) -> bool:
    """Whether some statement assigns `name` through the class `c` (or a method of its family)."""
    methods = {id(m): m for o in below[c] for m in classes[o].body if isinstance(m, ast.FunctionDef)}
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef):
            continue
        method = methods.get(id(fn))
        for node in _own_nodes(fn.body):
            if isinstance(node, ast.Attribute) and node.attr == name and isinstance(node.ctx, ast.Store) and \
                    _through_class(node.value, c, method):
                return True
    return False


class _Spellings(ast.NodeTransformer):
    """Every spelling of the class value `c.name` in one function (a method of the class's family
    when `own`) made the module variable `var`."""

    def __init__(self, var: str, c: str, name: str, method: ast.FunctionDef, own: bool, file: str):
        self.var, self.c, self.name, self.file = var, c, name, file
        self.method = method if own else None
        plain = not any(isinstance(d, ast.Name) and d.id in ("staticmethod", "classmethod")
                        for d in method.decorator_list)
        self.self_name = method.args.args[0].arg if own and method.args.args and plain else None

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if node.attr != self.name:
            return self.generic_visit(node)
        on_self = isinstance(node.value, ast.Name) and node.value.id == self.self_name
        if on_self and not isinstance(node.ctx, ast.Load):
            raise FxSyntaxError(Span.of(node, self.file), f"`{ast.unparse(node)} = ...` makes an instance attribute "
                                f"that hides the class attribute `{self.c}.{self.name}`, which the module changes",
                                f"change the shared value as `{self.c}.{self.name} = ...`, or rename the "
                                "instance attribute")
        if on_self or _through_class(node.value, self.c, self.method):
            return ast.copy_location(ast.Name(self.var, node.ctx), node)
        return self.generic_visit(node)
