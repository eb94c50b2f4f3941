"""Typing of native dicts and sets: displays, comprehensions, `d[k]`, `d[k] = v`, `del d[k]`,
`in`, methods, `len`, loops over keys, values and items (docs/language.md, "Dicts and sets").

`dict[K, V]` and `set[T]` are `types.Dict`/`types.Set`; their operations are the `dict.*`
entries of the registry (ops/dicts.py).  Keys are numbers, bools or tuples of them.  An empty
`{}`/`set()` gets its types from its first store (frontend/lists.py's inference: `decide`).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.frontend import lists
from fastext.compiler.types import BOOL, I64, Dict, Scalar, Set, Unknown, article
from fastext.compiler.diagnostics import FxSyntaxError

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

DICT_METHODS = ("get", "setdefault", "pop", "keys", "values", "items", "clear", "copy", "update")
SET_METHODS = ("add", "discard", "remove", "clear", "copy", "update")


def _op(t: T.Type, span, name: str, args: list[ir.Expr], **attrs) -> ir.Intrinsic:
    return ir.Intrinsic(t, span, f"dict.{name}", args, attrs)


def is_table(e: ir.Expr) -> bool:
    return isinstance(e.type, (Dict, Set))


def _check_key(fc: "FunctionChecker", t: T.Type, node: ast.AST) -> None:
    ok = isinstance(t, Scalar) or t == T.STRV or isinstance(t, T.Tuple) and all(isinstance(i, Scalar) for i in t.items)
    if not ok and isinstance(t, T.Struct):
        from fastext.compiler.frontend import recordops
        ok = recordops.hashable(fc, t, node)        # a named tuple's or frozen dataclass's record
    if not ok and not isinstance(t, Unknown):
        shown = "a list" if isinstance(t, T.List) else t
        raise fc.error(node, f"dict keys and set items must be numbers, str or tuples of numbers, not {shown}",
                       "key by a str, an int (e.g. an index) or a tuple of ints")


def _unify(fc: "FunctionChecker", values: list[ir.Expr], nodes: list[ast.AST], what: str) -> tuple[T.Type, list[ir.Expr]]:
    values = [lists.as_item(v) for v in values]
    t = values[0].type
    for node, v in zip(nodes[1:], values[1:]):
        if v.type == t:
            continue
        if isinstance(t, Scalar) and isinstance(v.type, Scalar):
            t = fc.result_type(ir.Expr(t, v.span), v)
            continue
        common = lists.unify_open(fc, t, v.type)     # `{(0, 0): [1, 2], (1, 1): []}`
        if common is not None:
            t = common
            continue
        raise fc.error(node, f"{what} must have one type: {t} and {v.type}", "convert them to one type")
    return t, [fc.convert(v, t) if isinstance(t, Scalar) else
               fc.coerce(v, t, node, "the item") if isinstance(t, T.List) and v.type != t else v
               for v, node in zip(values, nodes)]


def display(fc: "FunctionChecker", node: ast.Dict) -> ir.Expr:
    span = fc.span(node)
    if any(k is None for k in node.keys):
        raise fc.error(node, "`**` in a dict display is not supported", "d.update(other) after building it")
    if not node.keys:
        return _op(Dict(lists.unknown().item, lists.unknown().item), span, "new", [])
    kt, keys = _unify(fc, [fc.expr(k) for k in node.keys], node.keys, "dict keys")
    vt, values = _unify(fc, [fc.expr(v) for v in node.values], node.values, "dict values")
    _check_key(fc, kt, node.keys[0])
    return _op(Dict(kt, vt), span, "new", [x for pair in zip(keys, values) for x in pair])


def set_display(fc: "FunctionChecker", node: ast.Set) -> ir.Expr:
    t, items = _unify(fc, [fc.expr(e) for e in node.elts], node.elts, "set items")
    _check_key(fc, t, node.elts[0])
    return _op(Set(t), fc.span(node), "new", items)


def _key(fc: "FunctionChecker", table: ir.Expr, key: ir.Expr, node: ast.AST) -> ir.Expr:
    """`key` as a key of `table` (numbers convert when exact, as Python's equal keys match)."""
    key = lists.as_item(key)
    kt = table.type.key if isinstance(table.type, Dict) else table.type.item
    if isinstance(kt, Unknown):
        _check_key(fc, key.type, node)
        lists.decide(fc, kt, key.type)
        return key
    if isinstance(kt, Scalar) and isinstance(key.type, Scalar):
        if T.can_assign(kt, key.type):
            return fc.convert(key, kt)
        raise fc.error(node, f"the keys are {kt}: {article(key.type)} key is never among them here",
                       f"convert it to {kt}, or build the table with {key.type} keys")
    if kt == T.STRV and key.type != T.STRV and not isinstance(key.type, T.ErrorType):
        raise fc.error(node, f"the keys are str: {article(key.type)} key is never among them here",
                       "convert it: str(x) (Python never finds a number equal to a str)")
    return fc.coerce(key, kt, node, "the key")


def _value(fc: "FunctionChecker", table: ir.Expr, value: ir.Expr, node: ast.AST) -> ir.Expr:
    value = lists.as_item(value)
    vt = table.type.value
    if isinstance(vt, Unknown):
        lists.decide(fc, vt, value.type)
        return value
    if isinstance(vt, Scalar) and isinstance(value.type, Scalar):
        return fc.store_value(value, vt, node)
    if isinstance(vt, T.List) and isinstance(value.type, T.List):
        return lists.coerce_list(fc, value, vt, node, "the value")
    return fc.coerce(value, vt, node, "the value")


def _open(fc: "FunctionChecker", table: ir.Expr, node: ast.AST, what: str) -> None:
    types = (table.type.key, table.type.value) if isinstance(table.type, Dict) else (table.type.item,)
    if any(isinstance(t, Unknown) for t in types):
        lists.early_use(fc, table)
        raise fc.error(node, f"{what} of an empty {'dict' if isinstance(table.type, Dict) else 'set'} whose "
                       "types are not known yet", "declare it, e.g. `d: dict[i64, f64] = {}`")


def subscript(fc: "FunctionChecker", node: ast.Subscript, table: ir.Expr) -> ir.Expr:
    if isinstance(table.type, Set):
        raise fc.error(node, "a set cannot be indexed", "test membership with `x in s`")
    if table.type.default:      # defaultdict / Counter: a missing key reads as the default
        from fastext.compiler.frontend import collections
        key = _key(fc, table, fc.expr(node.slice), node.slice)
        return collections.read(fc, node, _reload(table, fc), key)
    _open(fc, table, node, "reading an item")
    key = _key(fc, table, fc.expr(node.slice), node.slice)
    return _op(table.type.value, fc.span(node), "getitem", [table, key])


def store(fc: "FunctionChecker", target: ast.Subscript, table: ir.Expr, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
    if isinstance(table.type, Set):
        raise fc.error(target, "a set cannot be indexed", "s.add(x)")
    span = fc.span(node)
    key = _key(fc, table, fc.expr(target.slice), target.slice)
    value = _value(fc, _reload(table, fc), value, node)
    return [ir.ExprStmt(span, _op(T.NONE, span, "setitem", [_reload(table, fc), key, value]))]


def _reload(table: ir.Expr, fc: "FunctionChecker") -> ir.Expr:
    """`table` with the types decided meanwhile (a Load of a variable whose type was open)."""
    if isinstance(table, ir.Load):
        return ir.Load(table.var.type, table.span, table.var)
    return table


def augassign(fc: "FunctionChecker", node: ast.AugAssign, op: str, table: ir.Expr) -> list[ir.Stmt]:
    """`d[k] += v`: the key evaluated once; KeyError when it is missing (as Python; a
    defaultdict or Counter starts from its default)."""
    span = fc.span(node)
    pre: list[ir.Stmt] = []
    key = _key(fc, table, fc.expr(node.target.slice), node.target.slice)
    if table.type.default:
        from fastext.compiler.frontend import collections
        operand = fc.expr(node.value)
        table = collections.settle_value(fc, _reload(table, fc), operand, node)
        key = _reload(key, fc)
    else:
        _open(fc, table, node, "updating an item")
    for value in (table, key):
        if not isinstance(value, (ir.Const, ir.Load)):
            temp = fc.new_temp(value.type, node)
            pre.append(ir.Assign(span, temp, value))
            if value is table:
                table = ir.Load(value.type, span, temp)
            else:
                key = ir.Load(value.type, span, temp)
    if table.type.default:
        current = collections.read(fc, node.target, table, key)
        result = fc.binop(op, current, operand, node)
    else:
        current = _op(table.type.value, span, "getitem", [table, key])
        result = fc.binop(op, current, fc.expr(node.value), node)
    return pre + [ir.ExprStmt(span, _op(T.NONE, span, "setitem", [table, key, _value(fc, table, result, node)]))]


def delete(fc: "FunctionChecker", target: ast.Subscript, table: ir.Expr) -> list[ir.Stmt]:
    span = fc.span(target)
    if isinstance(table.type, Set):
        raise fc.error(target, "a set cannot be indexed", "s.discard(x) or s.remove(x)")
    _open(fc, table, target, "deleting an item")
    key = _key(fc, table, fc.expr(target.slice), target.slice)
    return [ir.ExprStmt(span, _op(T.NONE, span, "delitem", [table, key], kind="del"))]


def contains(fc: "FunctionChecker", value: ir.Expr, table: ir.Expr, node: ast.AST) -> ir.Expr:
    kt = table.type.key if isinstance(table.type, Dict) else table.type.item
    if isinstance(kt, Unknown):
        # nothing stored yet on this check; a later `add`/`d[k] = v` may decide the key type, and
        # then the function is checked again with it (a loop's next pass may see stored keys)
        from fastext.compiler.frontend.lists import early_use
        early_use(fc, table)
        fc.guessed_absent = True
        return ir.Const(BOOL, fc.span(node), False)
    return _op(BOOL, fc.span(node), "contains", [table, _key(fc, table, value, node)])


def method(fc: "FunctionChecker", node: ast.Call, table: ir.Expr, name: str) -> ir.Expr:
    span = fc.span(node)
    is_set = isinstance(table.type, Set)
    allowed = SET_METHODS if is_set else DICT_METHODS
    if not is_set and table.type.default == "counter" and name in ("most_common", "update", "total", "elements"):
        from fastext.compiler.frontend import collections
        return collections.counter_method(fc, node, table, name)
    if not is_set and (name == "popitem" or name == "move_to_end" and table.type.ordered):
        from fastext.compiler.frontend import collections
        return collections.ordered_method(fc, node, table, name)
    if name not in allowed:
        kind = "sets" if is_set else "dicts"
        raise fc.error(node.func, f"{kind} have no method `{name}` in .fx code", f"supported: {', '.join(allowed)}")
    if node.keywords:
        raise fc.error(node, f"{name}() takes no keyword arguments here", f"see help({'set' if is_set else 'dict'}.{name})")
    args = node.args
    if is_set and name in ("add", "discard", "remove"):
        _arity(fc, node, name, 1)
        key = _key(fc, table, fc.expr(args[0]), args[0])
        table = _reload(table, fc)
        if name == "add":
            return _op(T.NONE, span, "setitem", [table, key])
        return _op(T.NONE, span, "delitem", [table, key], kind="discard" if name == "discard" else "del")
    if name in ("clear", "copy"):
        _arity(fc, node, name, 0)
        return _op(table.type if name == "copy" else T.NONE, span, name, [table])
    if name == "update":
        _arity(fc, node, name, 1)
        return _update(fc, node, table)
    if name in ("keys", "values", "items"):
        raise fc.error(node, f"d.{name}() is supported as what a for loop, list() or sorted() iterates",
                       f"for k, v in d.items(): ...; list(d.{name}())")
    if name == "get" and len(args) == 1:
        raise fc.error(node, "d.get(k) without a default can return None, which has no native type",
                       "give a default of the value type: d.get(k, 0.0)")
    _arity(fc, node, name, (1, 2) if name == "pop" else 2)
    key = _key(fc, table, fc.expr(args[0]), args[0])
    rest = [_value(fc, _reload(table, fc), fc.expr(a), a) for a in args[1:]]
    table = _reload(table, fc)
    _open(fc, table, node, f"d.{name}()")
    return _op(table.type.value, span, "getitem", [table, key, *rest], kind=name)


def _arity(fc, node: ast.Call, name: str, counts) -> None:
    counts = counts if isinstance(counts, tuple) else (counts,)
    if len(node.args) not in counts:
        raise fc.error(node, f"{name}() takes {' or '.join(map(str, counts))} argument(s)", f"see help(dict.{name})")


def _update(fc: "FunctionChecker", node: ast.Call, table: ir.Expr) -> ir.Expr:
    """`d.update(other)` / `s.update(iterable)`: a loop of stores."""
    span = fc.span(node)
    var, assign = lists._bind(fc, table, node)
    name = ast.Name(var.name, ast.Load())
    if isinstance(table.type, Set):
        loop = ast.parse("for _x in _it:\n    _s.add(_x)").body[0]
        loop.target.id, loop.body[0].value.args[0].id = "_x$u", "_x$u"
        loop.iter, loop.body[0].value.func.value = node.args[0], name
    else:
        loop = ast.parse("for _k, _v in _it.items():\n    _d[_k] = _v").body[0]
        loop.iter.func.value = node.args[0]
        loop.target.elts[0].id, loop.target.elts[1].id = "_k$u", "_v$u"
        target = loop.body[0]
        target.targets[0].value, target.targets[0].slice.id, target.value.id = name, "_k$u", "_v$u"
    for sub in ast.walk(loop):
        ast.copy_location(sub, node)
    return ir.StmtExpr(T.NONE, span, [assign] + fc.block([loop]), ir.Const(BOOL, span, False))


def iteration(fc: "FunctionChecker", value: ir.Expr, node: ast.AST, part: str = "keys"):
    """`for k in d` / `d.keys()` / `d.values()` / `d.items()` / `for x in s`: the live entries in
    order; the size is read once (RuntimeError, as Python's, when the loop changes it)."""
    from fastext.compiler.frontend.loops import Iteration, _once
    _open(fc, value, node, "iterating")
    span = fc.span(node)
    setup: list[ir.Stmt] = []
    table = _once(fc, value, node, setup)
    setup.append(ir.ExprStmt(span, _op(T.NONE, span, "compact", [table])))
    count = _once(fc, _op(I64, span, "len", [table]), node, setup)
    kt = value.type.key if isinstance(value.type, Dict) else value.type.item

    def item(k):
        key = _op(kt, span, "key", [table, k, count])
        if part == "keys":
            return key
        val = _op(value.type.value, span, "value", [table, k, count])
        if part == "values":
            return val
        return ir.MakeTuple(T.Tuple((kt, value.type.value)), span, [key, val])
    # the loop's last step: Python's next() finds the size changed
    check = ir.ExprStmt(span, _op(kt, span, "key", [table, ir.Const(I64, span, 0), count], check_only=True))
    return Iteration(count, item, setup, after=[check])


def view_iteration(fc: "FunctionChecker", node: ast.Call):
    """`d.keys()`, `d.values()`, `d.items()` as an iterable, or None for another call."""
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr in ("keys", "values", "items") and not node.args):
        return None
    from fastext.compiler.frontend.module_containers import strdict
    if isinstance(func.value, ast.Name) and func.value.id not in fc.vars and \
            (strdict(fc, func.value) is None or func.attr == "values"):    # D.values(): a list already
        return None
    owner = fc.expr(func.value)      # a module-level dict with str keys: a dict of its items
    if not isinstance(owner.type, Dict):
        return None
    return iteration(fc, owner, node, func.attr)


def comprehension(fc: "FunctionChecker", node: ast.DictComp | ast.SetComp) -> ir.Expr:
    """`{k: v for ...}` and `{x for ...}`: a new table filled by the loops."""
    span = fc.span(node)
    if isinstance(node, ast.DictComp):
        elt = ast.copy_location(ast.Tuple([node.key, node.value], ast.Load()), node.key)
    else:
        elt = node.elt
    stmts, item = lists._checked_loops(fc, node, node.generators, elt)
    if item is None:
        return ir.Expr(T.ERROR, span)
    load = ir.Load(item.type, span, item)
    if isinstance(node, ast.DictComp):
        kt, vt = item.type.items
        _check_key(fc, kt, node.key)
        t = Dict(kt, vt)
        args = [ir.TupleGet(kt, span, load, 0), ir.TupleGet(vt, span, load, 1)]
    else:
        _check_key(fc, item.type, node.elt)
        t = Set(item.type)
        args = [load]
    out = fc.new_temp(t, node)
    lists._after_item(stmts, item, [ir.ExprStmt(span, _op(T.NONE, span, "setitem", [ir.Load(t, span, out), *args]))])
    return ir.StmtExpr(t, span, [ir.Assign(span, out, _op(t, span, "new", []))] + stmts, ir.Load(t, span, out))


def constructor(fc: "FunctionChecker", node: ast.Call, name: str) -> ir.Expr:
    """`dict()`, `set()`, `dict(d)`, `set(iterable)`."""
    span = fc.span(node)
    if node.keywords or len(node.args) > 1:
        raise fc.error(node, f"{name}() takes at most one argument here", f"{name}(), {name}(other)")
    if not node.args:
        t = Dict(lists.unknown().item, lists.unknown().item) if name == "dict" else Set(lists.unknown().item)
        return _op(t, span, "new", [])
    arg = node.args[0]
    if name == "dict" and not isinstance(arg, ast.Name) or name == "dict" and \
            isinstance(getattr(fc.vars.get(arg.id), "type", None), lists.List):
        # `dict(zip(keys, values))`, `dict(pairs)`, `dict((k, f(k)) for k in ks)`: the pairs in
        # order, later keys winning, as the comprehension `{k: v for k, v in ...}` means
        if isinstance(arg, ast.GeneratorExp):
            arg = ast.copy_location(ast.ListComp(arg.elt, arg.generators), arg)
        if not (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "dict"):
            k, v = ast.Name("_fx_k", ast.Load()), ast.Name("_fx_v", ast.Load())
            target = ast.Tuple([ast.Name("_fx_k", ast.Store()), ast.Name("_fx_v", ast.Store())], ast.Store())
            comp = ast.DictComp(k, v, [ast.comprehension(target, arg, [], 0)])
            for n in (k, v, target, *target.elts, comp):
                ast.copy_location(n, node)
            try:
                value = fc.expr(comp)
            except FxSyntaxError:
                value = None
            if value is not None:
                return value
            raise fc.error(arg, "dict() takes a dict, or pairs (a list of 2-tuples, zip(keys, values)) here",
                           "dict(other_dict), dict(zip(keys, values)), or a dict comprehension")
    if name == "dict":
        value = fc.expr(arg)
        if not isinstance(value.type, Dict):
            raise fc.error(arg, f"dict() of {article(value.type)} is not supported", "dict(other_dict), or a dict comprehension")
        # a plain dict, also of a defaultdict, Counter or OrderedDict (as Python's `dict(c)`)
        return _op(Dict(value.type.key, value.type.value), span, "copy", [value])
    generator = ast.copy_location(ast.SetComp(ast.Name("_", ast.Load()), [
        ast.comprehension(ast.Name("_", ast.Store()), arg, [], 0)]), arg)
    return comprehension(fc, generator)
