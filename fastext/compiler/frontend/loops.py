"""`for` loops: `range(...)`, arrays, `enumerate(...)`, `zip(...)`, nested as Python allows.

Every loop becomes one `ir.ForRange` over a counter.  A plain `for i in range(...)`
uses the loop variable itself as the counter; any other iterable is described
by its length and its k-th item, evaluated once before the loop (as Python
evaluates the iterable once), and the loop target is assigned the k-th item at
the top of each iteration.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from fastext.compiler import ir
from fastext.compiler.types import BOOL, I64, Array, Char, Dict, List, PyObj, Scalar, Set, Str, Tuple

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

HINT = "iterate over range(...), an array, enumerate(...) or zip(...)"


@dataclass
class Iteration:
    """What a loop needs of an iterable: set-up statements, its length, its k-th item."""

    count: ir.Expr
    item: Callable[[ir.Expr], ir.Expr]
    setup: list[ir.Stmt] = field(default_factory=list)
    python: ir.Expr | None = None     # a Python iterable (no count, no k-th item): objects.iterator_loop
    after: list[ir.Stmt] = field(default_factory=list)   # when the loop ran out (Python's last next())


def check_for(fc: "FunctionChecker", node: ast.For) -> list[ir.Stmt]:
    span = fc.span(node)
    it = node.iter
    from fastext.compiler.frontend.funcvals import loop_over_functions
    unrolled = loop_over_functions(fc, node)        # `for op in (square, cube):`
    if unrolled is not None:
        return unrolled
    from fastext.compiler.frontend import iterators
    replay = iterators.bound(fc, it)
    if replay is not None:      # `it = gen(n)` ... `for x in it:`
        return iterators.loop(fc, node, replay)
    from fastext.compiler.frontend import rangevals
    if rangevals.named(fc, it):     # `for r in rx` where `rx = range(...)` (frontend/rangevals.py)
        it = rangevals.as_call(fc, it)
    from fastext.compiler.frontend import generators
    src = generators.source(fc, it)
    if src is not None:         # a generator function or an itertools iterator: inlined here
        return generators.inline(fc, node, src)
    enumerated = generators.enumerate_source(fc, node)
    if enumerated is None:
        enumerated = generators.zip_source(fc, node)
    if enumerated is not None:
        return enumerated
    if _is_call(fc, it, "prange"):
        from fastext.compiler.frontend.parallel import check_prange
        return check_prange(fc, node)
    if _is_call(fc, it, "range") and isinstance(node.target, ast.Name):
        start, stop, step = range_args(fc, it)
        var = fc.vars.get(node.target.id) or fc.declare(node.target.id, I64, node.target)
        if var.type != I64:
            raise fc.error(node.target, f"loop variable `{var.name}` already has type {var.type}", "use a new name")
        return [ir.ForRange(span, var, start, stop, step, _body(fc, node), fc.block(node.orelse),
                            label=getattr(node, "fx_label", None))]
    iteration = iterable(fc, it)
    if iteration.python is not None:     # any Python iterable: iter() and next() (objects.py)
        from fastext.compiler.frontend import objects
        return objects.iterator_loop(fc, node, iteration.python, _body)
    counter = fc.new_temp(I64, node)
    k = ir.Load(I64, span, counter)
    targets = fc.assign_to(node.target, iteration.item(k), node)
    body = targets + _body(fc, node)
    zero, one = ir.Const(I64, span, 0), ir.Const(I64, span, 1)
    orelse = iteration.after + fc.block(node.orelse)
    return iteration.setup + [ir.ForRange(span, counter, zero, iteration.count, one, body, orelse)]


def _tuple_slice_as_list(fc: "FunctionChecker", node: ast.expr) -> ast.expr:
    """`for s in (16, 8, 0)[:k]` (or `t[i:]` of a local tuple) with bounds known only when it runs:
    the slice's length, and so its tuple type, is not known when compiled, but iterating it only
    reads the items in order, so the same slice of a list of the items is iterated instead (a list
    display: the items must share one type).  Any other iterable is returned as it is."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice)):
        return node
    bounds = (node.slice.lower, node.slice.upper, node.slice.step)
    if all(b is None or isinstance(b, ast.Constant) or isinstance(b, ast.UnaryOp) and
           isinstance(b.operand, ast.Constant) for b in bounds):
        return node         # a constant slice: a tuple of known length
    base = node.value
    if isinstance(base, ast.Tuple) and not any(isinstance(e, ast.Starred) for e in base.elts):
        elts = base.elts
    elif isinstance(base, ast.Name) and base.id in fc.vars and isinstance(fc.vars[base.id].type, Tuple) \
            and len(set(fc.vars[base.id].type.items)) == 1:
        elts = [ast.copy_location(ast.Subscript(ast.Name(base.id, ast.Load()), ast.Constant(k), ast.Load()), base)
                for k in range(len(fc.vars[base.id].type.items))]
    else:
        return node
    items = ast.copy_location(ast.List(list(elts), ast.Load()), base)
    return ast.copy_location(ast.Subscript(items, node.slice, ast.Load()), node)


def _body(fc: "FunctionChecker", node: ast.For) -> list[ir.Stmt]:
    fc.loop_depth += 1
    try:
        return fc.block(node.body)
    finally:
        fc.loop_depth -= 1


def _is_call(fc: "FunctionChecker", node: ast.expr, name: str) -> bool:
    if name == "prange" and isinstance(node, ast.Call):
        from fastext.compiler.frontend.numba import is_prange
        if is_prange(fc.scope, node.func):      # numba.prange(n)
            return True
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return False
    bound = fc.scope.lookup(node.func.id)
    if name == "prange":
        return bound is not None and bound.kind == "prange"
    return node.func.id == name and bound is None and node.func.id not in fc.vars


def range_args(fc: "FunctionChecker", call: ast.Call, name: str = "range") -> tuple[ir.Expr, ir.Expr, ir.Expr]:
    """(start, stop, step) of `range(...)` (or `prange`), as i64; a constant zero step is a compile error."""
    if call.keywords or not 1 <= len(call.args) <= 3:
        raise fc.error(call, f"{name}() takes 1 to 3 positional arguments",
                       f"{name}(stop), {name}(start, stop[, step])")
    args = [fc.coerce(fc.expr(a), I64, a, f"{name}() argument") for a in call.args]
    span = args[0].span
    if len(args) == 1:
        return ir.Const(I64, span, 0), args[0], ir.Const(I64, span, 1)
    if len(args) == 2:
        return args[0], args[1], ir.Const(I64, span, 1)
    if isinstance(args[2], ir.Const) and args[2].value == 0:
        raise fc.error(call.args[2], f"{name}() step must not be zero", "use a positive or negative step")
    return tuple(args)


def iterable(fc: "FunctionChecker", node: ast.expr) -> Iteration:
    """Describe an iterable expression, binding its parts to temporaries (evaluated once)."""
    span = fc.span(node)
    from fastext.compiler.frontend import rangevals
    if rangevals.named(fc, node):
        node = rangevals.as_call(fc, node)
    if _is_call(fc, node, "range"):
        setup: list[ir.Stmt] = []
        start, stop, step = (_once(fc, v, node, setup) for v in range_args(fc, node))
        count = ir.Intrinsic(I64, span, "range_len", [start, stop, step])
        return Iteration(count, lambda k: ir.BinOp(I64, span, "+", start, ir.BinOp(I64, span, "*", k, step)), setup)
    if _is_call(fc, node, "enumerate"):
        return _enumerate(fc, node)
    if isinstance(node, (ast.Tuple, ast.List)) and node.elts and len(node.elts) <= 16 and \
            not any(isinstance(e, ast.Starred) for e in node.elts):
        return _display(fc, node)
    if _is_call(fc, node, "reversed"):
        if node.keywords or len(node.args) != 1:
            raise fc.error(node, "reversed() takes one sequence", "reversed(xs)")
        inner = _counted(fc, iterable(fc, node.args[0]), node.args[0])
        setup = list(inner.setup)
        count = _once(fc, inner.count, node, setup)
        last = ir.BinOp(I64, span, "-", count, ir.Const(I64, span, 1))
        return Iteration(count, lambda k: inner.item(ir.BinOp(I64, span, "-", last, k)), setup)
    if _is_call(fc, node, "zip"):
        if node.keywords or not node.args:
            raise fc.error(node, "zip() takes one or more iterables", "zip(a, b)")
        parts = [_counted(fc, iterable(fc, a), a) for a in node.args]
        count = parts[0].count if len(parts) == 1 else ir.Intrinsic(I64, span, "min", [p.count for p in parts])
        setup = [s for p in parts for s in p.setup]
        return Iteration(count, lambda k: _tuple(span, [p.item(k) for p in parts]), setup)
    if isinstance(node, ast.Call):
        from fastext.compiler.frontend import dicts
        view = dicts.view_iteration(fc, node)      # d.keys(), d.values(), d.items()
        if view is not None:
            return view
    node = _tuple_slice_as_list(fc, node)
    value = fc.expr(node)
    from fastext.compiler.frontend import recordops
    value = recordops.as_tuple(fc, value, node) or value       # `for v in p` of a named tuple
    if isinstance(value.type, Array):
        setup = []
        array = _once(fc, value, node, setup)
        atype = value.type
        if atype.ndim == 1:
            item = lambda k: ir.Index(atype.dtype, span, array, [k])  # noqa: E731
        else:   # rows, as NumPy iterates
            item = lambda k: ir.ArraySlice(Array(atype.dtype, atype.ndim - 1), span, array,  # noqa: E731
                                           [ir.SliceItem(index=k)])
        return Iteration(ir.ArrayDim(I64, span, array, 0), item, setup)
    if isinstance(value.type, Str):
        from fastext.compiler.frontend import strings
        return strings.iteration(fc, value, node)
    if isinstance(value.type, (PyObj, Char)):     # a character: its one character, as Python iterates it
        from fastext.compiler.frontend import objects
        from fastext.compiler.frontend.text import as_text
        return objects.iteration(fc, as_text(value), node)
    if isinstance(value.type, List):
        from fastext.compiler.frontend import lists
        return lists.iteration(fc, value, node)
    if isinstance(value.type, (Dict, Set)):
        from fastext.compiler.frontend import dicts
        return dicts.iteration(fc, value, node)
    if isinstance(value.type, Tuple) and value.type.items and len(set(value.type.items)) == 1:
        # `for x in pair` of a tuple whose items have one type: the k-th picked by comparisons
        setup = []
        whole = _once(fc, value, node, setup)
        t, n = value.type.items[0], len(value.type.items)

        def item(k: ir.Expr) -> ir.Expr:
            out = ir.TupleGet(t, span, whole, n - 1)
            for i in range(n - 2, -1, -1):
                test = ir.Compare(BOOL, span, ["=="], [k, ir.Const(I64, span, i)], [I64])
                out = ir.IfExp(t, span, test, ir.TupleGet(t, span, whole, i), out)
            return out
        return Iteration(ir.Const(I64, span, n), item, setup)
    raise fc.error(node, f"cannot iterate over {value.type}", HINT if not isinstance(value.type, Tuple) else
                   "a tuple of items of different types: unpack it (a, b = t) or index it (t[0])")


def _counted(fc: "FunctionChecker", iteration: Iteration, node: ast.AST) -> Iteration:
    if iteration.python is not None:
        raise fc.error(node, "enumerate() and zip() need a list, tuple, array, str or range here",
                       "annotate the parameter `list` (or `tuple`), or count yourself: for x in o: ...; k += 1")
    return iteration


def _enumerate(fc: "FunctionChecker", node: ast.Call) -> Iteration:
    span = fc.span(node)
    start_node = node.args[1] if len(node.args) == 2 else None
    for kw in node.keywords:
        if kw.arg != "start" or start_node is not None:
            raise fc.error(kw.value, "enumerate() takes an iterable and a start", "enumerate(a, start=1)")
        start_node = kw.value
    if not 1 <= len(node.args) <= 2:
        raise fc.error(node, "enumerate() takes an iterable and an optional start", "enumerate(a)")
    inner = _counted(fc, iterable(fc, node.args[0]), node.args[0])
    setup = list(inner.setup)
    start = ir.Const(I64, span, 0) if start_node is None else _once(
        fc, fc.coerce(fc.expr(start_node), I64, start_node, "enumerate() start"), start_node, setup)
    return Iteration(inner.count, lambda k: _tuple(span, [ir.BinOp(I64, span, "+", start, k), inner.item(k)]), setup,
                     after=inner.after)


def _tuple(span, items: list[ir.Expr]) -> ir.MakeTuple:
    return ir.MakeTuple(Tuple(tuple(i.type for i in items)), span, items)


def _once(fc: "FunctionChecker", value: ir.Expr, node: ast.AST, setup: list[ir.Stmt]) -> ir.Expr:
    """`value` evaluated once, before the loop: constants as they are, anything else in a temporary."""
    if isinstance(value, ir.Const):
        return value
    temp = fc.new_temp(value.type, node)
    setup.append(ir.Assign(value.span, temp, value))
    return ir.Load(value.type, value.span, temp)


def _display(fc: "FunctionChecker", node: ast.Tuple | ast.List) -> Iteration:
    """`for y in (x * 2, x + 3)`: the items evaluated once, in order, into temporaries (as Python
    builds the tuple), the k-th picked by comparisons: no list or tuple is made."""
    span = fc.span(node)
    items = [fc.expr(e) for e in node.elts]
    from fastext.compiler.frontend.text import as_text, textual
    if len({i.type for i in items}) > 1 and all(textual(i.type) for i in items):
        items = [as_text(i) for i in items]     # `for s in (a, "", "((")`: str parameters beside literals
    t = items[0].type
    for e, v in zip(node.elts[1:], items[1:]):
        if v.type != t:
            if not (isinstance(t, Scalar) and isinstance(v.type, Scalar)):
                raise fc.error(e, f"the items iterated over must have one type: {t} and {v.type}",
                               "convert them to one type")
            t = fc.result_type(ir.Expr(t, span), v)
    setup: list[ir.Stmt] = []
    temps = [_once(fc, fc.convert(v, t) if isinstance(t, Scalar) else v, node, setup) for v in items]

    def item(k: ir.Expr) -> ir.Expr:
        out = temps[-1]
        for i in range(len(temps) - 2, -1, -1):
            test = ir.Compare(BOOL, span, ["=="], [k, ir.Const(I64, span, i)], [I64])
            out = ir.IfExp(t, span, test, temps[i], out)
        return out
    return Iteration(ir.Const(I64, span, len(temps)), item, setup)
