"""`enum.Enum` and `enum.IntEnum` classes, rewritten on the module's AST before it is read.

An `Enum`'s members become module-level instances of a plain class (frontend/classes.py,
module_containers.py) holding `name` and `value`, printed as Python prints them
(`Color.RED`, `<Color.RED: 1>`) and compared by identity:

    class Color(Enum):          class Color:
        RED = 1           →         def __init__(self, name, value): ...
        GREEN = auto()              def __str__ / __repr__
                                Color__RED = Color("RED", 1); Color__GREEN = Color("GREEN", 2)
                                Color__members = [Color__RED, Color__GREEN]

and every `Color.RED` of the module reads `Color__RED`, `for c in Color` iterates
`Color__members`, `Color(2)` and `Color["RED"]` look a member up (ValueError / KeyError as Python
raises).  An `IntEnum`'s members are ints (Python's `IntEnum` members are ints: arithmetic,
indexing and `print` give the int), so they become int constants; `.name`/`.value` of them are
not available (docs/language.md, "Enums")."""
from __future__ import annotations

import ast
import copy

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.astedit import each_statement, located, without_imports
from fastext.compiler.source import Span


def rewrite(tree: ast.Module, file: str) -> list[FxSyntaxError]:
    """Rewrite the module's enum classes and their uses (in place); errors are returned."""
    bases = _enum_names(tree)
    if not any(bases.values()):
        return []
    enums: dict[str, tuple[str, list[tuple[str, ast.expr]]]] = {}     # class → (kind, members)

    def convert(stmt: ast.stmt) -> list[ast.stmt]:
        kind = _kind(stmt, bases) if isinstance(stmt, ast.ClassDef) else None
        if kind is None:
            return without_imports(stmt, {"enum": None}, ("enum",))
        members, methods = _members(stmt, file)
        enums[stmt.name] = (kind, members)
        return _int_constants(stmt, members) if kind == "int" else _classes(stmt, members, methods)
    errors = each_statement(tree, convert)
    _Uses(enums).visit(tree)
    return errors


def _enum_names(tree: ast.Module) -> dict[str, set]:
    names: dict[str, set] = {"Enum": set(), "IntEnum": set(), "auto": set(), "module": set()}
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "enum" and not stmt.level:
            for a in stmt.names:
                if a.name in names:
                    names[a.name].add(a.asname or a.name)
        elif isinstance(stmt, ast.Import):
            names["module"] |= {a.asname or a.name for a in stmt.names if a.name == "enum"}
    return names


def _kind(node: ast.ClassDef, names: dict) -> str | None:
    """"enum" or "int" for a class deriving from Enum / IntEnum, else None."""
    if len(node.bases) != 1:
        return None
    base = node.bases[0]
    for kind, key in (("enum", "Enum"), ("int", "IntEnum")):
        if isinstance(base, ast.Name) and base.id in names[key] or isinstance(base, ast.Attribute) and \
                base.attr == key and isinstance(base.value, ast.Name) and base.value.id in names["module"]:
            return kind
    return None


def _members(node: ast.ClassDef, file: str) -> tuple[list, list]:
    """The members `(name, value)` in order (`auto()` numbered as Python numbers it: one more
    than the last int value, from 1) and the methods."""
    members, methods, last = [], [], 0
    for stmt in node.body:
        if isinstance(stmt, ast.FunctionDef):
            methods.append(stmt)
            continue
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) or isinstance(stmt, ast.Pass):
            continue
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
            raise FxSyntaxError(Span.of(stmt, file), f"unsupported statement in enum `{node.name}`",
                                "an enum holds `NAME = value` members (constants or auto()) and methods")
        value = stmt.value
        if isinstance(value, ast.Call) and isinstance(value.func, (ast.Name, ast.Attribute)) and not value.args \
                and (getattr(value.func, "id", None) or getattr(value.func, "attr", None)) == "auto":
            value = ast.copy_location(ast.Constant(last + 1), value)
        if not (isinstance(value, ast.Constant) and isinstance(value.value, (int, float, str))):
            raise FxSyntaxError(Span.of(value, file), f"member `{stmt.targets[0].id}` of enum `{node.name}` is not "
                                "a constant", "give members number or str literals, or auto()")
        if isinstance(value.value, int):
            last = value.value
        if any(value.value == v.value and type(value.value) is type(v.value) for _, v in members):
            raise FxSyntaxError(Span.of(stmt, file), f"member `{stmt.targets[0].id}` of enum `{node.name}` repeats "
                                "another's value (an alias in Python)", "give each member its own value")
        members.append((stmt.targets[0].id, value))
    if not members:
        raise FxSyntaxError(Span.of(node, file), f"enum `{node.name}` has no members", "add `NAME = 1` lines")
    return members, methods


def member_name(cls: str, member: str) -> str:
    return f"{cls}__{member}"


def _int_constants(node: ast.ClassDef, members: list) -> list[ast.stmt]:
    return located([ast.Assign([ast.Name(member_name(node.name, m), ast.Store())], v) for m, v in members], node)


def _classes(node: ast.ClassDef, members: list, methods: list) -> list[ast.stmt]:
    src = f'''
class {node.name}:
    def __init__(self, name: str, value):
        self.name = name
        self.value = value
    def __str__(self) -> str:
        return "{node.name}." + self.name
    def __repr__(self) -> str:
        return "<{node.name}." + self.name + ": " + repr(self.value) + ">"
'''
    made = ast.parse(src).body
    made[0].body += [copy.deepcopy(m) for m in methods]
    cls = made[0].name
    for m, v in members:
        made.append(ast.Assign([ast.Name(member_name(cls, m), ast.Store())],
                               ast.Call(ast.Name(cls, ast.Load()), [ast.Constant(m), v], [])))
    made.append(ast.Assign([ast.Name(member_name(cls, "members"), ast.Store())],
                           ast.List([ast.Name(member_name(cls, m), ast.Load()) for m, _ in members], ast.Load())))
    lookup = f'''
def _{cls}__by_value(v):
    for m in {member_name(cls, "members")}:
        if m.value == v:
            return m
    raise ValueError(f"{{v!r}} is not a valid {cls}")

def _{cls}__by_name(k: str):
    for m in {member_name(cls, "members")}:
        if m.name == k:
            return m
    raise KeyError(k)
'''
    made += ast.parse(lookup).body
    for stmt in made:       # every line at the class's line: errors point at the enum
        for sub in ast.walk(stmt):
            if hasattr(sub, "lineno"):
                ast.copy_location(sub, node)
    return located(made, node)


class _Uses(ast.NodeTransformer):
    """`Color.RED` → `Color__RED`; `for c in Color` → the member list; `Color(v)`, `Color[k]`
    → the lookups; `len(Color)` / `list(Color)` of the member list."""

    def __init__(self, enums: dict):
        self.enums = enums

    def _is_enum(self, node: ast.expr, kind: str | None = None) -> bool:
        return isinstance(node, ast.Name) and node.id in self.enums and \
            (kind is None or self.enums[node.id][0] == kind)

    def _members(self, node: ast.Name) -> ast.expr:
        cls = node.id
        kind, members = self.enums[cls]
        if kind == "int":
            return ast.copy_location(ast.List([ast.Name(member_name(cls, m), ast.Load()) for m, _ in members],
                                              ast.Load()), node)
        return ast.copy_location(ast.Name(member_name(cls, "members"), ast.Load()), node)

    def visit_ClassDef(self, node):
        return self.generic_visit(node)

    def visit_Attribute(self, node: ast.Attribute):
        if self._is_enum(node.value) and isinstance(node.ctx, ast.Load) and \
                node.attr in {m for m, _ in self.enums[node.value.id][1]}:
            return ast.copy_location(ast.Name(member_name(node.value.id, node.attr), ast.Load()), node)
        return self.generic_visit(node)

    def _iterable(self, node: ast.expr) -> ast.expr:
        return self._members(node) if self._is_enum(node) else self.visit(node)

    def visit_For(self, node: ast.For):
        node.iter = self._iterable(node.iter)
        node.target = self.visit(node.target)
        node.body = [self.visit(s) for s in node.body]
        node.orelse = [self.visit(s) for s in node.orelse]
        return node

    def visit_comprehension(self, node: ast.comprehension):
        node.iter = self._iterable(node.iter)
        node.ifs = [self.visit(i) for i in node.ifs]
        return node

    def visit_Call(self, node: ast.Call):
        self.generic_visit(node)
        f = node.func
        if isinstance(f, ast.Name) and f.id in ("len", "list", "tuple", "set", "sorted", "reversed", "enumerate") \
                and len(node.args) == 1 and self._is_enum(node.args[0]):
            node.args[0] = self._members(node.args[0])
        elif self._is_enum(f, "enum") and len(node.args) == 1 and not node.keywords:     # `Color(2)`
            node.func = ast.copy_location(ast.Name(f"_{f.id}__by_value", ast.Load()), f)
        return node

    def visit_Subscript(self, node: ast.Subscript):
        self.generic_visit(node)
        if self._is_enum(node.value, "enum") and isinstance(node.ctx, ast.Load):      # `Color["RED"]`
            return ast.copy_location(ast.Call(ast.Name(f"_{node.value.id}__by_name", ast.Load()), [node.slice], []),
                                     node)
        return node
