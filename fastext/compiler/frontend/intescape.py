"""Python's ints stored among floats where no shadow follows them: refused, never silently floats.

`d = {"a": 1, "b": 2.5}` is a `dict[str, f64]`, yet Python keeps `1` an int and prints `a 1`.
A local container whose every use a shadow can follow (frontend/intdicts.py, intlists.py) keeps
those ints right; anywhere else — the container passed to a function, returned to another `.fx`
function, sliced, sorted, copied, stored into another container, a class field, a comprehension
or display that is not the whole value of a followed local, a key of a dict of floats, an item of
a set of floats — the int would silently become a float the moment it is shown.  This check runs
after the shadows are placed (frontend/intflags.py: `apply`): each store of an f64 slot whose flag
says "maybe an int" must be one a shadow keeps; any other is a located error whose hint says to
write the number as a float (`1.0`, `float(n)`), which Python then holds as a float as well.

`refuse_internal_calls` closes the one route the per-function check cannot see: a public function
whose returned list or dict carries flags to Python (`Function.int_return`) called from another
`.fx` function, which would receive the floats without them.
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.types import F64

# operations that put f64 values into a container, and the argument positions that hold them
_DISPLAYS = ("list.display", "dict.new")
_STORES = ("list.set", "list.append", "list.insert", "dict.setitem", "dict.setdefault")

HINT = ("write the number as a float (`1.0`, or `float(n)`) so that Python holds a float there too; "
        "ints among floats are kept only in a local list or dict that is indexed, iterated, printed "
        "or returned to Python")


def _slots(x: ir.Intrinsic) -> list[ir.Expr]:
    """The values `x` stores into a container (for a container of tuples, the tuple itself)."""
    if x.name in _DISPLAYS:
        return list(x.args)
    if x.name in _STORES:
        return list(x.args[1:])
    return []


def _handled(stmts, shadows: dict) -> set[int]:
    """ids of (store intrinsic, slot) pairs a shadow keeps: the items of a display, repeat or
    comprehension that is the whole value of a followed container, and `xs[i] = v`,
    `xs.append(v)`, `d[k] = v` of one (their value only: keys are not followed)."""
    from fastext.compiler.frontend.intlists import _appends
    out: set[tuple[int, int]] = set()
    for s, par in stmts:
        if par:
            continue
        if isinstance(s, ir.Assign) and isinstance(shadows.get(id(s.var)), ir.Var) \
                and isinstance(s.var.type, (T.List, T.Dict)):
            v = s.value
            if isinstance(v, ir.Intrinsic) and v.name == "list.repeat" and isinstance(v.args[0], ir.Intrinsic):
                v = v.args[0]
            if isinstance(v, ir.Intrinsic) and v.name == "list.display":
                out.update((id(v), id(a)) for a in v.args)
            elif isinstance(v, ir.Intrinsic) and v.name == "dict.new":
                out.update((id(v), id(a)) for a in v.args[1::2])
            elif isinstance(s.var.type, T.List):
                for _, append in _appends(v):
                    out.add((id(append.value), id(append.value.args[-1])))
        if isinstance(s, ir.ExprStmt) and isinstance(s.value, ir.Intrinsic) \
                and s.value.name in ("list.set", "list.append", "dict.setitem") and len(s.value.args) >= 2 \
                and isinstance(s.value.args[0], ir.Load) and isinstance(shadows.get(id(s.value.args[0].var)), ir.Var) \
                and not (s.value.name == "dict.setitem" and len(s.value.args) != 3):
            out.add((id(s.value), id(s.value.args[-1])))
    return out


def _maybe_int(value: ir.Expr, shadows: dict, flag) -> ir.Expr | None:
    """The f64 item of `value` (itself, or an item of a tuple display) Python may hold as an int."""
    if isinstance(value, ir.MakeTuple):
        for item in value.items:
            found = _maybe_int(item, shadows, flag)
            if found is not None:
                return found
        return None
    if value.type != F64:
        return None
    f = flag(value, shadows)
    if f is None or isinstance(f, ir.Const) and not f.value:
        return None
    return value


def check(fc, stmts, shadows: dict, flag) -> None:
    """Report each int stored among floats where no shadow keeps it (`stmts`: (statement, inside
    a prange body) pairs, as placed by frontend/intflags.py: `apply`)."""
    handled = _handled(stmts, shadows)
    reported: set[int] = set()
    for s, par in stmts:
        if par:
            continue
        for e in ir.children(s):
            for x in ir.walk_exprs(e):
                if not isinstance(x, ir.Intrinsic) or x.name not in _DISPLAYS + _STORES:
                    continue
                for slot in _slots(x):
                    if (id(x), id(slot)) in handled:
                        continue
                    item = _maybe_int(slot, shadows, flag)
                    if item is None or id(x) in reported:
                        continue
                    reported.add(id(x))     # one error for a display, at its first int
                    fc.diags.error(item.span, "this number may be an int, stored among floats where the "
                                   "compiled code cannot keep it one: Python would show it as an int "
                                   "(`1`), the compiled container as a float (`1.0`)", HINT)


def refuse_internal_calls(functions: dict, diags) -> None:
    """A public function whose returned list or dict carries its ints to Python, called from
    `.fx` code: the caller would get the floats without their flags."""
    carriers = {name for name, fn in functions.items()
                if getattr(fn, "int_return", False) and isinstance(fn.ret, (T.List, T.Dict))}
    if not carriers:
        return
    for fn in functions.values():
        for s in ir.walk(fn.body):
            for e in ir.children(s):
                for x in ir.walk_exprs(e):
                    if isinstance(x, ir.Call) and x.func in carriers:
                        diags.error(x.span, f"`{x.func}` returns a list or dict of floats holding some of "
                                    "Python's ints, which only a call from Python receives as ints: "
                                    "called here, they would show as floats", HINT)
