"""Special methods of plain classes: what operators, comparisons, truth and printing call.

One table (`classes.BINARY`, `COMPARE`, `UNARY`) maps Python's spelling to the method's name;
the front end's operator entry points (expressions.py: binop, e_unaryop, e_compare, truth;
text.py: boxed; calls.py: abs, len) ask `involved` first and hand instances of plain classes
here, where each becomes a native call of the class's method (`a + b` → `Vector.__add__(a, b)`),
chosen statically from the operand types as Python would choose at run time:
`__add__` of the left operand when it is an instance that defines it, else `__radd__` of
the right one.  Without `__eq__`, `==` is identity, as for Python's objects.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.frontend.classes import BINARY, COMPARE, UNARY
from fastext.compiler.types import BOOL, STRV, Struct, Type

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

BINARY_NODES = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
                ast.Pow: "**", ast.MatMult: "@"}
SWAPPED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}


def is_instance(t: Type) -> bool:
    """Whether `t` is a plain class (its values are instances with special methods)."""
    return isinstance(t, Struct) and t.plain


def involved(*values: ir.Expr) -> bool:
    return any(is_instance(v.type) for v in values)


def method(fc: "FunctionChecker", t: Type, name: str) -> str | None:
    """The registry key of method `name` of class `t`, None when it does not define it."""
    if not is_instance(t):
        return None
    from fastext.compiler.frontend.inherit import method_key
    key = method_key(fc.scope, t, name)       # inherited, or dispatched over subclasses
    return key if key is not None and fc.scope.registry.get(key) is not None else None


def call(fc: "FunctionChecker", node: ast.AST, key: str, args: list[ir.Expr]) -> ir.Expr:
    """A native call of the method `key` with `args` (self first) already checked."""
    from fastext.compiler.frontend.calls import user_call
    fake = ast.Call(func=node, args=[], keywords=[])
    ast.copy_location(fake, node)
    fake.end_lineno, fake.end_col_offset = getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None)
    return user_call(fc, fake, key, key.rpartition(".")[2], leading=args)


def _shown(t: Type) -> str:
    return t.short_name if isinstance(t, Struct) else str(t)


def binop(fc: "FunctionChecker", op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`a + b` with an instance on either side: `a.__add__(b)`, else `b.__radd__(a)`."""
    name = BINARY.get(op)
    if name is not None:
        key = method(fc, left.type, f"__{name}__")
        if key is not None:
            return call(fc, node, key, [left, right])
        key = method(fc, right.type, f"__r{name}__")
        if key is not None:
            return call(fc, node, key, [right, left])
    owner = left.type if is_instance(left.type) else right.type
    hint = f"define `__{name}__` in class `{_shown(owner)}`" if name else "operate on the fields"
    if name and is_instance(right.type) and not is_instance(left.type):
        hint = f"define `__r{name}__` in class `{_shown(right.type)}` (called for a number on the left)"
    raise fc.error(node, f"unsupported operand type(s) for {op}: '{_shown(left.type)}' and '{_shown(right.type)}'",
                   hint)


def unary(fc: "FunctionChecker", op: ast.unaryop, value: ir.Expr, node: ast.AST) -> ir.Expr:
    """`-v`, `+v` with an instance: `__neg__` / `__pos__`."""
    spelled = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}[type(op)]
    name = UNARY.get(spelled)
    key = method(fc, value.type, f"__{name}__") if name else None
    if key is None:
        raise fc.error(node, f"bad operand type for unary {spelled}: '{_shown(value.type)}'",
                       f"define `__{name or 'invert'}__` in class `{_shown(value.type)}`")
    return call(fc, node, key, [value])


def builtin(fc: "FunctionChecker", name: str, value: ir.Expr, node: ast.AST) -> ir.Expr:
    """`abs(v)` → `__abs__`, `len(v)` → `__len__`."""
    key = method(fc, value.type, f"__{name}__")
    if key is None:
        raise fc.error(node, f"{name}() of an instance of `{_shown(value.type)}` needs `__{name}__`",
                       f"define `__{name}__` in class `{_shown(value.type)}`")
    return call(fc, node, key, [value])


def _item_method(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr, name: str, missing: str) -> str:
    """The registry key of the class's `name` (`__getitem__`/`__setitem__`) for `node`, whose
    index is not a slice; Python's TypeError text (`missing`) as a located error otherwise."""
    key = method(fc, base.type, name)
    if key is None:
        raise fc.error(node, f"'{_shown(base.type)}' object {missing}", f"define `{name}` in class `{_shown(base.type)}`")
    if isinstance(node.slice, ast.Slice):
        raise fc.error(node.slice, "slices of class instances are not supported", "pass the bounds to a method")
    return key


def getitem(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr) -> ir.Expr:
    """`q[i]` (read) with an instance: `__getitem__(i)`."""
    key = _item_method(fc, node, base, "__getitem__", "is not subscriptable")
    return call(fc, node, key, [base, fc.expr(node.slice)])


def setitem(fc: "FunctionChecker", target: ast.Subscript, base: ir.Expr, value: ir.Expr) -> list[ir.Stmt]:
    """`m[i, j] = v` with an instance: `__setitem__((i, j), v)` as a statement."""
    key = _item_method(fc, target, base, "__setitem__", "does not support item assignment")
    return [ir.ExprStmt(fc.span(target), call(fc, target, key, [base, fc.expr(target.slice), value]))]


def contains(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr:
    """`x in bag` / `x not in bag` with an instance: `bag.__contains__(x)`'s truth."""
    bag = fc.expr(node.comparators[0])
    key = method(fc, bag.type, "__contains__")
    if key is None:
        raise fc.error(node, f"argument of type '{_shown(bag.type)}' is not iterable",
                       f"define `__contains__` in class `{_shown(bag.type)}`")
    found = fc.truth(call(fc, node, key, [bag, fc.expr(node.left)]), node)
    return ir.UnaryOp(BOOL, fc.span(node), "not", found) if isinstance(node.ops[0], ast.NotIn) else found


def compare(fc: "FunctionChecker", node: ast.Compare, ops: list[str], operands: list[ir.Expr]) -> ir.Expr:
    """`a < b` (chains too, each link evaluated once as Python does) with an instance on a side."""
    if len(ops) != 1:
        raise fc.error(node, "chained comparisons of class instances are not supported",
                       "compare two at a time: `a < b and b < c`")
    return compare_pair(fc, ops[0], operands[0], operands[1], node)


def compare_pair(fc: "FunctionChecker", op: str, a: ir.Expr, b: ir.Expr, node: ast.AST) -> ir.Expr:
    """One comparison: `a.__lt__(b)`, else the reflected `b.__gt__(a)`; `!=` falls back to
    `not a.__eq__(b)`; `==`/`!=` without `__eq__` compare identity."""
    name = COMPARE[op]
    key = method(fc, a.type, f"__{name}__")
    if key is not None:
        return _as_bool(fc, call(fc, node, key, [a, b]), node)
    key = method(fc, b.type, f"__{COMPARE[SWAPPED[op]]}__")
    if key is not None:
        return _as_bool(fc, call(fc, node, key, [b, a]), node)
    span = fc.span(node)
    if op == "!=":
        eq = method(fc, a.type, "__eq__") or method(fc, b.type, "__eq__")
        if eq is not None:
            first, second = (a, b) if method(fc, a.type, "__eq__") is not None else (b, a)
            return ir.UnaryOp(BOOL, span, "not", _as_bool(fc, call(fc, node, eq, [first, second]), node))
    if op in ("==", "!="):
        a, b = _related(fc, a, b)
        if a.type == b.type:
            same = ir.Intrinsic(BOOL, span, "record.same", [a, b])
            return same if op == "==" else ir.UnaryOp(BOOL, span, "not", same)
        return ir.Const(BOOL, span, op == "!=")     # different classes: never the same object
    raise fc.error(node, f"'{op}' is not supported between instances of '{_shown(a.type)}' and '{_shown(b.type)}'",
                   f"define `__{name}__` in class `{_shown(a.type if is_instance(a.type) else b.type)}`")


def _as_bool(fc: "FunctionChecker", value: ir.Expr, node: ast.AST) -> ir.Expr:
    return fc.truth(value, node)


def truth(fc: "FunctionChecker", value: ir.Expr, node: ast.AST) -> ir.Expr:
    """`if v:`: false for None, else `__bool__`, else `__len__() != 0`, else true."""
    span = fc.span(node)
    if not isinstance(value, ir.Load):       # evaluated once: tested for None, then called
        temp = fc.new_temp(value.type, node)
        return ir.StmtExpr(BOOL, span, [ir.Assign(span, temp, value)],
                           truth(fc, ir.Load(temp.type, span, temp), node))
    present = ir.UnaryOp(BOOL, span, "not", ir.Intrinsic(BOOL, span, "record.is_none", [value]))
    for name in ("__bool__", "__len__"):
        key = method(fc, value.type, name)
        if key is not None:
            test = fc.truth(call(fc, node, key, [ir.copy_expr(value)]), node)
            return ir.BoolOp(BOOL, span, "and", [present, test])
    return present


def text(fc: "FunctionChecker", value: ir.Expr, node: ast.AST, how: str = "str") -> ir.Expr:
    """The text of an instance for `print`, `str`, f-strings (`__str__`, else `__repr__`) and
    `repr`, `!r` (`__repr__`): a `str` value."""
    names = ["__str__", "__repr__"] if how == "str" else ["__repr__"]
    for name in names:
        key = method(fc, value.type, name)
        if key is not None:
            span = fc.span(node)
            if not isinstance(value, ir.Load):     # evaluated once: tested for None, then called
                temp = fc.new_temp(value.type, node)
                return ir.StmtExpr(STRV, span, [ir.Assign(span, temp, value)],
                                   text(fc, ir.Load(temp.type, span, temp), node, how))
            none = ir.Intrinsic(BOOL, span, "record.is_none", [value])     # None prints as None
            return ir.IfExp(STRV, span, none, ir.ObjConst(STRV, span, "None"),
                            call(fc, node, key, [ir.copy_expr(value)]))
    raise fc.error(node, f"{how}() of an instance of `{_shown(value.type)}` needs `__repr__`"
                   + (" or `__str__`" if how == "str" else ""),
                   f"define `def __repr__(self) -> str:` in class `{_shown(value.type)}` (Python's default "
                   "shows the object's address, which compiled code cannot reproduce)")


# ----------------------------------------------------------------------------- None
# An instance of a plain class is a reference that may be None (`self.next = None`), as a
# Python name may: `None` is a null record pointer (`record.none`), `x is None` compares with it,
# and reading a field of None raises AttributeError as Python does (lower/structs.py).

def module_has_classes(fc: "FunctionChecker") -> bool:
    """Whether the module defines plain classes (only then is a bare `None` a value)."""
    scope = fc.module_scope
    cached = getattr(scope, "_fx_has_classes", None)
    if cached is None:
        cached = any(b.kind == "structtype" and isinstance(b.value, Struct) and b.value.plain
                     for b in scope.names.values())
        scope._fx_has_classes = cached
    return cached


def none_as(fc: "FunctionChecker", value: ir.Expr, target: Type, node: ast.AST, what: str) -> ir.Expr:
    """`None` converted to `target`: a reference to no instance of a class, else an error."""
    if is_instance(target):
        return ir.Intrinsic(target, value.span, "record.none", [])
    from fastext.compiler.types import article
    raise fc.error(node, f"{what} is {article(target)}, not None",
                   "only references to instances of classes may be None (annotate `Optional[Node]`)")


def identity(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr | None:
    """`x is None`, `x is not None`, `a is b` with instances of classes (None: not this case)."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Is, ast.IsNot)):
        return None
    left_node, right_node = node.left, node.comparators[0]
    if isinstance(left_node, ast.Constant) and left_node.value is None:
        left_node, right_node = right_node, left_node
    left = fc.expr(left_node)
    if not is_instance(left.type):
        return None
    span = fc.span(node)
    if isinstance(right_node, ast.Constant) and right_node.value is None:
        test = ir.Intrinsic(BOOL, span, "record.is_none", [left])
    else:
        right = fc.expr(right_node)
        left, right = _related(fc, left, right)
        if right.type != left.type:
            return ir.Const(BOOL, span, isinstance(node.ops[0], ast.IsNot))
        test = ir.Intrinsic(BOOL, span, "record.same", [left, right])
    return ir.UnaryOp(BOOL, span, "not", test) if isinstance(node.ops[0], ast.IsNot) else test


def _related(fc: "FunctionChecker", a: ir.Expr, b: ir.Expr) -> tuple[ir.Expr, ir.Expr]:
    """Two references as references to the nearest class both derive from (unchanged when the
    classes are unrelated: never the same object)."""
    if a.type == b.type:
        return a, b
    from fastext.compiler.frontend import inherit
    common = inherit.join(fc.scope, a.type, b.type)
    if common is None:
        return a, b
    return tuple(v if v.type == common else inherit.cast(v, common) for v in (a, b))
