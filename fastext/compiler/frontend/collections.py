"""`collections.defaultdict` and `collections.Counter` in `.fx` code: native dicts
(`types.Dict` with a `default` kind) whose missing keys read as a default.

* `defaultdict(int | float | bool | list | set)` or `defaultdict(lambda: 0)` (a constant): `d[k]`
  of a missing key inserts the default and returns it, as `__missing__` does — for `list`/`set`
  a new empty container, made only when the key is missing (lower/dicts.py, kind "default").
  The value type is the factory's, or decided by the first use for an int factory:
  `d[k] += 0.5` makes the values floats, as Python's would be.
* `Counter()` / `Counter(iterable)`: `c[k]` of a missing key is 0 and inserts nothing (Counter's
  `__missing__`); `c[k] += n` inserts; `most_common([n])` (sorted by count, ties in insertion
  order, as CPython's), `update(iterable)` (adds counts), `total()`.
* `OrderedDict()` / `OrderedDict(d)` / `OrderedDict(pairs)`: a native dict (already in insertion
  order) typed `ordered`, with `move_to_end(k, last=True)` (a pop and a store; `last=False` rebuilds
  the dict: O(n)) and `popitem(last=True)`, printed as `OrderedDict([(k, v), ...])` (Python 3.11's
  repr); order-sensitive `==` between two OrderedDicts is not there (compare `list(a.items())`).
Everything else is a dict's. Results go to Python as plain dicts (equal to the defaultdict or
Counter plain Python returns; docs/language.md says so).
* `deque()` / `deque(iterable)`: a native list (`types.List` with `deque` set) with `popleft`,
  `appendleft`, `extendleft` and `rotate` besides the list operations; `popleft` (a list's
  `pop(0)`) moves the start of the items instead of the items (lower/lists.py), so a queue is
  O(1) at both ends but `appendleft` (an insert at 0). To Python it is a list.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend import lists, synth
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import Span

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

NAMES = ("defaultdict", "Counter", "deque", "OrderedDict")
_FACTORIES = {"int": T.I64, "float": T.F64, "bool": T.BOOL}
_HINT = "defaultdict(int), defaultdict(float), defaultdict(list), defaultdict(set), defaultdict(lambda: 0), Counter()"


def bind_names(module, stmt: ast.ImportFrom) -> None:
    """`from collections import defaultdict, Counter` at module level."""
    for alias in stmt.names:
        span = Span.of(alias, module.scope.file) if hasattr(alias, "lineno") else module.span(stmt)
        if alias.name not in NAMES:
            module.diags.add(FxSyntaxError(span, f"collections.{alias.name} is not supported in .fx code",
                                           "supported: defaultdict, Counter, deque, OrderedDict").diagnostic)
            continue
        module.scope.names[alias.asname or alias.name] = Binding("pycollection", alias.name)


def construct(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    """`defaultdict(factory)`, `Counter()`, `Counter(iterable)`."""
    span = fc.span(node)
    if node.keywords:
        raise fc.error(node, f"{name}() takes no keyword arguments here",
                       "deque(maxlen=...) is not supported: trim it with popleft()" if name == "deque" else _HINT)
    if name == "deque":
        if len(node.args) > 1:
            raise fc.error(node, "deque() takes at most one iterable here", "deque(), deque(xs)")
        if not node.args:
            return ir.Intrinsic(T.List(lists.unknown().item, True), span, "list.empty", [], {})
        made = fc.expr(ast.copy_location(ast.Call(ast.Name("list", ast.Load()), [node.args[0]], []), node))
        if isinstance(made.type, T.List):     # a copy typed as a deque (`list(...)` may be any expression)
            return ir.Intrinsic(T.List(made.type.item, True), span, "list.copy", [made], {})
        return made
    if name == "OrderedDict":
        if len(node.args) > 1:
            raise fc.error(node, "OrderedDict() takes at most one argument here", "OrderedDict(), OrderedDict(d)")
        if not node.args:
            return ir.Intrinsic(T.Dict(lists.unknown().item, lists.unknown().item, "", True), span, "dict.new", [], {})
        made = fc.expr(ast.copy_location(ast.Call(ast.Name("dict", ast.Load()), [node.args[0]], []), node))
        if isinstance(made.type, T.Dict):
            return ir.Intrinsic(T.Dict(made.type.key, made.type.value, "", True), span, "dict.copy", [made], {})
        return made
    if name == "Counter":
        if len(node.args) > 1:
            raise fc.error(node, "Counter() takes at most one argument here", "Counter(), Counter(words)")
        t = T.Dict(lists.unknown().item, lists.unknown().item, "counter")
        empty = ir.Intrinsic(t, span, "dict.new", [], {})
        if not node.args:
            return empty
        arg = node.args[0]
        if isinstance(arg, ast.GeneratorExp):       # Counter(w[0] for w in words): the list it would give
            arg = ast.copy_location(ast.ListComp(arg.elt, arg.generators), arg)
        return synth.value(fc, "_r = _c\nfor _x in _it:\n    _r[_x] += 1\n", node,
                           values={"_c": empty, "_it": fc.expr(arg)})
    if len(node.args) != 1:
        raise fc.error(node, "defaultdict() takes its default factory here", _HINT)
    kind, value = _factory(fc, node.args[0])
    return ir.Intrinsic(T.Dict(lists.unknown().item, value, kind), span, "dict.new", [], {})


def _factory(fc: "FunctionChecker", arg: ast.expr) -> tuple[str, T.Type]:
    if isinstance(arg, ast.Lambda) and not arg.args.args and isinstance(arg.body, ast.Constant) and \
            type(arg.body.value) in (int, float, bool) and not arg.body.value:
        return type(arg.body.value).__name__, _FACTORIES[type(arg.body.value).__name__]
    if isinstance(arg, ast.Name) and fc.scope.lookup(arg.id) is None and arg.id not in fc.vars:
        if arg.id == "int":
            return "int", lists.unknown().item       # i64 unless a float is added first
        if arg.id in _FACTORIES:
            return arg.id, _FACTORIES[arg.id]
        if arg.id == "list":
            return "list", lists.unknown()
        if arg.id == "set":
            return "set", T.Set(lists.unknown().item)
    raise fc.error(arg, f"defaultdict({ast.unparse(arg)}) is not supported in .fx code",
                   f"the factories .fx code knows: {_HINT}")


def read(fc: "FunctionChecker", node: ast.AST, table: ir.Expr, key: ir.Expr) -> ir.Expr:
    """`d[k]` of a defaultdict or Counter (`key` already converted)."""
    span = fc.span(node)
    t = table.type
    if isinstance(t.value, T.Unknown):      # an int factory or a Counter read before any store: ints
        lists.decide(fc, t.value, T.I64)
        table = _retyped(fc, table)
        t = table.type
    if isinstance(t.key, T.Unknown):
        raise fc.error(node, "reading an item of an empty defaultdict whose key type is not known yet",
                       "store into it first, or declare it")
    if t.default == "counter":
        return ir.Intrinsic(t.value, span, "dict.getitem", [table, key, ir.Const(t.value, span, 0)], {"kind": "get"})
    return ir.Intrinsic(t.value, span, "dict.getitem", [table, key], {"kind": "default", "default": t.default})


def settle_value(fc: "FunctionChecker", table: ir.Expr, operand: ir.Expr, node: ast.AST) -> ir.Expr:
    """`d[k] += x` on a defaultdict(int) or Counter whose value type is still open: the type of
    `0 + x` (a float makes the values floats, as Python's would be)."""
    t = table.type
    if isinstance(t.value, T.Unknown) and isinstance(operand.type, T.Scalar) and not operand.type.is_bool:
        lists.decide(fc, t.value, T.F64 if operand.type.is_float else T.I64)
        return _retyped(fc, table)
    return table


def _retyped(fc: "FunctionChecker", table: ir.Expr) -> ir.Expr:
    t = lists.substitute(fc, table.type)
    if isinstance(table, ir.Load):
        return ir.Load(table.var.type, table.span, table.var)
    table.type = t
    return table


def counter_method(fc: "FunctionChecker", node: ast.Call, table: ir.Expr, name: str) -> ir.Expr:
    """`c.most_common([n])`, `c.update(iterable)`, `c.total()`."""
    if node.keywords:
        raise fc.error(node, f"Counter.{name}() takes no keyword arguments here", f"c.{name}(...)")
    if name == "update":
        if len(node.args) != 1:
            raise fc.error(node, "Counter.update() takes one iterable here", "c.update(words)")
        return synth.effect(fc, "for _x in _it:\n    _c[_x] += 1\n", node,
                            values={"_c": table, "_it": fc.expr(node.args[0])})
    if name == "total":
        if node.args:
            raise fc.error(node, "Counter.total() takes no arguments", "c.total()")
        return synth.value(fc, "_r = 0\nfor _v in _c.values():\n    _r += _v\n", node, values={"_c": table})
    if name == "most_common":
        if len(node.args) > 1:
            raise fc.error(node, "most_common() takes at most one argument", "c.most_common(3)")
        values = {"_c": table}
        source = "_r = sorted(_c.items(), key=lambda kv: kv[1], reverse=True)\n"
        if node.args:
            values["_n"] = fc.convert(fc.expr(node.args[0]), T.I64)
            source += "_r = _r[:max(_n, 0)]\n"
        return synth.value(fc, source, node, values=values)
    raise fc.error(node.func, f"Counter.{name}() is not supported in .fx code",
                   "supported: most_common, update, total, and the dict methods")


_ROTATE = """
_n = len(_q)
if _n > 1:
    _k = _steps % _n
    if _k != 0:
        _q[:] = _q[_n - _k:] + _q[:_n - _k]
"""


def deque_method(fc: "FunctionChecker", node: ast.Call, q: ir.Expr, name: str) -> ir.Expr:
    """`q.popleft()`, `q.appendleft(x)`, `q.extendleft(xs)`, `q.rotate(n=1)` of a deque."""
    span = fc.span(node)
    if node.keywords:
        raise fc.error(node, f"deque.{name}() takes no keyword arguments here", f"q.{name}(...)")
    want = {"popleft": 0, "appendleft": 1, "extendleft": 1, "rotate": (0, 1)}[name]
    if len(node.args) not in (want if isinstance(want, tuple) else (want,)):
        raise fc.error(node, f"deque.{name}() takes {want if not isinstance(want, tuple) else '0 or 1'} "
                       "argument(s)", f"q.{name}(...)")
    if name == "popleft":
        return lists.method(fc, ast.copy_location(ast.Call(ast.Attribute(node.func.value, "pop", ast.Load()),
                                                           [ast.copy_location(ast.Constant(0), node)], []), node),
                            q, "pop")
    if name == "appendleft":
        return lists.method(fc, ast.copy_location(ast.Call(ast.Attribute(node.func.value, "insert", ast.Load()),
                                                           [ast.copy_location(ast.Constant(0), node), node.args[0]],
                                                           []), node), q, "insert")
    if name == "extendleft":
        return synth.effect(fc, "for _x in _it:\n    _q.insert(0, _x)\n", node,
                            values={"_q": q, "_it": fc.expr(node.args[0])})
    steps = fc.convert(fc.expr(node.args[0]), T.I64) if node.args else ir.Const(T.I64, span, 1)
    return synth.effect(fc, _ROTATE, node, values={"_q": q, "_steps": steps})


def _last(fc: "FunctionChecker", node: ast.Call, name: str) -> ast.expr | None:
    """The `last=` of `move_to_end`/`popitem` (None when left out: True)."""
    last = None
    for kw in node.keywords:
        if kw.arg != "last":
            raise fc.error(node, f"OrderedDict.{name}() takes only `last=` as a keyword", f"od.{name}(..., last=False)")
        last = kw.value
    return last


_MOVE_FIRST = """
_v = _d.pop(_k)
_rest = list(_d.items())
_d.clear()
_d[_k] = _v
for _a, _b in _rest:
    _d[_a] = _b
"""

_POP_FIRST = """
if len(_d) == 0:
    raise KeyError("dictionary is empty")
for _k in _d:
    break
_r = (_k, _d.pop(_k))
"""

_POP_LAST = """
if len(_d) == 0:
    raise KeyError("dictionary is empty")
_k = list(_d)[-1]
_r = (_k, _d.pop(_k))
"""


def ordered_method(fc: "FunctionChecker", node: ast.Call, table: ir.Expr, name: str) -> ir.Expr:
    """`od.move_to_end(k, last=True)` and `od.popitem(last=True)` of an OrderedDict (`popitem()`
    of any dict: its last item, as dict.popitem).  A constant `last=` picks one code path; another
    expression is evaluated once (after the key, as Python evaluates the arguments) and tested."""
    last = _last(fc, node, name)
    constant = last is None or isinstance(last, ast.Constant) and isinstance(last.value, bool)
    if name == "popitem":
        if node.args:
            raise fc.error(node, "popitem() takes no positional arguments here", "od.popitem(last=False)")
        if last is not None and not table.type.ordered:
            raise fc.error(last, "dict.popitem() takes no `last=`", "a dict pops its last item: d.popitem()")
        first, end = _POP_FIRST, _POP_LAST
        values = {"_d": table}
    else:
        if len(node.args) != 1:
            raise fc.error(node, "move_to_end() takes the key (and `last=`)", "od.move_to_end(k)")
        first, end = _MOVE_FIRST, "_v = _d.pop(_k)\n_d[_k] = _v\n"
        values = {"_d": table, "_k": fc.expr(node.args[0])}
    if constant:
        source = end if last is None or last.value else first
    else:
        values["_last"] = fc.condition(last)
        indent = lambda text: "".join("    " + line + "\n" for line in text.strip().splitlines())   # noqa: E731
        source = "if _last:\n" + indent(end) + "else:\n" + indent(first)
    if name == "popitem":
        return synth.value(fc, source, node, values=values)
    return synth.effect(fc, source, node, values=values)
