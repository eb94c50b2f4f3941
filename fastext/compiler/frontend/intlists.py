"""Python's ints among a list's float items: a parallel `list[bool]` of their int flags.

`xs = [0, 1.5]` is a `list[f64]`, yet Python holds `0` as an int and prints `[0, 1.5]`.  For a
local list of f64 items that some store gives an int (frontend/intflags.py: `flag`), the front end
keeps a shadow list of the same length: a display makes the list of its items' flags, `[x] * n`
repeats `x`'s flag, `xs.append(v)` appends `v`'s flag, `xs[i] = v` stores it at `i`, a
comprehension makes the list of its items' flags beside its own; `xs[i]`'s own flag is the shadow's item `i`, and boxing `xs`
(print, str, f-strings, Python calls) boxes the flagged items as ints.

Only lists whose every use is one of those — and `len(xs)`, iterating it, boxing it — and that are
boxed somewhere get a shadow: a list that is never shown pays nothing, and one used in other ways
(sorted, sliced, passed to a function) keeps floats, as before.  Returned to Python (`return xs`
of a public function), the shadow goes with it: the entry point boxes the flagged items as ints
(`returned_flags`).
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.types import BOOL, F64, I64, OBJECT

_ITERATION = ("list.len", "list.get")
FLAGS = T.List(BOOL)


def _eligible_type(t) -> bool:
    return isinstance(t, T.List) and t.item == F64


# operations making a new list of the floats of other lists: those hold no ints (an int stored
# into a list no shadow follows is refused, frontend/intescape.py), so the new list's flags are false
_COPIES = ("list.slice", "list.copy", "list.concat")


def floats_only(value: ir.Expr) -> bool:
    """A new list every item of which is a float: a copy, slice or join of lists, `sorted(...)`
    (a statement expression that is no comprehension), or a call's result (the callee is
    checked to return a list of its own: frontend/intescape.py)."""
    if isinstance(value, ir.StmtExpr):
        return not _appends(value)
    return isinstance(value, ir.Call) or isinstance(value, ir.Intrinsic) and value.name in _COPIES


def _fresh(value: ir.Expr, pure) -> bool:
    """A new list the shadow can follow: a display, `[x] * n` of a display and a pure count, a
    comprehension, or a new list of floats (`floats_only`)."""
    if isinstance(value, ir.StmtExpr) or floats_only(value):
        return True
    if isinstance(value, ir.Intrinsic) and value.name == "list.display":
        return True
    return isinstance(value, ir.Intrinsic) and value.name == "list.repeat" and isinstance(value.args[0], ir.Intrinsic) \
        and value.args[0].name == "list.display" and pure(value.args[1])


def candidates(stmts_of, params: list[ir.Param], pure, aliases: dict, returned: bool = False,
               passed: list | None = None) -> dict[int, ir.Var]:
    """The local lists of f64 items whose every use the shadow can follow, and boxed somewhere
    (frontend/intfollow.py)."""
    from fastext.compiler.frontend.intfollow import followed

    def use_ok(parent: ir.Intrinsic, statement: bool) -> bool:
        return parent.name == "list.len" \
            or parent.name == "list.get" and len(parent.args) == 2 and pure(parent.args[1]) \
            or parent.name == "list.set" and len(parent.args) == 3 and statement and pure(parent.args[1]) \
            or parent.name == "list.append" and len(parent.args) == 2 and statement \
            or parent.name == "list.insert" and len(parent.args) == 3 and statement and pure(parent.args[1])
    return followed(stmts_of, params, _eligible_type, lambda value: _fresh(value, pure), use_ok, _ITERATION, aliases, returned, passed)


def stores(s: ir.Stmt, lists: dict):
    """The items statement `s` stores into a candidate list (`xs[i] = v`, `xs.append(v)`, a
    display or `[x] * n` assigned to it), with the list's variable; or (None, [])."""
    if isinstance(s, ir.ExprStmt) and isinstance(s.value, ir.Intrinsic) \
            and s.value.name in ("list.set", "list.append", "list.insert") \
            and isinstance(s.value.args[0], ir.Load) and id(s.value.args[0].var) in lists:
        return s.value.args[0].var, [s.value.args[-1]]
    if isinstance(s, ir.Assign) and id(s.var) in lists and _eligible_type(s.var.type):
        v = s.value
        if isinstance(v, ir.Intrinsic) and v.name == "list.display":
            return s.var, list(v.args)
        if isinstance(v, ir.Intrinsic) and v.name == "list.repeat":
            return s.var, list(v.args[0].args)
        return s.var, [a.value.args[1] for _, a in _appends(v)]
    return None, []


def _appends(comp: ir.Expr) -> list:
    """The (statement list, statement) of each `out.append(v)` a comprehension makes its list with
    (frontend/lists.py: comprehension)."""
    if not (isinstance(comp, ir.StmtExpr) and isinstance(comp.result, ir.Load)):
        return []
    out = comp.result.var
    found = []
    stack = [comp.body]
    while stack:
        body = stack.pop()
        for s in body:
            if isinstance(s, ir.ExprStmt) and isinstance(s.value, ir.Intrinsic) and s.value.name == "list.append" \
                    and isinstance(s.value.args[0], ir.Load) and s.value.args[0].var is out:
                found.append((body, s))
            stack.extend(ir.bodies(s))
    return found


def shadow_var(var: ir.Var) -> ir.Var:
    return ir.Var(f"{var.name}$int", FLAGS, var.span)


def read_flag(e: ir.Intrinsic, keys: ir.Var) -> ir.Expr:
    """The flag of `xs[i]`: the shadow's item i."""
    return ir.Intrinsic(BOOL, e.span, "list.get", [ir.Load(FLAGS, e.span, keys), ir.copy_expr(e.args[1])], dict(e.attrs))


def _flag_or_false(f, span) -> ir.Expr:
    return f if f is not None else ir.Const(BOOL, span, False)


def around(fc, s: ir.Stmt, var: ir.Var, items, flags: ir.Var, flag, pure, flag_here=None):
    """(before, after): what keeps the shadow right around statement `s`, which stores `items`
    into `var`.  `flag(item)`: an item's flag computed before `s`; `flag_here(e)`: the flag of `e`
    where it is evaluated (a comprehension's items, inside its loops)."""
    span = s.span
    load = ir.Load(FLAGS, span, flags)
    if isinstance(s, ir.ExprStmt) and s.value.name == "list.append":
        return [], [ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "list.append",
                                                   [load, _flag_or_false(flag(items[0]), span)]))]
    if isinstance(s, ir.ExprStmt) and s.value.name == "list.insert":     # the flag inserted at the same place
        index = ir.copy_expr(s.value.args[1])
        return [], [ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "list.insert",
                                                   [load, index, _flag_or_false(flag(items[0]), span)],
                                                   dict(s.value.attrs)))]
    if isinstance(s, ir.ExprStmt):      # xs[i] = v
        index = ir.copy_expr(s.value.args[1])
        return [], [ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "list.set",
                                                   [load, index, _flag_or_false(flag(items[0]), span)],
                                                   dict(s.value.attrs)))]
    v = s.value
    if isinstance(v, ir.Intrinsic) and v.name in ("list.display", "list.repeat"):
        display = ir.Intrinsic(FLAGS, span, "list.display", [_flag_or_false(flag(x), span) for x in items])
        if v.name == "list.repeat":
            display = ir.Intrinsic(FLAGS, span, "list.repeat", [display, ir.copy_expr(v.args[1])], dict(v.attrs))
        fresh = ir.Var(f"{flags.name}$new{len(fc.locals)}", FLAGS, span)
        fc.locals.append(fresh)
        return [ir.Assign(span, fresh, display)], [ir.Assign(span, flags, ir.Load(FLAGS, span, fresh))]
    if floats_only(v):      # all false, as many as the new list has items
        fresh = ir.Var(f"{flags.name}$new{len(fc.locals)}", FLAGS, span)
        fc.locals.append(fresh)
        falses = ir.Intrinsic(FLAGS, span, "list.repeat", [ir.Intrinsic(FLAGS, span, "list.display",
                                                                         [ir.Const(BOOL, span, False)]),
                                                            ir.Intrinsic(I64, span, "list.len",
                                                                         [ir.Load(var.type, span, var)])])
        return [], [ir.Assign(span, fresh, falses), ir.Assign(span, flags, ir.Load(FLAGS, span, fresh))]
    # a comprehension: a list of flags made beside it, one append before each of its appends
    made = ir.Var(f"{flags.name}$comp{len(fc.locals)}", FLAGS, span)
    fc.locals.append(made)
    for body, append in _appends(v):
        item = append.value.args[1]
        step = ir.ExprStmt(append.span, ir.Intrinsic(T.NONE, append.span, "list.append",
                                                     [ir.Load(FLAGS, append.span, made),
                                                      _flag_or_false(flag_here(item), append.span)]))
        body.insert(body.index(append), step)
    v.body.insert(0, ir.Assign(span, made, ir.Intrinsic(FLAGS, span, "list.display", [])))
    return [], [ir.Assign(span, flags, ir.Load(FLAGS, span, made))]


def boxed(fc, box: ir.ObjBox, var: ir.Var, flags: ir.Var) -> ir.Expr:
    """`box` of the list `var` with its flagged items boxed as ints: the Python list, then
    `o[i] = int item` where the shadow says so."""
    span = box.span
    n = len(fc.locals)
    o = ir.Var(f"{var.name}$obj{n}", OBJECT, span)
    count = ir.Var(f"{flags.name}$n{n}", I64, span)
    i = ir.Var(f"{flags.name}$i{n}", I64, span)
    fc.locals.extend([o, count, i])
    load_i = ir.Load(I64, span, i)
    item = ir.ObjBox(OBJECT, span, ir.Intrinsic(F64, span, "list.get", [ir.Load(var.type, span, var), ir.copy_expr(load_i)]),
                     ir.Const(BOOL, span, True))
    store = ir.ObjStore(span, ir.Load(OBJECT, span, o), None, ir.ObjBox(OBJECT, span, ir.copy_expr(load_i)), item)
    test = ir.Intrinsic(BOOL, span, "list.get", [ir.Load(FLAGS, span, flags), ir.copy_expr(load_i)])
    stmts = [
        # the flag false: this box is done (frontend/intflags.py rewrites boxes without one)
        ir.Assign(span, o, ir.ObjBox(OBJECT, span, box.value, ir.Const(BOOL, span, False))),
        ir.Assign(span, count, ir.Intrinsic(I64, span, "list.len", [ir.Load(FLAGS, span, flags)])),
        ir.ForRange(span, i, ir.Const(I64, span, 0), ir.Load(I64, span, count), ir.Const(I64, span, 1),
                    [ir.If(span, test, [store], [])], []),
    ]
    return ir.StmtExpr(OBJECT, span, stmts, ir.Load(OBJECT, span, o))


def returned_flags(fc, var: ir.Var, flags: ir.Var, span) -> tuple[list[ir.Stmt], ir.Expr]:
    """`return xs` to Python: the shadow itself, one flag per item in order, its address handed to
    the entry point (frontend/intflags.py)."""
    return [], ir.Intrinsic(I64, span, "fx.flags_address", [ir.Load(FLAGS, span, flags)])
