"""Typing of `str` values (docs/language.md, "Strings").

A `str` value — a literal, a local built in the function, a `-> str` result — is an owned
reference to a Python `str` (`types.STRV`, a `PyObj`: the object machinery counts its
references and keeps the GIL).  Its operations are registry entries of `ops/text.py`, one
C-API call each, so they compute what CPython computes: `+`, `*`, `%`, comparisons, `in`,
indexing and slicing, methods, f-strings, `str()`/`repr()`/`hex()`/`int(s, 16)`/….
A `str` parameter (`types.Str`, read natively character by character) and its characters
are boxed (the caller's object itself) wherever a str value is needed.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.frontend import objects
from fastext.compiler.types import (
    BOOL, ERROR, F64, I64, OBJECT, STRV, Char, ErrorType, List, PyObj, Scalar, Str, Tuple, Type, article,
)

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

# methods of str and what they return (a str, an int, a bool, a list of str)
STR_METHODS = frozenset({
    "join", "strip", "lstrip", "rstrip", "replace", "upper", "lower", "format", "capitalize", "title",
    "center", "ljust", "rjust", "zfill", "swapcase", "casefold", "removeprefix", "removesuffix", "expandtabs"})
INT_METHODS = frozenset({"find", "rfind", "index", "rindex", "count"})
BOOL_METHODS = frozenset({
    "startswith", "endswith", "isdigit", "isalpha", "isspace", "isalnum", "isupper", "islower", "isnumeric",
    "isdecimal", "isidentifier", "isascii", "isprintable", "istitle"})
LIST_METHODS = frozenset({"split", "rsplit", "splitlines"})
OTHER_METHODS = {"encode": PyObj("bytes"), "partition": PyObj("tuple"), "rpartition": PyObj("tuple")}
CMP = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


def is_text(t: Type) -> bool:
    """A str value (a Python `str` object)."""
    return isinstance(t, PyObj) and t.check == "str"


def textual(t: Type) -> bool:
    """Anything that is a str in Python: a str value, a `str` parameter or one of its characters."""
    return is_text(t) or isinstance(t, (Str, Char))


def literal(fc: "FunctionChecker", node: ast.Constant) -> ir.Expr:
    return ir.ObjConst(STRV, fc.span(node), node.value)


def as_text(value: ir.Expr) -> ir.Expr:
    """A textual value as a str object (a `str` parameter is its caller's object)."""
    if isinstance(value.type, (Str, Char)):
        return ir.ObjBox(STRV, value.span, value)
    return value


def boxed(fc: "FunctionChecker", value: ir.Expr, node: ast.AST, how: str = "str") -> ir.Expr:
    """Any value as an object (textual ones typed `str`); an instance of a plain class as its
    text (`__str__`/`__repr__`, or `__repr__` when `how` is "repr": frontend/dunders.py)."""
    from fastext.compiler.frontend import dunders
    if dunders.involved(value):
        return dunders.text(fc, value, node, how)
    if textual(value.type):
        return as_text(value)
    source = _instances_shown(value.type)
    if source is not None:      # `print(points)`: the items' `__repr__`, joined as Python's repr joins them
        from fastext.compiler.frontend import synth
        return synth.value(fc, source, node, values={"_c": value})
    return objects.box(fc, value, node)


def _instances_shown(t: Type) -> str | None:
    """`.fx` source for the repr of a list, tuple or dict holding class instances (which
    cannot become Python objects), and of the `collections` types whose Python repr names them
    (a native deque, Counter or defaultdict boxes as a list or dict); None for other types."""
    from fastext.compiler import types as T
    from fastext.compiler.frontend.dunders import is_instance

    def holds(u: Type) -> bool:
        return is_instance(u) or isinstance(u, (T.List, T.Tuple, T.Dict)) and _instances_shown(u) is not None
    if isinstance(t, T.List) and holds(t.item):
        opening, closing = ("deque([", "])") if t.deque else ("[", "]")
        return f'_r = "{opening}" + ", ".join([repr(_x) for _x in _c]) + "{closing}"'
    if isinstance(t, T.Tuple) and any(holds(i) for i in t.items):
        items = " + \", \" + ".join(f"repr(_c[{k}])" for k in range(len(t.items)))
        return f'_r = "(" + {items} + "{"," if len(t.items) == 1 else ""})"' if t.items else '_r = "()"'
    pairs = '", ".join([repr(_k) + ": " + repr(_v) for _k, _v in _c{}])'
    if isinstance(t, T.List) and t.deque and not holds(t.item):
        return '_r = "deque([" + ", ".join([repr(_x) for _x in _c]) + "])"'
    if isinstance(t, T.Dict) and t.default == "counter":      # Counter's repr: by count, as most_common
        return '_r = ("Counter({" + ' + pairs.format(".most_common()") + ' + "})") if _c else "Counter()"'
    if isinstance(t, T.Dict) and t.default in ("int", "float", "bool", "list", "set"):
        return f'_r = "defaultdict(<class \'{t.default}\'>, {{" + ' + pairs.format(".items()") + ' + "})"'
    if isinstance(t, T.Dict) and t.ordered:     # Python 3.11's repr of an OrderedDict
        return ('_r = ("OrderedDict([" + ", ".join(["(" + repr(_k) + ", " + repr(_v) + ")" for _k, _v in _c.items()])'
                ' + "])") if _c else "OrderedDict()"')
    if isinstance(t, T.Dict) and (holds(t.key) or holds(t.value)):
        return '_r = "{" + ", ".join([repr(_k) + ": " + repr(_v) for _k, _v in _c.items()]) + "}"'
    return None


def _op(t: Type, span, opname: str, args: list[ir.Expr], **attrs) -> ir.Expr:
    return ir.Intrinsic(t, span, opname, args, attrs)


# ---------------------------------------------------------------- operators
def is_bytes(t: Type) -> bool:
    """A Python `bytes`/`bytearray` object made in the function (`b"..."`, `bytes(row)`)."""
    return isinstance(t, PyObj) and t.check in ("bytes", "bytearray")


def involved(left: ir.Expr, right: ir.Expr) -> bool:
    """Whether a binary operator is one of str's: a str value on a side, or text with text
    (or bytes: `b"%d" % n`, `b"P4" + row`, Python's own operators on the objects)."""
    if is_bytes(left.type):
        return True
    if is_text(left.type) or is_text(right.type):
        return True
    return textual(left.type) and textual(right.type)


def repeats(left: ir.Expr, right: ir.Expr) -> bool:
    """`s * n` / `n * s` of a `str` parameter or one of its characters and an int: a new str, as
    in Python (`"-" * n` of a str value is `involved` already)."""
    for text, count in ((left, right), (right, left)):
        if textual(text.type) and isinstance(count.type, Scalar) and (count.type.is_int or count.type.is_bool):
            return True
    return False


def binop(fc: "FunctionChecker", op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`a + b`, `s * n`, `fmt % x` with str operands."""
    span = fc.span(node)
    if isinstance(left.type, ErrorType) or isinstance(right.type, ErrorType):
        return ir.Expr(left.type if isinstance(left.type, ErrorType) else right.type, span)
    if is_bytes(left.type):
        return _bytes_binop(fc, op, left, right, node)
    if op == "%":
        if not textual(left.type):
            raise fc.error(node, f"unsupported operand types for %: {left.type} and str",
                           "a str goes on the left of %: \"%d items\" % n")
        return _op(STRV, span, "text.mod", [as_text(left), boxed(fc, right, node)])
    if op == "+":
        for side in (left, right):
            if not (textual(side.type) or isinstance(side.type, PyObj)):
                raise fc.error(node, f"can only concatenate str (not {article(side.type)}) to str",
                               "convert it first: s + str(x), or format it: f\"{s}{x}\"")
        both = textual(left.type) and textual(right.type)
        return _op(STRV if both else OBJECT, span, "text.add", [boxed(fc, left, node), boxed(fc, right, node)])
    if op == "*":
        text, count = (left, right) if textual(left.type) else (right, left)
        if not (isinstance(count.type, Scalar) and (count.type.is_int or count.type.is_bool)
                or isinstance(count.type, PyObj) and not is_text(count.type)):
            raise fc.error(node, f"a str can only be repeated by an integer, not {article(count.type)}",
                           "s * n with n an int")
        return _op(STRV, span, "text.mul", [boxed(fc, left, node), boxed(fc, right, node)])
    raise fc.error(node, f"unsupported operand type for {op}: str",
                   "strings support + (concatenation), * (repetition) and % (formatting)")


def _bytes_binop(fc: "FunctionChecker", op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`b"%d %d\\n" % (w, h)`, `b"P4" + row`, `b"-" * n`: Python's operators, a new bytes object."""
    span = fc.span(node)
    if op == "%":
        return _op(PyObj("bytes"), span, "text.mod", [left, boxed(fc, right, node)])
    if op == "+" and is_bytes(right.type):
        return _op(PyObj("bytes"), span, "text.add", [left, right])
    if op == "*" and isinstance(right.type, Scalar) and (right.type.is_int or right.type.is_bool):
        return _op(PyObj("bytes"), span, "text.mul", [left, boxed(fc, right, node)])
    raise fc.error(node, f"unsupported operands for {op}: bytes and {article(right.type)}",
                   "bytes support % (formatting), + (other bytes) and * (an int)")


def format_tuple(fc: "FunctionChecker", fmt: ir.Expr, node: ast.BinOp) -> ir.Expr:
    """`fmt % (a, b, …)`: the values boxed into one Python tuple (any mix of types)."""
    if isinstance(fmt.type, ErrorType):
        return fmt
    items = [boxed(fc, objects_argument(fc, e), e) for e in node.right.elts]
    tup = _op(PyObj("tuple"), fc.span(node.right), "text.tuple", items)
    if is_bytes(fmt.type):
        return _op(PyObj("bytes"), fc.span(node), "text.mod", [fmt, tup])
    return _op(STRV, fc.span(node), "text.mod", [as_text(fmt), tup])


def objects_argument(fc: "FunctionChecker", node: ast.expr) -> ir.Expr:
    if isinstance(node, ast.Starred):
        raise fc.error(node, "*args is not supported here", "pass the values one by one")
    return fc.expr(node)


# ---------------------------------------------------------------- comparisons
def _chain(fc: "FunctionChecker", node: ast.Compare, operands: list[ir.Expr]) -> ir.Expr:
    """`"W" <= s <= "Z"`: each pair compared, as Python's chained comparison (`fc.chained`)."""
    return fc.chained(node, operands, lambda pair, a, b: fc.truth(compare(fc, pair, [a, b]), pair))


def compares(nodes: list[ast.expr], operands: list[ir.Expr], ops: list[ast.cmpop]) -> bool:
    """Whether a comparison is between whole strings (Python's str comparison) rather than
    characters (native code points: frontend/strings.py)."""
    values = [o for n, o in zip(nodes, operands) if not (isinstance(n, ast.Constant) and isinstance(n.value, str))]
    if any(is_text(o.type) for o in values):
        return True
    if not values and len(ops) == 1 and any(len(n.value) != 1 for n in nodes):
        return True     # "abc" < "abd": two literals, whole strings
    if any(isinstance(n, ast.Constant) and isinstance(n.value, str) and len(n.value) != 1 for n in nodes) and \
            all(isinstance(o.type, Char) for o in values):
        return True     # c == "abc", c < "": a character beside a longer (or empty) literal, as str values
    whole = [o for o in values if isinstance(o.type, Str)]
    if not whole:
        return False
    fast = len(ops) == 1 and isinstance(ops[0], (ast.Eq, ast.NotEq)) and len(values) == 1   # s == "abc"
    return not fast


def compare(fc: "FunctionChecker", node: ast.Compare, operands: list[ir.Expr]) -> ir.Expr:
    span = fc.span(node)
    if len(node.ops) != 1:
        return _chain(fc, node, operands)
    if any(isinstance(o.type, ErrorType) for o in operands):
        return ir.Expr(next(o.type for o in operands if isinstance(o.type, ErrorType)), span)
    op = CMP.get(type(node.ops[0]))
    if op is None:
        raise fc.error(node, "unsupported comparison of strings", "== != < <= > >= and in")
    left, right = operands
    for side in operands:
        if not (textual(side.type) or isinstance(side.type, PyObj)):
            raise fc.error(node, f"cannot compare a str with {article(side.type)}",
                           "Python never finds a str equal to a number: convert one side, e.g. int(s) == n or "
                           "s == str(n)")
    return _op(BOOL, span, "text.compare", [boxed(fc, left, node), boxed(fc, right, node)], op=op)


def contains_literal(fc: "FunctionChecker", node: ast.Compare, left: ir.Expr) -> ir.Expr:
    """`sub in "literal"` for a whole string on the left (substring search)."""
    container = ir.ObjConst(STRV, fc.span(node.comparators[0]), node.comparators[0].value)
    return ir.ObjContains(BOOL, fc.span(node), container, [as_text(left)], isinstance(node.ops[0], ast.NotIn))


# ---------------------------------------------------------------- items, slices, iteration
def subscript(fc: "FunctionChecker", node: ast.Subscript, base: ir.Expr) -> ir.Expr:
    """`s[i]` (a one-character str; IndexError outside) and `s[a:b:c]` of a str value."""
    span = fc.span(node)
    text = as_text(base)
    if isinstance(node.slice, ast.Slice):
        parts = []
        for part in (node.slice.lower, node.slice.upper, node.slice.step):
            if part is None:
                parts.append(ir.ObjConst(OBJECT, span, None))
                continue
            value = fc.expr(part)
            if not (isinstance(value.type, Scalar) and (value.type.is_int or value.type.is_bool)
                    or isinstance(value.type, (PyObj, ErrorType))):
                raise fc.error(part, f"slice bounds of a str must be integers, not {value.type}", "s[1:n]")
            parts.append(objects.box(fc, value, part))
        return _op(STRV, span, "text.slice", [text, *parts])
    if isinstance(node.slice, ast.Tuple):
        raise fc.error(node.slice, "a str takes one index", "s[i] or s[a:b]")
    index = fc.index_value(node.slice)
    return ir.ObjItem(STRV, span, text, [objects.box(fc, index, node.slice)])


def iteration(fc: "FunctionChecker", value: ir.Expr, node: ast.AST):
    """`for c in s` of a str value: its characters by index (the length read once)."""
    from fastext.compiler.frontend.loops import Iteration, _once
    span = fc.span(node)
    setup: list[ir.Stmt] = []
    seq = _once(fc, value, node, setup)
    return Iteration(ir.ObjLen(I64, span, seq),
                     lambda k: ir.ObjItem(STRV, span, seq, [ir.ObjBox(OBJECT, span, k)]), setup)


# ---------------------------------------------------------------- methods
def method_call(fc: "FunctionChecker", node: ast.Call, owner: ir.Expr, name: str) -> ir.Expr:
    """`s.upper()`, `",".join(xs)`, `s.find(t)`, …: Python's method, its result typed."""
    known = STR_METHODS | INT_METHODS | BOOL_METHODS | LIST_METHODS | set(OTHER_METHODS)
    if name == "translate":
        from fastext.compiler.frontend.translate import translate
        return translate(fc, node)
    if name not in known:
        import difflib
        close = difflib.get_close_matches(name, sorted(known), n=3, cutoff=0.6)
        raise fc.error(node.func, f"str has no method `{name}` in .fx code",
                       (f"did you mean {', '.join(close)}? " if close else "") +
                       f"supported: {', '.join(sorted(known))}")
    if name == "join" and len(node.args) == 1:
        node = _join_of_nothing_yet(fc, node)
    from fastext.compiler.frontend.generators import as_listcomp
    args = [as_listcomp(fc, a) for a in node.args]
    if any(a is not b for a, b in zip(args, node.args)):
        # `",".join(str(i) for i in xs)`, `"".join(gen(n))`: the method consumes it whole, so the list it would give
        node = ast.copy_location(ast.Call(node.func, args, node.keywords), node)
    call = objects.call(fc, node, as_text(owner), name)
    text = ast.unparse(node)
    if name in STR_METHODS:
        call.type = STRV
    elif name in LIST_METHODS:
        # a native list[str] of Python's result (lower/str_items.py: from_strs)
        call.type = PyObj("list")
        return ir.Intrinsic(List(STRV), call.span, "list.from_strs", [call], {})
    elif name in ("partition", "rpartition"):
        # always three str: a native tuple of them, so `head, sep, tail = s.partition(":")`
        # unpacks into str values (each item read once from Python's tuple)
        call.type = PyObj("tuple")
        whole = fc.new_temp(call.type, node)
        items = [ir.ObjItem(STRV, call.span, ir.Load(whole.type, call.span, whole),
                            [ir.ObjBox(OBJECT, call.span, ir.Const(I64, call.span, k))]) for k in range(3)]
        return ir.StmtExpr(Tuple((STRV, STRV, STRV)), call.span, [ir.Assign(call.span, whole, call)],
                           ir.MakeTuple(Tuple((STRV, STRV, STRV)), call.span, items))
    elif name in OTHER_METHODS:
        call.type = OTHER_METHODS[name]
    elif name in INT_METHODS:
        return ir.ObjConvert(I64, call.span, call, "python", text)
    else:
        return ir.ObjConvert(BOOL, call.span, call, "python", text)
    return call


def _join_of_nothing_yet(fc: "FunctionChecker", node: ast.Call) -> ast.Call:
    """`sep.join([])` joins no items: `sep.join("")` (the same empty str, and a value Python code
    can take); `sep.join(parts)` of a local list no use has typed yet: a list of str, the only
    items `join` takes."""
    arg = node.args[0]
    if isinstance(arg, (ast.List, ast.Tuple)) and not arg.elts:
        return ast.copy_location(ast.Call(node.func, [ast.copy_location(ast.Constant(""), arg)], []), node)
    if isinstance(arg, ast.Name) and arg.id in fc.vars:
        from fastext.compiler.frontend import lists
        from fastext.compiler.types import Unknown
        t = lists.substitute(fc, fc.vars[arg.id].type)
        if isinstance(t, List) and isinstance(t.item, Unknown):
            lists.decide(fc, t.item, STRV)
    return node


# ---------------------------------------------------------------- f-strings
def fstring(fc: "FunctionChecker", node: ast.JoinedStr) -> ir.Expr:
    """`f"{x:.3f} and {s!r}"`: each field formatted as Python does (format(value, spec) after
    the !s/!r/!a conversion), the pieces joined."""
    span = fc.span(node)
    pieces: list[ir.Expr] = []
    for part in node.values:
        if isinstance(part, ast.Constant):
            pieces.append(ir.ObjConst(STRV, span, part.value))
            continue
        from fastext.compiler.frontend import dunders
        inner = fc.expr(part.value)
        value = boxed(fc, inner, part.value, "repr" if part.conversion in (114, 97) else "str")
        if isinstance(value.type, ErrorType):
            return value
        conversion = {115: "text.str", 114: "text.repr", 97: "text.ascii"}.get(part.conversion)
        if dunders.involved(inner) and conversion != "text.ascii":
            conversion = None        # already the text of `__str__` / `__repr__`
        if conversion is not None:
            value = _op(STRV, span, conversion, [value])
        if part.format_spec is not None:
            value = _op(STRV, span, "text.format", [value, fstring(fc, part.format_spec)])
        elif conversion is None:
            value = _op(STRV, span, "text.format", [value, ir.ObjConst(STRV, span, "")])
        pieces.append(value)
    if not pieces:
        return ir.ObjConst(STRV, span, "")
    if len(pieces) == 1:
        return pieces[0]
    return _op(STRV, span, "text.concat", pieces)


# ---------------------------------------------------------------- builtins
NEW_OBJECTS = {"bytearray": PyObj("bytearray"), "bytes": PyObj("bytes")}


def builtin_call(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr | None:
    """The builtins of text: `str repr ascii hex oct bin chr`, `ord`/`int`/`float`/`bool` of a
    string, `int(s, base)`, `bytes(...)`, `bytearray(...)`.  None: not one of these (the
    numeric builtins of frontend/calls.py type it)."""
    span = fc.span(node)
    if name == "format":        # format(value[, spec]): Python's format() of the boxed value
        if node.keywords or not 1 <= len(node.args) <= 2:
            raise fc.error(node, "format() takes a value and, optionally, a format spec", 'format(x, ".3e")')
        value = boxed(fc, fc.expr(node.args[0]), node.args[0])
        spec = as_text(fc.expr(node.args[1])) if len(node.args) == 2 else ir.ObjConst(STRV, span, "")
        if isinstance(value.type, ErrorType) or isinstance(spec.type, ErrorType):
            return ir.Expr(ERROR, span)
        if not textual(spec.type):
            raise fc.error(node.args[1], f"format()'s spec must be a str, not {article(spec.type)}", 'format(x, ".3e")')
        return _op(STRV, span, "text.format", [value, spec])
    if name in ("str", "repr", "ascii", "hex", "oct", "bin", "chr", "bytes", "bytearray"):
        if node.keywords:
            raise fc.error(node.keywords[0].value, f"{name}() takes no keyword arguments in .fx code",
                           "pass arguments by position")
        args = [objects_argument(fc, a) for a in node.args]
        for a in args:
            if isinstance(a.type, ErrorType):
                return a
        if name in NEW_OBJECTS:
            return ir.ObjCall(NEW_OBJECTS[name], span, _builtin(span, name), None,
                              [boxed(fc, a, n) for a, n in zip(args, node.args)], ())
        if name == "str" and not args:
            return ir.ObjConst(STRV, span, "")
        if len(args) != 1:
            raise fc.error(node, f"{name}() takes one argument in .fx code", f"{name}(x)")
        (value,) = args
        if name in ("hex", "oct", "bin", "chr") and not (
                isinstance(value.type, Scalar) and (value.type.is_int or value.type.is_bool)
                or isinstance(value.type, PyObj) and not is_text(value.type)):
            raise fc.error(node.args[0], f"{name}() needs an integer, not {article(value.type)}",
                           f"{name}(int(x))" if isinstance(value.type, Scalar) else f"{name}(n) of an int")
        if name in ("str", "repr", "ascii"):
            from fastext.compiler.frontend import dunders
            how = "str" if name == "str" else "repr"
            if (dunders.involved(value) or _instances_shown(value.type) is not None) and name != "ascii":
                return boxed(fc, value, node.args[0], how)      # the text `__str__` / `__repr__` made
            return _op(STRV, span, f"text.{name}", [boxed(fc, value, node.args[0], how)])
        if name in ("hex", "oct", "bin"):      # what the builtins do: PyNumber_ToBase
            return _op(STRV, span, "text.tobase", [boxed(fc, value, node.args[0])],
                       base={"hex": 16, "oct": 8, "bin": 2}[name])
        return ir.ObjCall(STRV, span, _builtin(span, name), None, [boxed(fc, value, node.args[0])], ())
    if name in ("int", "float", "bool", "ord") and node.args and not node.keywords:
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and not isinstance(arg.value, str):
            return None
        if name == "ord" and isinstance(arg, ast.Constant):
            return None           # ord("x"): a constant (frontend/calls.py)
        if len(node.args) == 2 and name == "int":
            value = fc.expr(arg)
            base = fc.expr(node.args[1])
            if not textual(value.type) and not isinstance(value.type, (PyObj, ErrorType)):
                raise fc.error(arg, f"int() with a base needs a str, not {article(value.type)}", "int(s, 16)")
            if textual(value.type) and isinstance(base.type, Scalar) and base.type.is_int:
                call = _op(OBJECT, span, "text.int_base", [as_text(value), fc.convert(base, I64)])
                return ir.ObjConvert(I64, span, call, "python", ast.unparse(node))
            call = ir.ObjCall(OBJECT, span, _builtin(span, "int"), None,
                              [boxed(fc, value, arg), objects.box(fc, base, node.args[1])], ())
            return ir.ObjConvert(I64, span, call, "python", ast.unparse(node))
        if len(node.args) != 1:
            return None
        value = fc.expr(arg)
        if not (is_text(value.type) or isinstance(value.type, Str)):
            return None       # numbers, characters, other objects: frontend/calls.py
        text = as_text(value)
        if name == "ord":
            call = ir.ObjCall(OBJECT, span, _builtin(span, "ord"), None, [text], ())
            return ir.ObjConvert(I64, span, call, "python", ast.unparse(node))
        t = {"int": I64, "float": F64, "bool": BOOL}[name]
        return ir.ObjConvert(t, span, text, "python", ast.unparse(arg))
    return None


def _builtin(span, name: str) -> ir.Expr:
    return _op(OBJECT, span, "py.builtin", [], name=name)
