"""Python's ints among a dict's float values: the keys whose value is an int, kept in a set.

`dist = {v: float("inf") for v in graph}; dist[src] = 0; dist[v] = dist[u] + w` makes `dist` a
`dict[int, f64]`, yet Python holds `0` and `3` there as ints and prints `{0: 0, 1: 3, 2: inf}`.
For a local dict of f64 values that some store gives an int (frontend/intflags.py: `flag`), the
front end keeps a shadow `set` of the keys whose value Python would hold as an int: each store
`d[k] = v` adds `k` where `v`'s flag is true and discards it otherwise, `d[k]`'s own flag is
`k in shadow`, and boxing `d` (print, str, f-strings, Python calls) boxes the values of those
keys as ints.

Only dicts whose every use is one of those — a display or comprehension assigned to it, `d[k]`,
`d[k] = v` with a side-effect-free key, `k in d`, `len(d)`, iterating it, boxing it — and that
are boxed somewhere get a shadow, so a dict that is never shown pays nothing and one used in
other ways (`d.pop(k)`, passed to a function) keeps floats, as before.  Returned to Python
(`return d` of a public function), the dict's flags in entry order go with it: the entry point
boxes those values as ints (`returned_flags`).
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.types import BOOL, F64, I64, OBJECT

# dict operations a shadowed dict (or the iteration temporary holding it) may be the table of
_READS = ("dict.contains", "dict.len")
_ITERATION = ("dict.compact", "dict.len", "dict.key", "dict.value", "dict.contains", "dict.getitem")


def eligible_type(t) -> bool:
    return isinstance(t, T.Dict) and not t.default and t.value == F64 and (isinstance(t.key, (T.Scalar, T.Str))
                                                                            or t.key == T.PyObj("str"))


def candidates(stmts_of, params: list[ir.Param], pure, aliases: dict, returned: bool = False,
               passed: list | None = None) -> dict[int, ir.Var]:
    """The local dicts of f64 values whose every use the shadow can follow, and boxed somewhere
    (frontend/intfollow.py).  `stmts_of` is a list of (statement, inside a prange body)."""
    from fastext.compiler.frontend.intfollow import followed

    def fresh(value: ir.Expr) -> bool:
        # a call's result or a copy holds no ints (frontend/intescape.py): a new, empty key set
        return isinstance(value, (ir.StmtExpr, ir.Call)) or isinstance(value, ir.Intrinsic) \
            and value.name in ("dict.new", "dict.copy")

    def use_ok(parent: ir.Intrinsic, statement: bool) -> bool:
        return parent.name in _READS \
            or parent.name == "dict.getitem" and len(parent.args) == 2 and not parent.attrs.get("kind") \
            or parent.name == "dict.setitem" and len(parent.args) == 3 and statement and pure(parent.args[1])
    return followed(stmts_of, params, eligible_type, fresh, use_ok, _ITERATION, aliases, returned, passed)


def stores(s: ir.Stmt, dicts: dict):
    """The (key, value) pairs statement `s` stores into a candidate dict: `d[k] = v`, or the
    entries of a display assigned to it.  With the dict's variable, or None."""
    if isinstance(s, ir.ExprStmt) and isinstance(s.value, ir.Intrinsic) and s.value.name == "dict.setitem" \
            and isinstance(s.value.args[0], ir.Load) and id(s.value.args[0].var) in dicts:
        return s.value.args[0].var, [(s.value.args[1], s.value.args[2])]
    if isinstance(s, ir.Assign) and id(s.var) in dicts and eligible_type(s.var.type):
        v = s.value
        if isinstance(v, ir.Intrinsic) and v.name == "dict.new":
            return s.var, list(zip(v.args[0::2], v.args[1::2]))
        return s.var, []
    return None, []


def shadow_var(var: ir.Var) -> ir.Var:
    return ir.Var(f"{var.name}$int", T.Set(var.type.key), var.span)


def _add(keys: ir.Var, key: ir.Expr, span) -> ir.Stmt:
    return ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "dict.setitem", [ir.Load(keys.type, span, keys), key]))


def _discard(keys: ir.Var, key: ir.Expr, span) -> ir.Stmt:
    return ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "dict.delitem", [ir.Load(keys.type, span, keys), key],
                                          {"kind": "discard"}))


def read_flag(e: ir.Intrinsic, keys: ir.Var) -> ir.Expr:
    """The flag of `d[k]`: k in the key set."""
    return ir.Intrinsic(BOOL, e.span, "dict.contains", [ir.Load(keys.type, e.span, keys), ir.copy_expr(e.args[1])])


def around(fc, s: ir.Stmt, var: ir.Var, pairs, keys: ir.Var, flag, pure, flag_here=None):
    """(before, after): what keeps the key set right around statement `s`, which stores `pairs`
    into `var`."""
    span = s.span
    if isinstance(s, ir.Assign):     # a new dict: a new key set, built before and bound after
        fresh = ir.Var(f"{keys.name}$new", keys.type, span)
        fc.locals.append(fresh)
        out: list[ir.Stmt] = [ir.Assign(span, fresh, ir.Intrinsic(keys.type, span, "dict.new", []))]
        for key, value in pairs:
            f = flag(value)
            if f is None or not pure(key):
                continue
            add = _add(fresh, ir.copy_expr(key), span)
            out.append(add if isinstance(f, ir.Const) and f.value else ir.If(span, f, [add], []))
        return out, [ir.Assign(span, keys, ir.Load(keys.type, span, fresh))]
    key, value = pairs[0]
    f = flag(value)
    if f is None or isinstance(f, ir.Const) and not f.value:
        return [], [_discard(keys, ir.copy_expr(key), span)]
    if isinstance(f, ir.Const):
        return [], [_add(keys, ir.copy_expr(key), span)]
    return [], [ir.If(span, f, [_add(keys, ir.copy_expr(key), span)], [_discard(keys, ir.copy_expr(key), span)])]


def boxed(fc, box: ir.ObjBox, var: ir.Var, keys: ir.Var) -> ir.Expr:
    """`box` of the dict `var` with the values of the keys in `keys` boxed as ints: the Python
    dict, then `o[k] = int value` for each of those keys."""
    span = box.span
    o = ir.Var(f"{var.name}$obj{len(fc.locals)}", OBJECT, span)
    count = ir.Var(f"{keys.name}$n{len(fc.locals)}", I64, span)
    i = ir.Var(f"{keys.name}$i{len(fc.locals)}", I64, span)
    k = ir.Var(f"{keys.name}$k{len(fc.locals)}", var.type.key, span)
    fc.locals.extend([o, count, i, k])
    table = ir.Load(keys.type, span, keys)
    load_k = ir.Load(k.type, span, k)
    body = [
        ir.Assign(span, k, ir.Intrinsic(k.type, span, "dict.key", [ir.copy_expr(table), ir.Load(I64, span, i),
                                                                      ir.Load(I64, span, count)])),
        ir.ObjStore(span, ir.Load(OBJECT, span, o), None, ir.ObjBox(OBJECT, span, ir.copy_expr(load_k)),
                    ir.ObjBox(OBJECT, span, ir.Intrinsic(F64, span, "dict.getitem",
                                                         [ir.Load(var.type, span, var), ir.copy_expr(load_k)]),
                              ir.Const(BOOL, span, True))),
    ]
    stmts = [
        # the flag false: this box is done (frontend/intflags.py rewrites boxes without one)
        ir.Assign(span, o, ir.ObjBox(OBJECT, span, box.value, ir.Const(BOOL, span, False))),
        ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "dict.compact", [ir.copy_expr(table)])),
        ir.Assign(span, count, ir.Intrinsic(I64, span, "dict.len", [ir.copy_expr(table)])),
        ir.ForRange(span, i, ir.Const(I64, span, 0), ir.Load(I64, span, count), ir.Const(I64, span, 1), body, []),
    ]
    return ir.StmtExpr(OBJECT, span, stmts, ir.Load(OBJECT, span, o))


def returned_flags(fc, var: ir.Var, keys: ir.Var, span) -> tuple[list[ir.Stmt], ir.Expr]:
    """`return d` to Python: the statements that make a `list[bool]` of the flags of `d`'s entries
    in order (the table compacted first, so entry i is the i-th live one), and its address for
    the entry point (frontend/intflags.py)."""
    from fastext.compiler.frontend.intlists import FLAGS
    n = len(fc.locals)
    flags = ir.Var(f"{var.name}$ret{n}", FLAGS, span)
    count = ir.Var(f"{var.name}$retn{n}", I64, span)
    i = ir.Var(f"{var.name}$reti{n}", I64, span)
    fc.locals.extend([flags, count, i])
    table = ir.Load(var.type, span, var)
    key = ir.Intrinsic(var.type.key, span, "dict.key", [ir.copy_expr(table), ir.Load(I64, span, i),
                                                         ir.Load(I64, span, count)])
    isint = ir.Intrinsic(BOOL, span, "dict.contains", [ir.Load(keys.type, span, keys), key])
    stmts = [
        ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "dict.compact", [ir.copy_expr(table)])),
        ir.Assign(span, count, ir.Intrinsic(I64, span, "dict.len", [ir.copy_expr(table)])),
        ir.Assign(span, flags, ir.Intrinsic(FLAGS, span, "list.display", [])),
        ir.ForRange(span, i, ir.Const(I64, span, 0), ir.Load(I64, span, count), ir.Const(I64, span, 1),
                    [ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "list.append",
                                                    [ir.Load(FLAGS, span, flags), isint]))], []),
    ]
    return stmts, ir.Intrinsic(I64, span, "fx.flags_address", [ir.Load(FLAGS, span, flags)])
