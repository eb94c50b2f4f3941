"""`isinstance(x, float)`, `type(x) is int` of values whose types are known when compiled.

A value of the dialect has one type for the whole function, so these tests fold to constants
(the operand is still evaluated when it is more than a name).  Python's rules hold for the
builtin classes: `bool` is a subclass of `int` (`isinstance(True, int)` is true, `type(True) is
int` is not); NumPy's sized numbers (`i32`, `f32` items of arrays) are not Python's `int` or
`float`.  Instances of the module's classes keep their run-time test (frontend/inherit.py).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.types import BOOL, ErrorType, Type

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

BUILTIN_CLASSES = ("int", "float", "complex", "bool", "str", "list", "dict", "set", "tuple", "object")


def _exact(t: Type) -> str | None:
    """The builtin class whose exact instances a value of type `t` is under plain Python."""
    if isinstance(t, T.Scalar):
        if t.is_bool:
            return "bool"
        if t.is_complex:
            return "complex" if t.nbytes == 16 else None
        if t.is_float:
            return "float" if t.nbytes == 8 else None
        if t.is_int:
            return "int" if t == T.I64 else None
        return None
    if t == T.STRV or isinstance(t, (T.Str, T.Char)):
        return "str"
    for cls, name in ((T.List, "list"), (T.Dict, "dict"), (T.Set, "set"), (T.Tuple, "tuple")):
        if isinstance(t, cls):
            return name
    return None


def _is_instance(t: Type, cls: str) -> bool | None:
    exact = _exact(t)
    if cls == "object":
        return True
    if exact is None:
        return None
    return exact == cls or (exact == "bool" and cls == "int")


def _class_names(fc: "FunctionChecker", spec: ast.expr) -> list[str] | None:
    """The builtin classes `spec` names (`float`, `(int, float)`), or None."""
    names = spec.elts if isinstance(spec, ast.Tuple) else [spec]
    if not all(isinstance(n, ast.Name) and n.id in BUILTIN_CLASSES and n.id not in fc.vars
               and fc.scope.lookup(n.id) is None for n in names):
        return None
    return [n.id for n in names]


def _folded(value: ir.Expr, result: bool, span) -> ir.Expr:
    if isinstance(value, (ir.Load, ir.Const)):
        return ir.Const(BOOL, span, result)
    return ir.StmtExpr(BOOL, span, [ir.ExprStmt(span, value)], ir.Const(BOOL, span, result))


def isinstance_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr | None:
    """`isinstance(x, float)` / `isinstance(x, (int, float))` folded; None when the classes are
    not builtin ones (the module's classes: frontend/inherit.py)."""
    if len(node.args) != 2 or node.keywords:
        return None
    classes = _class_names(fc, node.args[1])
    if classes is None:
        return None
    value = fc.expr(node.args[0])
    if isinstance(value.type, ErrorType):
        return value
    answers = [_is_instance(value.type, c) for c in classes]
    if any(a is None for a in answers):
        raise fc.error(node.args[0], f"isinstance() of {value.type}: it is no instance of a builtin class under "
                       "plain Python", "test builtin numbers (int, float, complex, bool), str and containers")
    return _folded(value, any(answers), fc.span(node))


def compare(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr | None:
    """`type(x) is int`, `type(x) == float`, `type(x) is not str` (one operator) folded."""
    if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)):
        return None
    left, right = node.left, node.comparators[0]
    if _type_call(fc, right) and not _type_call(fc, left):
        left, right = right, left
    if not _type_call(fc, left):
        return None
    classes = _class_names(fc, right)
    if classes is None or len(classes) != 1 or isinstance(right, ast.Tuple):
        return None
    value = fc.expr(left.args[0])
    if isinstance(value.type, ErrorType):
        return value
    exact = _exact(value.type)
    if exact is None:
        raise fc.error(left.args[0], f"type() of {value.type}: it is no builtin class under plain Python",
                       "compare the types of builtin numbers, str and containers")
    same = exact == classes[0]
    return _folded(value, same != isinstance(node.ops[0], (ast.IsNot, ast.NotEq)), fc.span(node))


def _type_call(fc: "FunctionChecker", node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" and \
        len(node.args) == 1 and not node.keywords and "type" not in fc.vars and fc.scope.lookup("type") is None
