"""Typing of Python objects in `.fx` code (docs/language.md, "Python objects and callbacks").

A parameter annotated `object` (or `list`, `dict`, `tuple`, `set`: checked at the entry
point) is a reference to the caller's object.  What native code can do with one:
`o.attr`, `o.method(args)`, `f(args)` (arguments are dialect values, boxed, or other
objects, `None` and string literals), `o[key]`, `len(o)`, `o is None`, `if o:`,
conversion to a number — explicit (`float(o)`, `int(o)`, `i32(o)`, `bool(o)`) or where a
number is needed (`x: f64 = cb(i)`, a `-> f64` return, a scalar parameter) — and
passing or returning it (`-> object`).  Everything runs through the C API with the GIL
held: a function with an object parameter never releases it.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.types import Dict, List, Set
from fastext.compiler.types import (
    BOOL, I64, OBJECT, U32, Array, Char, ErrorType, PyObj, Scalar, Str, Type, article,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

CONVERT_HINT = "convert it first: f64(o), int(o), bool(o) — or assign it to an annotated name: x: f64 = o"


def check_signature(node: ast.FunctionDef, params, ret: Type, options: dict, span_of) -> None:
    """Where objects and strings may appear in a signature; `@nogil` needs no object parameter."""
    if isinstance(ret, Char):
        raise FxSyntaxError(span_of(node.returns), "a function cannot return a character type",
                            "annotate it `-> str`")
    if options.get("nogil") and any(isinstance(t, PyObj) for _, t, _ in params):
        raise FxSyntaxError(span_of(node), f"`{node.name}` has object parameters and cannot release the GIL",
                            "remove @nogil: a function that uses Python objects keeps the GIL for the whole call")


def attribute(fc: "FunctionChecker", node: ast.Attribute, base: ir.Expr) -> ir.Expr:
    return ir.ObjAttr(OBJECT, fc.span(node), base, node.attr)


def call(fc: "FunctionChecker", node: ast.Call, target: ir.Expr, method: str | None) -> ir.Expr:
    """`target(args)` or `target.method(args)`: a call into Python, returning an object."""
    args = [argument(fc, a) for a in node.args]
    kwnames = []
    for kw in node.keywords:
        if kw.arg is None:
            raise fc.error(kw.value, "**kwargs is not supported in calls", "pass keyword arguments one by one")
        kwnames.append(kw.arg)
        args.append(argument(fc, kw.value))
    return ir.ObjCall(OBJECT, fc.span(node), target, method, args, tuple(kwnames))


def argument(fc: "FunctionChecker", node: ast.expr) -> ir.Expr:
    """An argument of a call into Python (or a key): boxed if it is a dialect value."""
    if isinstance(node, ast.Constant) and node.value is None:
        return ir.ObjConst(OBJECT, fc.span(node), None)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return ir.ObjConst(PyObj("str"), fc.span(node), node.value)
    if isinstance(node, ast.Starred):
        raise fc.error(node, "*args is not supported in calls", "pass the arguments one by one")
    value = fc.expr(node)
    return box(fc, value, node)


def _boxable(t: Type) -> bool:
    """A native container or tuple whose items can all become Python objects (no arrays)."""
    import fastext.compiler.types as T
    if isinstance(t, Scalar) or t == T.STRV:
        return True
    if isinstance(t, (T.List, T.Set)):
        return _boxable(t.item)
    if isinstance(t, T.Dict):
        return _boxable(t.key) and _boxable(t.value)
    if isinstance(t, T.Tuple):
        return all(_boxable(i) for i in t.items)
    if isinstance(t, T.Struct):      # a mutable struct is a reference to a record: not boxed here yet
        return not t.mutable and all(_boxable(ft) for _, ft in t.fields)
    return False


def box(fc: "FunctionChecker", value: ir.Expr, node: ast.AST) -> ir.Expr:
    from fastext.compiler.frontend.lists import settle
    t = settle(fc, value).type if isinstance(value.type, List) else value.type
    if isinstance(t, (PyObj, ErrorType)):
        return value
    if isinstance(t, (Scalar, Char, Str)):
        return ir.ObjBox(OBJECT, value.span, value)
    if isinstance(t, Array) and isinstance(t.dtype, Scalar):
        # a copy, as a returned array is: Python code sees the items, never the `.fx` memory
        return ir.Intrinsic(PyObj("ndarray"), value.span, "array.pyobject", [value])
    if isinstance(t, Array):
        raise fc.error(node, "arrays of structs cannot be passed to Python code from .fx code yet",
                       "pass the array from Python, or pass its items")
    if _boxable(t):      # a list, dict, set or tuple: a new Python one (lower/container_objects.py)
        return ir.ObjBox(OBJECT, value.span, value)
    from fastext.compiler.frontend.lists import early_use, open_key
    if isinstance(t, (List, Dict, Set)) and open_key(t) is not None:
        # `return "".join(path)` above the `path.append("L")` that types `path = []`: the function
        # is checked again with the type the later use decides (function.py: check_promoting)
        early_use(fc, value)
        raise fc.error(node, f"{article(t)} whose item type is not known yet cannot be passed to Python code",
                       "declare it, e.g. `xs: list[str] = []`")
    raise fc.error(node, f"{article(t)} cannot be passed to Python code", "pass numbers, characters, str or objects")


def item(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr) -> ir.Expr:
    if isinstance(node.slice, ast.Slice):      # `o[a:b:c]`: PySlice_New and Python's item lookup
        span = fc.span(node)
        parts = [ir.ObjConst(OBJECT, span, None) if part is None else argument(fc, part)
                 for part in (node.slice.lower, node.slice.upper, node.slice.step)]
        return ir.Intrinsic(OBJECT, span, "text.slice", [base, *parts])
    return ir.ObjItem(OBJECT, fc.span(node), base, [argument(fc, node.slice)])


def iteration(fc: "FunctionChecker", value: ir.Expr, node: ast.AST):
    """`for x in xs` over a `list` or `tuple` parameter: its items by index, the length taken
    once before the loop (like iterating over an array)."""
    from fastext.compiler.frontend.loops import Iteration, _once
    if value.type.check == "str":
        from fastext.compiler.frontend import text
        return text.iteration(fc, value, node)
    if value.type.check not in ("list", "tuple"):
        return Iteration(None, None, python=value)     # any other iterable: iterator_loop
    span = fc.span(node)
    setup: list[ir.Stmt] = []
    seq = _once(fc, value, node, setup)
    return Iteration(ir.ObjLen(I64, span, seq),
                     lambda k: ir.ObjItem(OBJECT, span, seq, [ir.ObjBox(OBJECT, span, k)]), setup)


def iterator_loop(fc: "FunctionChecker", node: ast.For, iterable: ir.Expr, check_body) -> list[ir.Stmt]:
    """`for x in o` over any Python iterable (a dict's keys, a set, a generator, …):

        $it = iter(o)
        while True:
            $x = next($it)          # NULL at the end
            if $x is exhausted: break
            x = $x
            <body>
    """
    if node.orelse:
        raise fc.error(node.orelse[0], "`for … else` over a Python iterable is not supported",
                       "set a flag before `break` and test it after the loop")
    span = fc.span(node)
    it = fc.new_temp(OBJECT, node)
    item = fc.new_temp(OBJECT, node)
    load_it, load_item = ir.Load(OBJECT, span, it), ir.Load(OBJECT, span, item)
    step = [ir.Assign(span, item, ir.ObjNext(OBJECT, span, load_it)),
            ir.If(span, ir.ObjExhausted(BOOL, span, load_item), [ir.Break(span)], [])]
    body = step + fc.assign_to(node.target, load_item, node) + check_body(fc, node)
    return [ir.Assign(span, it, ir.ObjIter(OBJECT, span, iterable)),
            ir.While(span, ir.Const(BOOL, span, True), body, [])]


def store(fc: "FunctionChecker", target: ast.Attribute | ast.Subscript, owner: ir.Expr, value: ir.Expr,
          node: ast.AST) -> list[ir.Stmt]:
    """`o.attr = v` / `o[key] = v`: the value boxed if it is a dialect value."""
    span = fc.span(node)
    if isinstance(owner.type, ErrorType) or isinstance(value.type, ErrorType):
        return []
    if not isinstance(owner.type, PyObj):
        raise fc.error(target, f"cannot assign to an attribute of {article(owner.type)}",
                       "only Python objects have assignable attributes in .fx code")
    boxed = box(fc, value, node)
    if isinstance(target, ast.Attribute):
        return [ir.ObjStore(span, owner, target.attr, None, boxed)]
    if isinstance(target.slice, ast.Slice):
        raise fc.error(target.slice, "assigning to a slice of a Python object is not supported in .fx code",
                       "call a method instead, or do it in Python")
    return [ir.ObjStore(span, owner, None, argument(fc, target.slice), boxed)]


def store_literal(fc: "FunctionChecker", node: ast.Assign) -> list[ir.Stmt] | None:
    """`o.name = "text"`, `d[k] = None`: a string literal or None stored into objects (None:
    not that case — the value is checked as usual, and a string is an error there)."""
    value = node.value
    if not (isinstance(value, ast.Constant) and (value.value is None or isinstance(value.value, str))):
        return None
    owners = []
    for t in node.targets:
        if not isinstance(t, (ast.Attribute, ast.Subscript)):
            return None
        owner = fc.expr(t.value)
        if not isinstance(owner.type, PyObj):
            return None
        owners.append(owner)
    literal = ir.ObjConst(OBJECT, fc.span(value), value.value)
    return [st for t, owner in zip(node.targets, owners) for st in store(fc, t, owner, literal, node)]


def contains(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr:
    """`x in o` / `x not in o` for a Python container `o`."""
    from fastext.compiler.frontend import module_containers
    if module_containers.strdict(fc, node.comparators[0]) is not None:    # `c in PAIRS`
        return module_containers.contains(fc, node)
    from fastext.compiler.frontend.funcvals import table_contains
    found = table_contains(fc, node)       # `tok in OPS` of a table of functions
    if found is not None:
        return found
    container = fc.expr(node.comparators[0])
    if isinstance(container.type, ErrorType):
        return container
    if isinstance(container.type, Str):       # a substring search in the caller's str
        container = ir.ObjBox(PyObj("str"), container.span, container)
    if isinstance(container.type, (List, Dict, Set)):     # native containers (frontend/lists.py, dicts.py)
        from fastext.compiler.frontend import dicts, lists
        found = (lists if isinstance(container.type, List) else dicts).contains(fc, fc.expr(node.left), container, node)
        return found if isinstance(node.ops[0], ast.In) else ir.UnaryOp(BOOL, found.span, "not", found)
    if not isinstance(container.type, PyObj):
        raise fc.error(node.comparators[0], f"`in` needs a Python container or a string literal on its "
                       f"right, not {container.type}", 'x in o (an object), c in "abc" (a character)')
    return ir.ObjContains(BOOL, fc.span(node), container, [argument(fc, node.left)],
                          isinstance(node.ops[0], ast.NotIn))


def explicit(fc: "FunctionChecker", node: ast.Call, t: Scalar) -> ir.Expr | None:
    """`int(o)`, `float(o)`, `bool(o)`, `i32(o)`, `f32(o)`, `complex(o)`: None if the argument
    is not an object (the caller types it)."""
    if len(node.args) != 1 or node.keywords:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant):
        return None
    value = fc.expr(arg)
    if isinstance(value.type, Char) and isinstance(node.func, ast.Name) and node.func.id in ("int", "float"):
        return _of_character(fc, node, t, value)
    if not isinstance(value.type, PyObj):
        return None
    mode = "python" if isinstance(node.func, ast.Name) and node.func.id in ("int", "float", "bool", "complex") \
        else "wrap"
    return ir.ObjConvert(t, fc.span(node), value, mode, ast.unparse(arg))


def _of_character(fc: "FunctionChecker", node: ast.Call, t: Scalar, value: ir.Expr) -> ir.Expr:
    """`int(s[i])`, `float(c)` of one character: Python's parsing of a one-character str (an ASCII
    digit read natively for `int`; anything else through CPython, with its ValueError)."""
    span = fc.span(node)
    setup: list[ir.Stmt] = []
    if not isinstance(value, ir.Load):
        temp = fc.new_temp(value.type, node)
        setup.append(ir.Assign(span, temp, value))
        value = ir.Load(value.type, span, temp)
    boxed = ir.ObjBox(PyObj("str"), span, ir.copy_expr(value))
    result: ir.Expr = ir.ObjConvert(t, span, boxed, "python", ast.unparse(node.args[0]))
    if t == I64:
        code = ir.Intrinsic(U32, span, "char.code", [value])
        digit = ir.Compare(BOOL, span, ["<=", "<="], [ir.Const(U32, span, 48), code, ir.Const(U32, span, 57)],
                           [U32, U32])
        native = ir.BinOp(I64, span, "-", ir.Cast(I64, span, ir.copy_expr(code)), ir.Const(I64, span, 48))
        result = ir.IfExp(I64, span, digit, native, result)
    return ir.StmtExpr(t, span, setup, result) if setup else result


def convert(fc: "FunctionChecker", value: ir.Expr, t: Type, node: ast.AST, what: str) -> ir.Expr:
    """An object where a `t` is needed (assignment, argument, return)."""
    if isinstance(t, Scalar) and value.type.check == "str":
        raise fc.error(node, f"{what} has type {t}, cannot take a str",
                       "convert it explicitly: int(s), float(s) (Python's parsing), or ord(c) of one character")
    if isinstance(t, Scalar):
        return ir.ObjConvert(t, value.span, value, "param", _describe(node, what))
    if isinstance(t, Str) and value.type.check == "str":    # its characters, lent for a call
        if not what.startswith("argument"):
            raise fc.error(node, f"{what} is a `str` parameter's text, which a str value cannot become",
                           "use a new name for the str value")
        return ir.Intrinsic(t, value.span, "text.view", [value])
    if isinstance(t, PyObj):
        raise fc.error(node, f"{what} must be a `{t}`, and this value may be any object",
                       f"annotate it `object` (only a `{t}` parameter is known to be a `{t}`)")
    raise fc.error(node, f"{what} has type {t}, cannot take a Python object", CONVERT_HINT)


def _describe(node: ast.AST, what: str) -> str:
    """The value's source text, or `what` (e.g. "`y`") for the target of an assignment."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return f"the value assigned to {what}"
    try:
        text = ast.unparse(node)
    except Exception:   # noqa: BLE001 - a statement node: the description alone
        return what
    return text if len(text) <= 60 else text[:57] + "..."


def to_object(fc: "FunctionChecker", value: ir.Expr, target: PyObj, node: ast.AST, what: str) -> ir.Expr:
    """A dialect value where an object is needed (`-> object`, an `object` parameter, `o: object = 1`)."""
    if target.check == "str" and isinstance(value.type, (Str, Char)):
        return ir.ObjBox(target, value.span, value)       # the caller's str object
    if target.check is not None:
        raise fc.error(node, f"{what} must be a `{target}`, got {article(value.type)}",
                       f"only a `{target}` parameter is known to be a `{target}`")
    return box(fc, value, node)


def identity(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr:
    """`o is None`, `o is not None`, `a is b` between objects."""
    if len(node.ops) != 1:
        raise fc.error(node, "`is` cannot be chained in .fx code", "split the condition with `and`")
    negate = isinstance(node.ops[0], ast.IsNot)
    left = fc.expr(node.left)
    right_node = node.comparators[0]
    right = None if isinstance(right_node, ast.Constant) and right_node.value is None else fc.expr(right_node)
    for side, n in ((left, node.left), (right, right_node)):
        if side is not None and not isinstance(side.type, (PyObj, ErrorType)):
            raise fc.error(n, f"`is` compares Python objects, not {article(side.type)}",
                           "compare numbers with == and !=")
    return ir.ObjIs(BOOL, fc.span(node), left, right, negate)


def reject_compare(fc: "FunctionChecker", operands: list[ir.Expr], node: ast.Compare) -> None:
    if any(isinstance(o.type, PyObj) for o in operands):
        raise fc.error(node, "Python objects cannot be compared with == < … in .fx code",
                       "convert first (f64(o) == 1.0, int(o) < n), or test identity: o is None, a is b")


def truth(fc: "FunctionChecker", value: ir.Expr, node: ast.AST) -> ir.Expr:
    return ir.ObjConvert(BOOL, value.span, value, "python", _describe(node, "condition"))


def reject_operand(fc: "FunctionChecker", side: ir.Expr, op: str, node: ast.AST) -> None:
    """Arithmetic on an object: a located error (Python semantics would need the C API per
    operation; the value should become a number once)."""
    if isinstance(side.type, PyObj):
        raise fc.error(node, f"unsupported operand type for {op}: a Python object", CONVERT_HINT)
    if isinstance(side.type, (Str, Char)):
        raise fc.error(node, f"unsupported operand type for {op}: {side.type}",
                       "characters are compared, not computed with: use ord(c)")


def unpack(fc: "FunctionChecker", target: ast.Tuple, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
    """`a, b = o` of a Python object (a function's tuple-or-None result, a Python call's): Python's
    unpacking — the items collected by `tuple(o)`, Python's ValueError when their count differs,
    each name bound to its item (converted when the name already has a type)."""
    span = fc.span(node)
    fc.temp_count += 1
    name = f"$unpack{fc.temp_count}"
    var = fc.declare(name, OBJECT, node)
    items = ir.ObjCall(OBJECT, span, ir.Intrinsic(PyObj("type"), span, "py.builtin", [], {"name": "tuple"}),
                       None, [value], ())
    n = len(target.elts)
    source = (f"if len(_t) > {n}:\n"
              f"    raise ValueError(\"too many values to unpack (expected {n})\")\n"
              f"if len(_t) < {n}:\n"
              f"    raise ValueError(f\"not enough values to unpack (expected {n}, got {{len(_t)}})\")\n")
    checks = ast.parse(source).body
    binds = [ast.Assign([elt], ast.Subscript(ast.Name("_t", ast.Load()), ast.Constant(k), ast.Load()))
             for k, elt in enumerate(target.elts)]
    for stmt in checks + binds:
        for sub in ast.walk(stmt):
            if isinstance(sub, ast.Name) and sub.id == "_t":
                sub.id = name       # the hidden local (a name no source can spell)
            if isinstance(sub, (ast.expr, ast.stmt)):
                ast.copy_location(sub, node)
    return [ir.Assign(span, var, items)] + fc.block(checks + binds)
