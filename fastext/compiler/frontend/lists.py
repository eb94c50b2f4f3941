"""Typing of native lists: displays, comprehensions, indexing, slicing, methods, `in`, the
builtins over iterables (`list`, `sorted`, `sum`, `min`, `max`, `any`, `all`) and unpacking.

A list is `types.List(item)`, its operations `list.*` entries of the registry (ops/lists.py).
The item type comes from the items (`[1.0, x]`), from a declaration (`xs: list[f64] = []`), or,
for an empty list, from its first `append`/`insert`/`extend` or the declared type it is
assigned, passed or returned to (`resolve`; `finish` writes the decided type into the IR and
reports a list whose item type nothing decided).

Comprehensions and generator expressions are typed as the loops they mean (`ir.StmtExpr`):
`[e for x in xs if c]` is `$lc = []; for x in xs: if c: $lc.append(e)`, and `sum(e for x in xs)`
the same loop adding into an accumulator, so no list is built.  The loop variables get names of
their own (Python 3 keeps them out of the enclosing scope).
"""
from __future__ import annotations

import ast
import itertools
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.types import BOOL, I64, List, Scalar, Unknown, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_keys = itertools.count(1)
METHODS = ("append", "extend", "pop", "insert", "remove", "index", "count", "reverse", "sort", "clear", "copy")
DEQUE_METHODS = ("popleft", "appendleft", "extendleft", "rotate")
ITEM_KINDS = "numbers, bools, complex numbers, str, tuples, structs, arrays, lists, dicts and sets"


def _op(t: T.Type, span, name: str, args: list[ir.Expr], **attrs) -> ir.Intrinsic:
    return ir.Intrinsic(t, span, f"list.{name}", args, attrs)


def is_list(e: ir.Expr) -> bool:
    return isinstance(e.type, List)


def unknown() -> List:
    return List(Unknown(next(_keys)))


def as_item(value: ir.Expr) -> ir.Expr:
    """A value about to become an item, key or value of a container: a `str` parameter or a
    character becomes a str value (the object the container keeps: lower/kept.py)."""
    from fastext.compiler.frontend.text import as_text
    return as_text(value)


def _check_item_type(fc: "FunctionChecker", t: T.Type, node: ast.AST) -> None:
    kinds = (Scalar, T.Tuple, T.Struct, T.Array, List, T.Dict, T.Set)
    ok = (isinstance(t, kinds) or t == T.STRV) and (
        not isinstance(t, T.Tuple) or all(isinstance(i, kinds) or i == T.STRV for i in t.items))
    if not ok:
        raise fc.error(node, f"a list cannot hold {article(t)}", f"list items are {ITEM_KINDS}")


def on_cpu(fc: "FunctionChecker", node: ast.AST) -> ast.AST:
    """`node`, after checking that the function runs on the CPU (GPU code has no lists)."""
    if fc.sig.target != "cpu":
        raise fc.error(node, "GPU code cannot use lists", "pass a NumPy array, or use gpu.local/gpu.shared arrays")
    return node


# ------------------------------------------------------------------ inference of item types
def resolve(fc: "FunctionChecker", lst: ir.Expr, item: T.Type, node: ast.AST) -> ir.Expr:
    """`lst` of a list whose item type is still open: decided as `item` now."""
    if not isinstance(lst.type, List) or not isinstance(lst.type.item, Unknown):
        return lst
    _check_item_type(fc, item, node)
    decide(fc, lst.type.item, item)
    lst.type = substitute(fc, lst.type)
    return lst


def adopt(fc: "FunctionChecker", var: ir.Var, t: T.Type) -> None:
    """A container of type `t` assigned to `var`, whose container type has open parts: those
    parts are decided by `t` (`xs = []` then `xs = ys`)."""
    match(fc, var.type, t)


def match(fc: "FunctionChecker", have: T.Type, got: T.Type) -> None:
    """Decide the open parts of `have` from the same places in `got`."""
    if isinstance(have, Unknown) and not isinstance(got, Unknown):
        decide(fc, have, got)
    elif type(have) is type(got) and isinstance(have, (List, T.Set)):
        match(fc, have.item, got.item)
    elif type(have) is type(got) and isinstance(have, T.Dict):
        match(fc, have.key, got.key)
        match(fc, substitute(fc, have.value), got.value)


def settle(fc: "FunctionChecker", lst: ir.Expr) -> ir.Expr:
    """A list of literal ints whose item type no use decided yet: ints from here on (a read
    of its items needs their type)."""
    item = lst.type.item if isinstance(lst.type, List) else None
    if isinstance(item, Unknown) and item.key in fc.list_weak:
        decide(fc, item, fc.list_weak[item.key])
        lst.type = substitute(fc, lst.type)
    key = open_key(lst.type)
    while key is not None and key in fc.list_weak:      # rows of ints inside: `[[], [1, 2]]`
        decide(fc, Unknown(key), fc.list_weak[key])
        lst.type = substitute(fc, lst.type)
        key = open_key(lst.type)
    return lst


def early_use(fc: "FunctionChecker", container: ir.Expr) -> None:
    """A local container read before any use decided its item type (`primes = []`, then
    `for p in primes` before `primes.append(k)`): noted, so that the function is checked again
    with the type the later uses decide (function.py: check_promoting).  A parameter too: a
    nested function's view of the enclosing function's `seen = {}` (frontend/funcvals.py)."""
    root = container
    while isinstance(root, ir.Intrinsic) and root.name in ("dict.getitem", "list.getitem") and root.args:
        root = root.args[0]     # `t[a].get(b, 0.0)` of a dict of dicts: `t`'s type, once decided
    if isinstance(root, ir.Load):
        fc.early_reads.add(root.var.name)


def decide(fc: "FunctionChecker", open_type: Unknown, t: T.Type) -> None:
    """The open item (key, value) type `open_type` is `t` from now on: variables holding a
    container of it are retyped at once, expressions at the end (`finish`)."""
    fc.list_items[open_type.key] = t
    for var in fc.locals:
        var.type = substitute(fc, var.type)
    for var in fc.vars.values():    # parameters too: a template's `u` passed as `[1] * n` (templates.py)
        if var.is_param:
            var.type = substitute(fc, var.type)


def substitute(fc: "FunctionChecker", t: T.Type) -> T.Type:
    """`t` with every decided open type replaced."""
    if isinstance(t, Unknown):
        return substitute(fc, fc.list_items[t.key]) if t.key in fc.list_items else t
    if isinstance(t, List):
        return List(substitute(fc, t.item), t.deque)
    if isinstance(t, T.Dict):
        return T.Dict(substitute(fc, t.key), substitute(fc, t.value), t.default, t.ordered)
    if isinstance(t, T.Set):
        return T.Set(substitute(fc, t.item))
    if isinstance(t, T.Tuple):
        return T.Tuple(tuple(substitute(fc, i) for i in t.items))
    return t


def open_key(t: T.Type) -> int | None:
    """The key of an open type inside `t`, if any."""
    if isinstance(t, Unknown):
        return t.key
    for inner in (t.item,) if isinstance(t, (List, T.Set)) else (t.key, t.value) if isinstance(t, T.Dict) else \
            t.items if isinstance(t, T.Tuple) else ():
        k = open_key(inner)
        if k is not None:
            return k
    return None


def coerce_list(fc: "FunctionChecker", value: ir.Expr, target: List, node: ast.AST, what: str) -> ir.Expr:
    """A list where a `target` list is expected: an empty list of open item type takes it; a
    display or comprehension of other numbers is converted item by item; otherwise the item
    types must be equal (a list is shared, not converted)."""
    if value.type == target:
        return value
    if isinstance(value.type.item, Unknown):
        return _retype(fc, value, target)
    if isinstance(value, ir.Intrinsic) and value.name == "list.display" and all(
            T.can_assign(target.item, a.type) for a in value.args):
        return _op(target, value.span, "display", [fc.convert(a, target.item) for a in value.args])
    if isinstance(value, ir.Intrinsic) and value.name == "list.display" and isinstance(target.item, T.Struct) and \
            all(isinstance(a.type, T.Struct) and a.type.is_subclass_of(target.item) for a in value.args):
        # a new list of subclass instances as a list of their base (nothing else holds it yet)
        return _op(target, value.span, "display", [fc.coerce(a, target.item, node, what) for a in value.args])
    if isinstance(value, ir.Intrinsic) and value.name == "list.repeat" and isinstance(value.args[0], ir.Intrinsic) \
            and value.args[0].name == "list.display":
        inner = coerce_list(fc, value.args[0], target, node, what)
        return _op(target, value.span, "repeat", [inner, value.args[1]])
    if isinstance(value.type, List) and isinstance(target.item, Unknown):
        return value
    if open_key(value.type) is not None and _unify(fc, value.type, target):
        value.type = substitute(fc, value.type)     # `[[] for _ in range(n)]` as a list[list[i64]] field
        return value
    raise fc.error(node, f"{what} has type {target}, got {value.type}",
                   f"a list is shared, not converted: build it as {target} (e.g. `xs: {target} = []`)")


def _unify(fc: "FunctionChecker", have: T.Type, want: T.Type) -> bool:
    """Whether the open container type `have` can be `want` (its open parts, at any depth, decided
    as `want`'s: rows of a list of lists); decides them if so."""
    if isinstance(have, Unknown):
        if have.key in fc.list_items:
            return _unify(fc, fc.list_items[have.key], want)
        decide(fc, have, want)
        return True
    if isinstance(have, List) and isinstance(want, List):
        return _unify(fc, have.item, want.item)
    return have == want


def _retype(fc: "FunctionChecker", value: ir.Expr, target: T.Type) -> ir.Expr:
    decide(fc, value.type.item, target.item)
    value.type = target
    return value


def finish(fc: "FunctionChecker", body: list[ir.Stmt]) -> None:
    """Write the decided item types into every expression and variable (a display of ints whose
    list was decided to hold floats gets its items converted); an empty container whose types
    nothing decided is an error at its creation."""
    for key, default in fc.list_weak.items():
        if key not in fc.list_items:
            fc.list_items[key] = default
    if not fc.list_items and not any(open_key(v.type) is not None for v in fc.locals):
        return
    for e in [x for x in ir.all_exprs(body) if isinstance(x, ir.Intrinsic) and x.name == "list.display"]:
        item = substitute(fc, e.type).item if isinstance(e.type, List) else None
        if isinstance(item, Scalar) and any(a.type != item for a in e.args):
            e.args = [fc.convert(a, item) for a in e.args]
    for var in fc.locals:
        var.type = substitute(fc, var.type)
    reported = set()
    for e in ir.all_exprs(body):
        e.type = substitute(fc, e.type)
        key = open_key(e.type)
        if key is None:
            if isinstance(e, ir.Intrinsic) and e.name == "record.none" and \
                    not (isinstance(e.type, T.Struct) and e.type.plain or e.type == T.NONE):
                from fastext.compiler.diagnostics import FxSyntaxError
                fc.diags.add(FxSyntaxError(e.span, f"a list that starts as None holds {article(e.type)} later: "
                                           "its slots not yet stored would be None, which only a class "
                                           "instance's slot can be", "start it with the value the slots "
                                           "hold first, e.g. `[0] * n`").diagnostic)
                e.type = T.ERROR
            continue
        e.type = T.ERROR
        if key in reported:
            continue
        reported.add(key)
        from fastext.compiler.diagnostics import FxSyntaxError
        fc.diags.add(FxSyntaxError(e.span, "cannot tell the item type of this empty container",
                                   "declare it, e.g. `xs: list[f64] = []` or `d: dict[i64, f64] = {}`, "
                                   "or store into it first").diagnostic)


# ------------------------------------------------------------------ displays and operators
def _both_weak(fc: "FunctionChecker", a: T.Type, b: T.Type) -> bool:
    """Two lists of int literals whose item types are still open (ints unless a use decides)."""
    return isinstance(a, List) and isinstance(b, List) and isinstance(a.item, Unknown) and \
        isinstance(b.item, Unknown) and a.item.key in fc.list_weak and b.item.key in fc.list_weak


def unify_open(fc: "FunctionChecker", a: T.Type, b: T.Type) -> T.Type | None:
    """Two lists side by side in one display (rows of a list, values of a dict) where one's item
    type is still open (`[]`, or `[1, 2]` whose ints a use may make floats): the other decides it,
    and that is the type of both (None: they differ otherwise).  Ints meeting floats stay an
    error: Python keeps `[1, 2]` beside `[0.5]` as ints, which one native item type cannot."""
    if not (isinstance(a, List) and isinstance(b, List)):
        return None
    if isinstance(a.item, Unknown) and isinstance(b.item, Unknown):
        if b.item.key in fc.list_weak and a.item.key not in fc.list_weak:
            a, b = b, a         # the empty one takes the weak ints (still weak)
        decide(fc, b.item, a.item)
        return a
    for have, got in ((a, b), (b, a)):
        if isinstance(have.item, Unknown):
            weak = fc.list_weak.get(have.item.key)
            if weak is not None and got.item != weak:
                return None
            decide(fc, have.item, got.item)
            return got
    return None


def display(fc: "FunctionChecker", node: ast.List) -> ir.Expr:
    span = fc.span(node)
    items = [as_item(fc.expr(e)) for e in node.elts]
    if not items:
        return _op(unknown(), span, "empty", [])
    if all(isinstance(i, ir.Intrinsic) and i.name == "record.none" and i.type == T.NONE for i in items):
        # `[None] * n` filled later (`slots[i] = Node(...)`): a list of the class the stores decide,
        # its slots None until then (a class reference may be None; `finish` refuses other types)
        open_list = unknown()
        return _op(open_list, span, "display", [ir.Intrinsic(open_list.item, i.span, "record.none", []) for i in items])
    if all(isinstance(e, ast.Constant) and type(e.value) is int for e in node.elts) and \
            all(i.type == I64 for i in items):
        # `[0] * n`, `[1, 2]`: ints for now, floats if the list is first used as floats
        # (`u = [1] * n` then `u = times(u)` with a list[f64]): a weak item type (`settle`)
        weak = unknown()
        fc.list_weak[weak.item.key] = I64
        return _op(weak, span, "display", items)
    t = items[0].type
    for e, it in zip(node.elts[1:], items[1:]):
        if it.type == t:
            continue
        if isinstance(t, Scalar) and isinstance(it.type, Scalar):
            t = fc.result_type(ir.Expr(t, span), it)
            continue
        from fastext.compiler.frontend.inherit import join
        common = join(fc.scope, t, it.type)
        if common is not None:       # `[Sphere(...), Plane(...)]`: a list[Shape]
            t = common
            continue
        if _both_weak(fc, t, it.type):      # `[[1, 2, 3], [4, 5]]`: one open item type for all rows
            decide(fc, it.type.item, t.item)
            continue
        common = unify_open(fc, t, it.type)      # `[[1, 2], []]`, `[[], [0.5]]`
        if common is not None:
            t = common
            continue
        raise fc.error(e, f"list items must have one type: {t} and {it.type}",
                       "convert the items, e.g. float(x), or use a tuple for mixed values")
    _check_item_type(fc, t, node)
    return _op(List(t), span, "display", [fc.convert(i, t) if isinstance(t, Scalar) else
                                          fc.coerce(i, t, e, "the item") if i.type != t else i
                                          for i, e in zip(items, node.elts)])


def binop(fc: "FunctionChecker", op: str, left: ir.Expr, right: ir.Expr, node: ast.AST) -> ir.Expr:
    """`xs + ys` (a new list) and `xs * n` / `n * xs` (n copies)."""
    span = fc.span(node)
    if op == "+" and is_list(left) and is_list(right):
        if isinstance(left.type.item, Unknown):
            left = coerce_list(fc, left, right.type, node, "the left list")
        right = coerce_list(fc, right, left.type, node, "the right list") if right.type != left.type else right
        return _op(left.type, span, "concat", [left, right])
    if op == "*":
        lst, n = (left, right) if is_list(left) else (right, left)
        if is_list(lst) and isinstance(n.type, Scalar) and n.type.is_int or n.type == BOOL:
            return _op(lst.type, span, "repeat", [lst, fc.convert(n, I64)])
    raise fc.error(node, f"unsupported operand types for {op}: {left.type} and {right.type}",
                   "lists support + (another list) and * (an int)")


def contains(fc: "FunctionChecker", value: ir.Expr, lst: ir.Expr, node: ast.AST) -> ir.Expr:
    return _op(BOOL, fc.span(node), "contains", [lst, _item_value(fc, lst, value, node)])


def _item_value(fc: "FunctionChecker", lst: ir.Expr, value: ir.Expr, node: ast.AST) -> ir.Expr:
    """`value` as an item of `lst` (numbers convert as array stores do)."""
    value = as_item(value)
    item = lst.type.item
    if isinstance(item, Unknown):
        weak = fc.list_weak.get(item.key)
        if weak is not None and isinstance(value.type, Scalar):      # ints, or what they widen to
            target = T.promote(weak, value.type)
            resolve(fc, lst, target, node)
            return fc.convert(value, target)
        resolve(fc, lst, value.type, node)
        return value
    if isinstance(item, Scalar) and isinstance(value.type, Scalar):
        vt = value.type
        if vt.is_float and not item.is_float and not item.is_complex or vt.is_complex and not item.is_complex:
            raise fc.error(node, f"this list holds {item} ({lst.type}): it cannot take {article(vt)}",
                           f"build the list with items of type {vt} (e.g. `xs: list[{vt}] = []`), or convert the item")
        return fc.store_value(value, item, node)
    if isinstance(item, List) and isinstance(value.type, List):
        return coerce_list(fc, value, item, node, "the item")
    if item == T.STRV and value.type != T.STRV and not isinstance(value.type, T.ErrorType):
        raise fc.error(node, f"this list holds str ({lst.type}): it cannot take {article(value.type)}",
                       "convert it: str(x) or f\"{x}\" (Python never converts implicitly)")
    if isinstance(item, T.Struct) and isinstance(value.type, T.Struct) and isinstance(lst, ir.Load) and \
            not lst.var.is_param and not value.type.is_subclass_of(item):
        from fastext.compiler.frontend.classes import common_class
        base = common_class(item, value.type)
        if base is not None:        # `shapes = []`, a Rect appended, then a Circle: a list of their base
            fc.wants_list[lst.var.name] = List(base)
    return fc.coerce(value, item, node, "the item")


# ------------------------------------------------------------------ indexing
def _index(fc: "FunctionChecker", node: ast.expr) -> ir.Expr:
    k = fc.expr(node)
    if not (isinstance(k.type, Scalar) and (k.type.is_int or k.type.is_bool)):
        raise fc.error(node, f"list indices must be integers, not {k.type}", "use int(x)")
    return fc.convert(k, I64)


def _slice_args(fc: "FunctionChecker", s: ast.Slice, span) -> tuple[list[ir.Expr], tuple[bool, bool, bool]]:
    args, present = [], []
    for part in (s.lower, s.upper, s.step):
        present.append(part is not None)
        args.append(_index(fc, part) if part is not None else ir.Const(I64, span, 0))
    return args, tuple(present)


def subscript(fc: "FunctionChecker", node: ast.Subscript, lst: ir.Expr) -> ir.Expr:
    span = fc.span(node)
    if isinstance(node.slice, ast.Slice):
        args, present = _slice_args(fc, node.slice, span)
        if not any(present):
            return _op(lst.type, span, "copy", [lst])
        return _op(lst.type, span, "slice", [lst, *args], present=present)
    if isinstance(node.slice, ast.Tuple):
        raise fc.error(node.slice, "a list takes one index", "xs[i] or xs[a:b]; for a table, index twice: xs[i][j]")
    settle(fc, lst)
    if isinstance(lst.type.item, Unknown):
        early_use(fc, lst)
        raise fc.error(node, "indexing an empty list whose item type is not known yet",
                       "declare it, e.g. `xs: list[f64] = []`")
    return _op(lst.type.item, span, "get", [lst, _index(fc, node.slice)])


def store(fc: "FunctionChecker", target: ast.Subscript, lst: ir.Expr, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
    """`xs[i] = v` and `xs[a:b] = ys`."""
    span = fc.span(node)
    if isinstance(target.slice, ast.Slice):
        if not is_list(value):
            raise fc.error(node, f"can only assign a list to a list slice, not {article(value.type)}",
                           "xs[a:b] = [v] (or another list)")
        value = coerce_list(fc, value, lst.type, node, "the assigned list") if value.type != lst.type else value
        args, present = _slice_args(fc, target.slice, span)
        fill = _repeated_item(value)
        if fill is not None and value.type == lst.type:
            # xs[a::s] = [v] * k (the sieve's idiom): v stored k times into the slice, no list made
            return [ir.ExprStmt(span, _op(T.NONE, span, "assign_slice", [lst, *args, *fill], present=present,
                                          fill=True))]
        if isinstance(value, ir.Intrinsic) and value.name in ("list.slice", "list.copy"):
            # xs[a:b] = ys[c:d]: read from ys in place, no list in between (lower/lists.py)
            source = value.attrs.get("present", (False, False, False))
            bounds = value.args[1:] or [ir.Const(I64, span, 0)] * 3
            return [ir.ExprStmt(span, _op(T.NONE, span, "assign_slice", [lst, *args, value.args[0], *bounds],
                                          present=present, source=source))]
        return [ir.ExprStmt(span, _op(T.NONE, span, "assign_slice", [lst, *args, value], present=present))]
    k = _index(fc, target.slice)
    return [ir.ExprStmt(span, _op(T.NONE, span, "set", [lst, k, _item_value(fc, lst, value, node)]))]


def _repeated_item(value: ir.Expr) -> list[ir.Expr] | None:
    """[v, k] of `[v] * k` with a number or bool item v; None for any other list."""
    if not (isinstance(value, ir.Intrinsic) and value.name == "list.repeat"):
        return None
    src, times = value.args
    if not (isinstance(src, ir.Intrinsic) and src.name == "list.display" and len(src.args) == 1):
        return None
    item = src.args[0]
    if not (isinstance(item.type, Scalar) and not item.type.is_complex and item.type == value.type.item):
        return None
    return [item, times]


def delete(fc: "FunctionChecker", target: ast.Subscript, lst: ir.Expr) -> list[ir.Stmt]:
    """`del xs[i]` (the item popped and dropped) and `del xs[a:b]` (an empty list assigned)."""
    span = fc.span(target)
    if isinstance(target.slice, ast.Slice):
        args, present = _slice_args(fc, target.slice, span)
        empty = _op(lst.type, span, "empty", [])
        return [ir.ExprStmt(span, _op(T.NONE, span, "assign_slice", [lst, *args, empty], present=present))]
    if isinstance(settle(fc, lst).type.item, Unknown):
        raise fc.error(target, "deleting from an empty list", "the list has no items yet")
    return [ir.ExprStmt(span, _op(lst.type.item, span, "pop", [lst, _index(fc, target.slice)], message="del"))]


def augassign(fc: "FunctionChecker", node: ast.AugAssign, op: str, lst: ir.Expr) -> list[ir.Stmt]:
    """`xs[i] += v`: the index evaluated once."""
    target = node.target
    span = fc.span(node)
    if isinstance(target.slice, ast.Slice):
        raise fc.error(target, "augmented assignment to a list slice is not supported", "xs[a:b] = xs[a:b] + ys")
    pre: list[ir.Stmt] = []
    settle(fc, lst)
    k = _index(fc, target.slice)
    if not isinstance(k, (ir.Const, ir.Load)):
        temp = fc.new_temp(I64, target)
        pre.append(ir.Assign(span, temp, k))
        k = ir.Load(I64, span, temp)
    if not isinstance(lst, ir.Load):
        temp = fc.new_temp(lst.type, target)
        pre.append(ir.Assign(span, temp, lst))
        lst = ir.Load(lst.type, span, temp)
    current = _op(lst.type.item, span, "get", [lst, k])
    result = fc.binop(op, current, fc.expr(node.value), node)
    return pre + [ir.ExprStmt(span, _op(T.NONE, span, "set", [lst, k, _item_value(fc, lst, result, node)]))]


def unpack(fc: "FunctionChecker", target: ast.expr, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
    """`a, b, c = xs` / `[x, y, z] = xs`: the list's length checked, then its items assigned."""
    span = fc.span(node)
    out: list[ir.Stmt] = []
    settle(fc, value)
    if not isinstance(value, ir.Load):
        temp = fc.new_temp(value.type, node)
        out.append(ir.Assign(span, temp, value))
        value = ir.Load(value.type, span, temp)
    out.append(ir.ExprStmt(span, _op(T.NONE, span, "unpack", [value], count=len(target.elts))))
    for k, elt in enumerate(target.elts):
        out += fc.assign_to(elt, _op(value.type.item, span, "get", [value, ir.Const(I64, span, k)]), node)
    return out


# ------------------------------------------------------------------ methods
def method(fc: "FunctionChecker", node: ast.Call, lst: ir.Expr, name: str) -> ir.Expr:
    span = fc.span(node)
    shown = f"{ast.unparse(node.func)}()"
    if lst.type.deque and name in DEQUE_METHODS:
        from fastext.compiler.frontend import collections
        return collections.deque_method(fc, node, lst, name)
    if name not in METHODS:
        from fastext.compiler.frontend.suggest import did_you_mean
        import difflib
        close = difflib.get_close_matches(name, METHODS, n=3)
        raise fc.error(node.func, f"lists have no method `{name}` in .fx code",
                       did_you_mean(close) if close else f"supported: {', '.join(METHODS)}")
    keywords = {kw.arg: kw.value for kw in node.keywords}
    if keywords and not (name == "sort" and set(keywords) <= {"key", "reverse"}):
        raise fc.error(node, f"{shown} takes no keyword arguments here",
                       "xs.sort(key=f, reverse=True) takes the only keywords supported")
    arity = {"append": (1,), "extend": (1,), "pop": (0, 1), "insert": (2,), "remove": (1,), "index": (1,),
             "count": (1,)}.get(name, (0,))
    if len(node.args) not in arity:
        raise fc.error(node, f"{shown} takes {' or '.join(map(str, arity))} argument(s)", f"see help(list.{name})")
    args = node.args
    if name == "append":
        return _op(T.NONE, span, "append", [lst, _item_value(fc, lst, fc.expr(args[0]), node)])
    if name == "insert":
        k = _index(fc, args[0])
        return _op(T.NONE, span, "insert", [lst, k, _item_value(fc, lst, fc.expr(args[1]), node)])
    if name == "extend":
        other, _ = as_list(fc, args[0])
        if isinstance(lst.type.item, Unknown):
            resolve(fc, lst, other.type.item, node)
        elif other.type != lst.type:
            other = coerce_list(fc, other, lst.type, node, "the extending list")
        return _op(T.NONE, span, "extend", [lst, other])
    if isinstance(settle(fc, lst).type.item, Unknown):
        early_use(fc, lst)
        raise fc.error(node, f"{shown} of an empty list whose item type is not known yet",
                       "declare it, e.g. `xs: list[f64] = []`")
    if name == "pop":
        return _op(lst.type.item, span, "pop", [lst] + [_index(fc, a) for a in args])
    if name in ("remove", "index", "count"):
        t = T.NONE if name == "remove" else I64
        return _op(t, span, name, [lst, _item_value(fc, lst, fc.expr(args[0]), node)])
    if name == "sort":
        from fastext.compiler.frontend import listsort
        if node.args:
            raise fc.error(node, "sort() takes no positional arguments (as in Python 3)",
                           "xs.sort(key=f), xs.sort(reverse=True)")
        key, funcs = listsort.key_function(fc, keywords.get("key"))
        reverse = listsort.reverse_flag(fc, keywords.get("reverse"))
        if listsort.needs_merge(lst.type.item, key):
            if isinstance(lst.type.item, T.Struct) and not lst.type.item.plain and key is None:
                raise fc.error(node, "structs have no order: sorting them needs a key",
                               "xs.sort(key=lambda p: p.x)")
            return listsort.sort(fc, node, lst, key, funcs, reverse)
        return _op(T.NONE, span, "sort", [lst], reverse=reverse)
    return _op(lst.type if name == "copy" else T.NONE, span, name, [lst])


# ------------------------------------------------------------------ iteration
def iteration(fc: "FunctionChecker", value: ir.Expr, node: ast.AST):
    """`for x in xs`: the length read once before the loop (items read with a bounds check, so
    a list that shrinks meanwhile raises IndexError instead of reading stale items)."""
    from fastext.compiler.frontend.loops import Iteration, _once
    if isinstance(settle(fc, value).type.item, Unknown):
        early_use(fc, value)
        raise fc.error(node, "iterating over an empty list whose item type is not known yet",
                       "declare it, e.g. `xs: list[f64] = []`")
    span = fc.span(node)
    setup: list[ir.Stmt] = []
    lst = _once(fc, value, node, setup)
    return Iteration(_op(I64, span, "len", [lst]), lambda k: _op(value.type.item, span, "get", [lst, k]), setup)


# ------------------------------------------------------------------ comprehensions and builtins
class _Rename(ast.NodeTransformer):
    def __init__(self, names: dict[str, str]):
        self.names = names

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.names:
            return ast.copy_location(ast.Name(self.names[node.id], node.ctx), node)
        return node


def _loops(fc: "FunctionChecker", node: ast.AST, generators: list[ast.comprehension], elt: ast.expr,
           item_name: str) -> list[ast.stmt]:
    """The loops of a comprehension as statements whose innermost one assigns the item to
    `item_name`; loop variables renamed apart from the function's own names."""
    names: dict[str, str] = {}
    fc.comprehensions += 1
    outer: list[ast.stmt] | None = None
    inner = None
    for g in generators:
        if g.is_async:
            raise fc.error(node, "async comprehensions are not supported", "use a plain for")
        iterable = _Rename(dict(names)).visit(g.iter) if names else g.iter    # the first: the outer scope
        for sub in ast.walk(g.target):
            if isinstance(sub, ast.Name):
                names[sub.id] = f"{sub.id}${fc.comprehensions}"
        rename = _Rename(names)
        loop = ast.copy_location(ast.For(rename.visit(g.target), iterable, [], [], None), node)
        body = loop.body
        for cond in g.ifs:
            test = ast.copy_location(ast.If(rename.visit(cond), [], []), cond)
            body.append(test)
            body = test.body
        if inner is None:
            outer = [loop]
        else:
            inner.append(loop)
        inner = body
    value = _Rename(names).visit(elt)
    inner.append(ast.copy_location(ast.Assign([ast.Name(item_name, ast.Store())], value), elt))
    ast.fix_missing_locations(outer[0])
    return outer


def _checked_loops(fc: "FunctionChecker", node, generators, elt) -> tuple[list[ir.Stmt], ir.Var | None]:
    """The loops typed; the variable holding the item (None if the item had an error)."""
    import copy
    item_name = f"$item{next(_keys)}"
    before = len(fc.diags.items)
    stmts = fc.block(_loops(fc, node, copy.deepcopy(generators), copy.deepcopy(elt), item_name))
    var = fc.vars.get(item_name)
    if var is None or len(fc.diags.items) != before:
        return stmts, None
    return stmts, var


def _after_item(stmts: list[ir.Stmt], var: ir.Var, extra: list[ir.Stmt], outer: ir.ForRange | None = None,
                first: list | None = None) -> bool:
    """Insert `extra` after every assignment of `var` (in whatever nested body; an inlined generator
    assigns it once per `yield`: frontend/generators.py).  A `break` of `extra` leaves the
    outermost loop: labelled when the assignment sits in loops nested within it."""
    first = [True] if first is None else first
    found = False
    k = 0
    while k < len(stmts):
        s = stmts[k]
        if isinstance(s, ir.Assign) and s.var is var:
            added = extra if first[0] else ir.copy_expr(extra)
            first[0] = False
            if outer is not None and outer.label is not None:
                for brk in _top_breaks(added):
                    brk.label = outer.label
            stmts[k + 1:k + 1] = added
            k += len(added)
            found = True
        else:
            loop = outer
            if loop is None and isinstance(s, ir.ForRange):
                loop = s
            for body in ir.bodies(s):
                found = _after_item(body, var, extra, loop, first) or found
        k += 1
    return found


def _label_outer_loop(stmts: list[ir.Stmt]) -> bool:
    """Give the outermost loop of a fold's loops a label, so that the `break` of `any`/`all`
    leaves every loop of `any(p for a in xs for b in ys)` at once (`_after_item` labels it);
    False when that loop is not a `ForRange` (a `while` takes no label)."""
    loop = next((s for s in stmts if isinstance(s, (ir.ForRange, ir.While))), None)
    if not isinstance(loop, ir.ForRange):
        return False
    if loop.label is None:
        loop.label = f"$fold{next(_keys)}"
    return True


def _top_breaks(stmts: list[ir.Stmt]):
    for s in stmts:
        if isinstance(s, ir.Break):
            yield s
        elif isinstance(s, ir.If):
            yield from _top_breaks(s.then)
            yield from _top_breaks(s.orelse)


def comprehension(fc: "FunctionChecker", node: ast.ListComp | ast.GeneratorExp) -> ir.Expr:
    """`[e for x in xs if c]` (also `list(e for ...)`): a new list built by the loops."""
    span = fc.span(node)
    stmts, item = _checked_loops(fc, node, node.generators, node.elt)
    if item is None:
        return ir.Expr(T.ERROR, span)
    value = as_item(ir.Load(item.type, span, item))      # characters become str values
    _check_item_type(fc, value.type, node.elt)
    t = List(value.type)
    out = fc.new_temp(t, node)
    load = ir.Load(t, span, out)
    _after_item(stmts, item, [ir.ExprStmt(span, _op(T.NONE, span, "append", [load, value]))])
    loop = stmts[-1] if stmts else None
    hint = _item_bound(loop, item) if isinstance(loop, ir.ForRange) else None
    if hint is None:
        return ir.StmtExpr(t, span, [ir.Assign(span, out, _op(t, span, "empty", []))] + stmts, ir.Load(t, span, out))
    # the list is made after the loop's setup (the iterated list's temporary), with room for every item
    made = ir.Assign(span, out, _op(t, span, "empty", [hint]))
    return ir.StmtExpr(t, span, stmts[:-1] + [made, loop], ir.Load(t, span, out))


def _cheap(e: ir.Expr) -> bool:
    """`e` can be evaluated a second time before the loop evaluates it: no effects, no errors."""
    from fastext.compiler import ops
    if isinstance(e, (ir.Const, ir.Load)):
        return True
    if isinstance(e, ir.BinOp) and e.op in ("+", "-", "*"):
        return _cheap(e.left) and _cheap(e.right)
    if isinstance(e, ir.ArrayDim):
        return _cheap(e.array)
    if isinstance(e, ir.Intrinsic) and e.name == "list.len" and ops.get(e.name).pure:
        return all(_cheap(a) for a in e.args)
    return False


def _item_bound(loop: ir.ForRange, item: ir.Var) -> ir.Expr | None:
    """The number of iterations of `loop` when its body assigns the comprehension's item at most
    once per iteration (directly in its body: no `if`, no inner loop) and its bounds can be read
    again before it (a unit step); None otherwise.  The hint need not be exact (an early `break`),
    only never below the number of items: it saves the growth by doubling (one block, no copies)."""
    if not (isinstance(loop.step, ir.Const) and loop.step.value == 1 and loop.parallel is None):
        return None
    if not any(isinstance(s, ir.Assign) and s.var is item for s in loop.body):
        return None
    if loop.start.type != I64 or loop.stop.type != I64 or not (_cheap(loop.start) and _cheap(loop.stop)):
        return None
    stop = ir.copy_expr(loop.stop)
    if isinstance(loop.start, ir.Const) and loop.start.value == 0:
        return stop
    return ir.BinOp(I64, loop.stop.span, "-", stop, ir.copy_expr(loop.start))


def as_list(fc: "FunctionChecker", node: ast.expr) -> tuple[ir.Expr, bool]:
    """The items of an iterable node as a list: (the list, whether it is new) — an existing
    list as it is, a range, an array, a comprehension or any loop iterable collected."""
    span = fc.span(node)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return comprehension(fc, node), True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range" \
            and fc.scope.lookup("range") is None and "range" not in fc.vars:
        from fastext.compiler.frontend.loops import range_args
        return _op(List(I64), span, "from_range", list(range_args(fc, node))), True
    from fastext.compiler.frontend.generators import source
    if source(fc, node) is not None:       # a generator call: its loop collects the items
        return _collect(fc, node), True
    if isinstance(node, ast.Call) and (isinstance(node.func, ast.Name) and node.func.id in ("zip", "enumerate", "reversed")
                                       or isinstance(node.func, ast.Attribute) and node.func.attr in ("keys", "values", "items")):
        return _collect(fc, node), True
    value = fc.expr(node)
    if is_list(value) or isinstance(value.type, T.ErrorType):
        return value, False
    if isinstance(value.type, T.Array) and value.type.ndim == 1 and isinstance(value.type.dtype, Scalar):
        return _op(List(value.type.dtype), span, "from_array", [value]), True
    if isinstance(value.type, T.Tuple):
        return _from_tuple(fc, value, node), True
    # anything else a for loop iterates (rows of an array, characters): collected
    bound = _bind(fc, value, node)
    return _with(bound, _collect(fc, ast.copy_location(ast.Name(bound[0].name, ast.Load()), node))), True


def _from_tuple(fc: "FunctionChecker", value: ir.Expr, node: ast.AST) -> ir.Expr:
    """`list(t)` of a tuple whose items have one type (numbers promote, as in a display): a
    display of its items, the tuple evaluated once."""
    span = fc.span(node)
    items = value.type.items
    if not items:
        raise fc.error(node, "list() of an empty tuple has no item type", "declare it: `xs: list[f64] = []`")
    t = items[0]
    for other in items[1:]:
        if other != t and not (isinstance(t, Scalar) and isinstance(other, Scalar)):
            raise fc.error(node, f"list() of {value.type}: list items must have one type",
                           "a list holds items of one type; keep the tuple, or convert its items")
        if other != t:
            t = T.promote(t, other)
    _check_item_type(fc, t, node)
    temp = fc.new_temp(value.type, node)
    load = ir.Load(value.type, span, temp)
    parts = [ir.TupleGet(it, span, load, k) for k, it in enumerate(items)]
    display = _op(List(t), span, "display", [fc.convert(p, t) if isinstance(t, Scalar) else p for p in parts])
    return ir.StmtExpr(display.type, span, [ir.Assign(span, temp, value)], display)


def tuple_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`tuple(t)` of a tuple is the tuple; of anything else a compile error: a tuple's length is
    part of its type, which a list's run-time length cannot give."""
    if node.keywords or len(node.args) != 1:
        raise fc.error(node, "tuple() takes one tuple here", "build the tuple as a display: (a, b)")
    value = settle(fc, fc.expr(node.args[0]))
    from fastext.compiler.frontend import recordops
    value = recordops.as_tuple(fc, value, node) or value      # `tuple(p)` of a named tuple: its fields
    if isinstance(value.type, (T.Tuple, T.ErrorType)):
        return value
    raise fc.error(node, f"tuple() of {article(value.type)} is not supported: a tuple's length is part of its "
                         "type in .fx code, and this one is known only at run time",
                   "unpack a list of known length (`a, b = xs`, then `(a, b)`), or keep the list")


def _bind(fc: "FunctionChecker", value: ir.Expr, node: ast.AST):
    """`value` in a new variable the AST can name: (var, its assignment)."""
    temp = fc.new_temp(value.type, node)
    fc.vars[temp.name] = temp
    return temp, ir.Assign(fc.span(node), temp, value)


def _with(bound, value: ir.Expr) -> ir.Expr:
    """`value` evaluated after the assignment of `bound`."""
    var, assign = bound
    return ir.StmtExpr(value.type, value.span, [assign], value)


def _collect(fc: "FunctionChecker", iterable: ast.expr) -> ir.Expr:
    return comprehension(fc, ast.copy_location(ast.GeneratorExp(
        ast.Name("_", ast.Load()), [ast.comprehension(ast.Name("_", ast.Store()), iterable, [], 0)]), iterable))


def list_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`list()`, `list(iterable)` (always a new list, as Python's)."""
    if node.keywords or len(node.args) > 1:
        raise fc.error(node, "list() takes at most one iterable", "list(range(n)), list(xs)")
    span = fc.span(node)
    if not node.args:
        return _op(unknown(), span, "empty", [])
    value, fresh = as_list(fc, node.args[0])
    if is_list(value) and value.type.deque:     # list(q) of a deque: a plain list (a copy)
        return _op(List(value.type.item), span, "copy", [value])
    return value if fresh or not is_list(value) else _op(value.type, span, "copy", [value])


def sorted_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`sorted(iterable)`, `sorted(xs, reverse=True)`: a new sorted list of real numbers."""
    if len(node.args) != 1 or any(kw.arg not in ("key", "reverse") for kw in node.keywords):
        raise fc.error(node, "sorted() takes one iterable (and key=, reverse=)",
                       "sorted(xs), sorted(xs, key=f, reverse=True)")
    span = fc.span(node)
    value, fresh = as_list(fc, node.args[0])
    if isinstance(value.type, T.ErrorType):
        return value
    if not fresh:
        value = _op(value.type, span, "copy", [value])
    temp, _ = _bind(fc, value, node)
    load = ir.Load(value.type, span, temp)
    call = ast.copy_location(ast.Call(ast.Attribute(ast.Name(temp.name, ast.Load()), "sort", ast.Load()), [],
                                      node.keywords), node)
    sort = method(fc, call, load, "sort")
    return ir.StmtExpr(value.type, span, [ir.Assign(span, temp, value), ir.ExprStmt(span, sort)], ir.Load(value.type, span, temp))


def fold_call(fc: "FunctionChecker", node: ast.Call, name: str, value: ir.Expr | None) -> ir.Expr | None:
    """`sum/min/max/any/all` of a list, a comprehension or a generator expression (Python's
    order: one item at a time); None when the argument is something else (arrays, tuples).
    `value`: the argument already typed (None for a comprehension, zip, enumerate, range)."""
    if len(node.args) != 1 and not (name == "sum" and len(node.args) == 2):
        return None
    arg = node.args[0]
    pre: list[ir.Stmt] = []
    if isinstance(arg, (ast.ListComp, ast.GeneratorExp)):
        generators, elt = arg.generators, arg.elt
    else:
        iterable = arg
        if value is not None:
            if not isinstance(value.type, (List, T.Dict, T.Set)):
                return None
            var, assign = _bind(fc, value, arg)
            pre, iterable = [assign], ast.copy_location(ast.Name(var.name, ast.Load()), arg)
        generators = [ast.comprehension(ast.Name("_", ast.Store()), iterable, [], 0)]
        elt = ast.Name("_", ast.Load())
    if node.keywords and not (name in ("min", "max") and [kw.arg for kw in node.keywords] == ["key"]):
        raise fc.error(node, f"{name}() takes no keyword arguments here" if name not in ("min", "max") else
                       f"{name}() takes key= as its only keyword here", f"{name}(xs)" if name not in ("min", "max")
                       else f"{name}(xs, key=f)")
    if name in ("min", "max"):
        keyed = _keyed_extreme(fc, node, name, value, generators, elt, pre)
        if keyed is not None:
            return keyed
    span = fc.span(node)
    stmts, item = _checked_loops(fc, node, generators, elt)
    if item is None:
        return ir.Expr(T.ERROR, span)
    if name in ("any", "all") and len(generators) > 1 and not _label_outer_loop(stmts):
        raise fc.error(node, f"{name}() over nested loops is not supported here",
                       "write the loops with a flag and break")
    load = ir.Load(item.type, span, item)
    if name in ("any", "all"):
        acc = fc.new_temp(BOOL, node)
        truth = fc.truth(load, node)
        hit = truth if name == "any" else ir.UnaryOp(BOOL, span, "not", truth)
        extra = [ir.If(span, hit, [ir.Assign(span, acc, ir.Const(BOOL, span, name == "any")), ir.Break(span)], [])]
        init = ir.Const(BOOL, span, name == "all")
    elif name == "sum":
        start = fc.expr(node.args[1]) if len(node.args) == 2 else ir.Const(I64, span, 0)
        if not (isinstance(item.type, Scalar) and isinstance(start.type, Scalar)):
            raise fc.error(node, f"sum() of {article(item.type)}", "sum() adds numbers")
        total = fc.binop("+", start, load, node)
        acc = fc.new_temp(total.type, node)
        extra = [ir.Assign(span, acc, fc.binop("+", ir.Load(total.type, span, acc), load, node))]
        init = fc.convert(start, total.type)
    else:
        if isinstance(item.type, (T.Tuple, List)) or isinstance(item.type, T.Struct) and item.type.plain:
            return _collected_extreme(fc, node, name, stmts, item, pre)     # classes: their `__lt__`
        if not (isinstance(item.type, Scalar) and item.type.is_real):
            raise fc.error(node, f"{name}() of {article(item.type)}", f"{name}() compares real numbers, tuples "
                           f"and lists; give a key for other items: {name}(xs, key=f)")
        acc = fc.new_temp(item.type, node)
        seen = fc.new_temp(BOOL, node)
        better = ir.Compare(BOOL, span, ["<" if name == "min" else ">"], [load, ir.Load(item.type, span, acc)],
                            [item.type])
        take = ir.BoolOp(BOOL, span, "or", [ir.UnaryOp(BOOL, span, "not", ir.Load(BOOL, span, seen)), better])
        extra = [ir.If(span, take, [ir.Assign(span, acc, load), ir.Assign(span, seen, ir.Const(BOOL, span, True))], [])]
        init = ir.Const(item.type, span, 0)
        stmts = [ir.Assign(span, seen, ir.Const(BOOL, span, False))] + stmts
        empty = ir.UnaryOp(BOOL, span, "not", ir.Load(BOOL, span, seen))
        _after_item(stmts, item, extra)
        check = ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "fx.raise_if", [empty],
                                                {"exc": "ValueError", "message": f"{name}() arg is an empty sequence"}))
        return ir.StmtExpr(acc.type, span, pre + [ir.Assign(span, acc, init)] + stmts + [check],
                           ir.Load(acc.type, span, acc))
    _after_item(stmts, item, extra)
    return ir.StmtExpr(acc.type, span, pre + [ir.Assign(span, acc, init)] + stmts, ir.Load(acc.type, span, acc))


def _keyed_extreme(fc: "FunctionChecker", node: ast.Call, name: str, value: ir.Expr | None,
                   generators, elt, pre: list[ir.Stmt]) -> ir.Expr | None:
    """`min/max(..., key=f)`, or of items that are not real numbers (tuples, lists): the items
    collected into a list first (frontend/listsort.py); None for the numeric fold."""
    from fastext.compiler.frontend import listsort
    key_node = node.keywords[0].value if node.keywords else None
    key, funcs = listsort.key_function(fc, key_node)
    if value is not None and isinstance(value.type, List):
        if key is None and not listsort.needs_merge(settle(fc, value).type.item, None):
            return None
        return listsort.extreme(fc, node, name, value, key, funcs)
    if key is None:
        return None        # the fold decides once it knows the items' type (_collected_extreme)
    lst = comprehension(fc, ast.copy_location(ast.GeneratorExp(elt, generators), node))
    if isinstance(lst.type, T.ErrorType):
        return lst
    result = listsort.extreme(fc, node, name, lst, key, funcs)
    return ir.StmtExpr(result.type, result.span, pre, result) if pre and not isinstance(result.type, T.ErrorType) \
        else result


def _collected_extreme(fc: "FunctionChecker", node: ast.Call, name: str, stmts: list[ir.Stmt], item: ir.Var,
                       pre: list[ir.Stmt]) -> ir.Expr:
    """`min/max` of a generator of tuples or lists: its items collected into a list (the loops
    already typed), then compared as Python does (frontend/listsort.py)."""
    from fastext.compiler.frontend import listsort
    span = fc.span(node)
    value = as_item(ir.Load(item.type, span, item))
    _check_item_type(fc, value.type, node)
    t = List(value.type)
    out = fc.new_temp(t, node)
    _after_item(stmts, item, [ir.ExprStmt(span, _op(T.NONE, span, "append", [ir.Load(t, span, out), value]))])
    built = ir.StmtExpr(t, span, pre + [ir.Assign(span, out, _op(t, span, "empty", []))] + stmts, ir.Load(t, span, out))
    return listsort.extreme(fc, node, name, built, None, {})
