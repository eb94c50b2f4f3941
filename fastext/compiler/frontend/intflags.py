"""Python's int inside an f64: a flag carried beside floats that Python would hold as ints.

`total = 0` followed by `total += x` (x a float) makes `total` an f64 local (function.py:
check_promoting), yet where no float ever reached it Python still holds the int `0`: `print(total)`
shows `0`, not `0.0`.  The storage stays f64 (hot loops keep their speed); beside each such local
the front end keeps a bool *shadow* `name$int`, true while Python would hold an int there, and the
places that show a number's type — boxing to Python (`print`, `str`, `repr`, f-strings, `%`,
`format`, arguments of Python calls: every `ir.ObjBox`) and the result an entry point returns —
ask it.  Where nothing reads a shadow, LLVM deletes it; in a float loop its update is the
constant false.

`flag(e)` is the int-ness of an f64 expression as a bool expression (None: surely a float): an
int literal or an implicitly converted int is true, a shadowed local its shadow, `+ - * // %`,
negation, `abs` and `**` by a non-negative int literal keep it when all operands have it,
`min`/`max` and `x if c else y` take the flag of the operand Python picks, a tuple local's item
its item's shadow, an item of a followed dict or list its shadow's (frontend/intdicts.py,
intlists.py); anything else (`/`, `math.*`, `float()`, a call, other containers' items) is a
float.  A call's flag (`fx.intret`, read from the error record just after the call) is used only
where the call is the whole value of a box, a `return`, or an assignment outside loops.

`apply(fn_checker, body, params, ret, public)` runs once a function is checked: it finds the f64
locals (tuple locals, followed containers) some assignment gives an int, to a fixed point (`b = a`
with `a` such a local), declares their shadows, keeps them up to date — each flag is computed
before its statement (it may read what the statement changes) and stored after it (a statement
that raises leaves every shadow as it was) — and fills `ObjBox.intflag` and `Return.intflag`.
prange bodies are left alone (their variables are classified already): a local assigned inside
one gets no shadow.  `finish(functions, python_names)` makes the functions whose result flag a
call or Python reads store it (`Function.int_return`).
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.frontend import intdicts, intlists
from fastext.compiler.types import BOOL, F64, I64, OBJECT, PyObj, Scalar

# nodes a flag may evaluate a second time beside the value: no side effects and the same result
# (an operation that raises raises the same error in either evaluation)
_PURE = (ir.Const, ir.ObjConst, ir.Load, ir.Cast, ir.BinOp, ir.UnaryOp, ir.Compare, ir.Truth)
_KEEP = ("+", "-", "*", "//", "%")


def _pure(e: ir.Expr) -> bool:
    for x in ir.walk_exprs(e):
        if isinstance(x, ir.Intrinsic) and (x.name in ("abs", "min", "max", "dict.contains", "dict.len", "list.len",
                                                       "list.get")
                                            or x.name == "dict.getitem" and not x.attrs.get("kind")):
            continue
        if not isinstance(x, _PURE):
            return False
    return True


def _and(a: ir.Expr, b: ir.Expr) -> ir.Expr:
    if isinstance(a, ir.Const):
        return b if a.value else a
    if isinstance(b, ir.Const):
        return a if b.value else b
    return ir.BoolOp(BOOL, a.span, "and", [a, b])


def _pick(cond: ir.Expr, a: ir.Expr | None, b: ir.Expr | None, span) -> ir.Expr | None:
    """The flag of `a if cond else b` (cond copied: it is evaluated again)."""
    if a is None and b is None:
        return None
    false = ir.Const(BOOL, span, False)
    return ir.IfExp(BOOL, span, ir.copy_expr(cond), a if a is not None else false, b if b is not None else false)


def _int_exponent(e: ir.Expr) -> bool:
    """A non-negative int literal exponent: `x ** 2` keeps Python's int when x is one."""
    return isinstance(e, ir.Const) and isinstance(e.value, (int, float)) and not isinstance(e.value, bool) \
        and e.value >= 0 and float(e.value).is_integer() and (e.int_literal or e.type.is_int)


def flag(e: ir.Expr, shadows: dict) -> ir.Expr | None:
    """Whether Python would hold the f64 value of `e` as an int: a bool expression, or None
    when it surely holds a float."""
    span = e.span
    true = ir.Const(BOOL, span, True)
    if not (isinstance(e.type, Scalar) and e.type == F64):
        return None
    if isinstance(e, ir.Const):
        return true if e.int_literal else None
    if isinstance(e, ir.Cast):
        inner = e.value.type
        if e.explicit:          # float(n)
            return None
        if isinstance(inner, Scalar) and inner.is_int:
            return true
        return flag(e.value, shadows) if inner == F64 else None
    if isinstance(e, ir.Load):
        shadow = shadows.get(id(e.var))
        return ir.Load(BOOL, span, shadow) if shadow is not None else None
    if isinstance(e, ir.Intrinsic) and e.name == "dict.value" and isinstance(e.args[0], ir.Load) \
            and id(e.args[0].var) in shadows and all(_pure(a) for a in e.args):
        # `for k, v in d.items()`: v's key is the entry's key
        keys = shadows[id(e.args[0].var)]
        key = ir.Intrinsic(e.args[0].type.key, span, "dict.key", [ir.copy_expr(a) for a in e.args], dict(e.attrs))
        return ir.Intrinsic(BOOL, span, "dict.contains", [ir.Load(keys.type, span, keys), key])
    if isinstance(e, ir.TupleGet) and isinstance(e.value, ir.Load) and isinstance(shadows.get(id(e.value.var)), list):
        item = shadows[id(e.value.var)][e.index]        # `a, b = b, a`: the tuple's item flags
        return ir.Load(BOOL, span, item) if item is not None else None
    if isinstance(e, ir.UnaryOp) and e.op in ("neg", "pos"):
        return flag(e.operand, shadows)
    if isinstance(e, ir.BinOp):
        if e.op in _KEEP:
            a, b = flag(e.left, shadows), flag(e.right, shadows)
            return None if a is None or b is None else _and(a, b)
        if e.op == "**" and _int_exponent(e.right):
            return flag(e.left, shadows)
        return None
    if isinstance(e, ir.Intrinsic) and (e.name == "dict.getitem" and not e.attrs.get("kind") or e.name == "list.get") \
            and len(e.args) == 2 and isinstance(e.args[0], ir.Load) and id(e.args[0].var) in shadows and _pure(e.args[1]):
        # `d[k]`, `xs[i]` of a container whose ints are tracked (frontend/intdicts.py, intlists.py)
        family = intdicts if e.name.startswith("dict.") else intlists
        return family.read_flag(e, shadows[id(e.args[0].var)])
    if isinstance(e, ir.IfExp):
        if not _pure(e.cond):
            return None
        return _pick(e.cond, flag(e.then, shadows), flag(e.orelse, shadows), span)
    if isinstance(e, ir.Intrinsic) and e.name == "abs" and len(e.args) == 1:
        return flag(e.args[0], shadows)
    if isinstance(e, ir.Intrinsic) and e.name in ("min", "max") and len(e.args) >= 2:
        if not all(_pure(a) for a in e.args):
            return None
        flags = [flag(a, shadows) for a in e.args]
        if all(f is None for f in flags):
            return None
        # Python's min/max return the first item equal to the result (a later one replaces the
        # pick only when strictly smaller/larger): compared with the result, off the chain of
        # picks, so `b = max(b, x)` keeps its one-instruction max in a loop
        false = ir.Const(BOOL, span, False)
        out = flags[-1] if flags[-1] is not None else false
        for k in range(len(e.args) - 2, -1, -1):
            same = ir.Compare(BOOL, span, ["=="], [ir.copy_expr(e), ir.copy_expr(e.args[k])], [F64])
            out = ir.IfExp(BOOL, span, same, flags[k] if flags[k] is not None else false, out)
        return out
    return None


def result_flag(e: ir.Expr, shadows: dict, followed_only: bool = False) -> ir.Expr | None:
    """The flag of a statement expression's f64 result (`sum(xs)`, `max(xs)` of a list whose ints
    a shadow follows: their accumulator has a shadow), valid only once it has run: read where the
    expression is the whole value of a box, a `return` or an assignment (frontend/intescape.py
    refuses it anywhere else).  `followed_only`: only of a statement expression reading the items
    of a container a shadow follows (`sum(xs)` of any list starts from the int 0, as Python's)."""
    if isinstance(e, ir.StmtExpr) and isinstance(e.result, ir.Load) and e.result.var.type == F64 \
            and isinstance(shadows.get(id(e.result.var)), ir.Var):
        if followed_only and not any(isinstance(x, ir.Load) and isinstance(x.var.type, (T.List, T.Dict))
                                     and isinstance(shadows.get(id(x.var)), ir.Var)
                                     for s in ir.walk(e.body) for c in ir.children(s) for x in ir.walk_exprs(c)):
            return None
        return ir.Load(BOOL, e.span, shadows[id(e.result.var)])
    return None


def _statements(stmts: list[ir.Stmt]):
    """Every statement in `stmts` (statement expressions' bodies included), with whether it is
    inside a prange body."""
    for s, par, _ in _statements_in_loops(stmts):
        yield s, par


def _statements_in_loops(stmts: list[ir.Stmt]):
    """`_statements`, with whether each is inside a loop (a comprehension's body included)."""
    stack = [(stmts, False, False)]
    while stack:
        body, par, looped = stack.pop()
        for s in body:
            yield s, par, looped
            inner = par or isinstance(s, ir.ForRange) and s.parallel is not None
            for b in ir.bodies(s):
                stack.append((b, inner, looped or isinstance(s, (ir.ForRange, ir.While))))
            for e in ir.children(s):
                for x in ir.walk_exprs(e):
                    if isinstance(x, ir.StmtExpr):
                        stack.append((x.body, inner, True))


def _shadowed(body: list[ir.Stmt], stmts: list, dicts: dict, aliases: dict,
              seed: dict | None = None) -> dict[int, ir.Var]:
    """The f64 locals some assignment gives an int (none assigned inside a prange body), and the
    candidate dicts some store gives one (frontend/intdicts.py), to a fixed point; `seed`: the
    f64 parameters, whose flags the caller hands in (`_param_seed`)."""
    assigns = [(s, par) for s, par in stmts if isinstance(s, ir.Assign)]
    called = {id(s) for s, par, looped in _statements_in_loops(body) if isinstance(s, ir.Assign) and not looped}
    banned = {id(s.var) for s, par in assigns if par}
    dict_stores = [(var, items) for family in (intdicts, intlists)
                   for var, items in (family.stores(s, dicts) for s, _ in stmts) if var is not None]
    found: dict[int, ir.Var] = {k: v for k, v in (seed or {}).items() if k not in banned}
    changed = True
    while changed:
        changed = False
        probe = {k: [v] * len(v.type.items) if isinstance(v.type, T.Tuple) else v for k, v in found.items()}
        probe.update({t: found[k] for t, k in aliases.items() if k in found})
        for s, par in assigns:
            v = s.var
            if par or id(v) in found or id(v) in banned:
                continue
            if v.type == F64 and (flag(s.value, probe) is not None or id(s) in called and _call_flag(s.value, probe)
                                  or result_flag(s.value, probe, True) is not None) \
                    or _tuple_items(s) \
                    and any(flag(x, probe) is not None for x in _tuple_items(s)):
                found[id(v)] = v
                probe[id(v)] = [v] * len(v.type.items) if isinstance(v.type, T.Tuple) else v
                changed = True
        for var, items in dict_stores:
            values = [x[1] for x in items] if isinstance(var.type, T.Dict) else items
            if id(var) not in found and any(flag(value, probe) is not None or result_flag(value, probe) is not None
                                            for value in values):
                found[id(var)] = var
                changed = True
    return found


def _tuple_items(s: ir.Assign) -> list[ir.Expr]:
    """The items of a tuple display assigned to a tuple local (`$t = (b, a)` of `a, b = b, a`)."""
    if isinstance(s.var.type, T.Tuple) and isinstance(s.value, ir.MakeTuple):
        return s.value.items
    return []


def _call_flag(e: ir.Expr, shadows: dict) -> ir.Expr | None:
    """The flag of an f64 value holding one call's result, read from the error record just after
    the value (`finish` makes the callee store it): for the whole value of a box, a `return` or
    an assignment outside loops, whose flag is evaluated right after it.  The call may sit inside
    arithmetic that keeps flags (`_f(x) + 1`, `-_f(x)`, `2 * _f(x) ** 2`): its flag then joins
    the other operands' as `flag` does — provided nothing evaluated after the call can store
    another flag in the record (no second call, statement expression or operation that calls a
    function value)."""
    calls = [x for x in ir.walk_exprs(e) if isinstance(x, ir.Call)]
    if len(calls) != 1 or calls[0].type != F64:
        return None
    call = calls[0]
    inside = {id(x) for x in ir.walk_exprs(call)}
    for x in ir.walk_exprs(e):
        if id(x) in inside:
            continue
        if isinstance(x, ir.StmtExpr) or isinstance(x, ir.Intrinsic) and \
                any(isinstance(v, str) and k in ("func", "fn", "key") for k, v in x.attrs.items()):
            return None
    return _with_call(e, call, shadows)


def _with_call(e: ir.Expr, call: ir.Call, shadows: dict) -> ir.Expr | None:
    """`flag(e)` where `call`'s flag is the record's (see `_call_flag`); None: a float."""
    return _with_flags(e, {id(call): ir.Intrinsic(BOOL, call.span, "fx.intret", [], {"func": call.func})}, shadows)


def _with_flags(e: ir.Expr, known: dict[int, ir.Expr], shadows: dict) -> ir.Expr | None:
    """`flag(e)` where the nodes in `known` (id → their flag) have the flags given, through the
    arithmetic that keeps flags; None: a float."""
    if id(e) in known:
        return known[id(e)]
    if not any(id(x) in known for x in ir.walk_exprs(e)):
        return flag(e, shadows)
    if not (isinstance(e.type, Scalar) and e.type == F64):
        return None
    if isinstance(e, ir.Cast) and not e.explicit and e.value.type == F64:
        return _with_flags(e.value, known, shadows)
    if isinstance(e, ir.UnaryOp) and e.op in ("neg", "pos"):
        return _with_flags(e.operand, known, shadows)
    if isinstance(e, ir.Intrinsic) and e.name == "abs" and len(e.args) == 1:
        return _with_flags(e.args[0], known, shadows)
    if isinstance(e, ir.BinOp) and e.op in _KEEP:
        a, b = _with_flags(e.left, known, shadows), _with_flags(e.right, known, shadows)
        return None if a is None or b is None else _and(a, b)
    if isinstance(e, ir.BinOp) and e.op == "**" and _int_exponent(e.right):
        return _with_flags(e.left, known, shadows)
    return None


def _captured_calls_flag(fc, box: ir.ObjBox, shadows: dict) -> ir.Expr | None:
    """The flag of a shown value holding several calls' results (`print(_f(x) + _g(y))`): each
    call becomes `{$t = call; $t$int = its flag}` then `$t` (an `ir.StmtExpr`), so its flag is
    read from the error record just after it, before the next call stores its own; the value's
    flag then joins them as `flag` does.  Only for boxes (shown values: no loop's speed at stake);
    None where the arithmetic around the calls does not keep flags (nothing is rewritten)."""
    calls: list[tuple[ir.Expr, ir.Call]] = []      # (parent, call), calls inside calls' arguments left alone
    stack = [(box, box.value)]
    while stack:
        parent, e = stack.pop()
        if isinstance(e, ir.Call):
            if e.type == F64:
                calls.append((parent, e))
            continue
        if isinstance(e, ir.StmtExpr):
            return None
        stack.extend((e, c) for c in ir.children(e))
    if len(calls) < 2 or _with_flags(box.value, {id(c): ir.Const(BOOL, c.span, True) for _, c in calls},
                                     shadows) is None:
        return None
    known = {}
    for parent, call in calls:
        span = call.span
        value = ir.Var(f"$call{len(fc.locals)}", F64, span)
        isint = ir.Var(f"$call{len(fc.locals)}$int", BOOL, span)
        fc.locals.extend([value, isint])
        captured = ir.StmtExpr(F64, span, [
            ir.Assign(span, value, call),
            ir.Assign(span, isint, ir.Intrinsic(BOOL, span, "fx.intret", [], {"func": call.func})),
        ], ir.Load(F64, span, value))
        _replace(box if parent is box else parent, call, captured)
        known[id(captured)] = ir.Load(BOOL, span, isint)
    return _with_flags(box.value, known, shadows)


def finish(functions: dict, python_names) -> None:
    """Make the functions whose flag some call reads (`fx.intret`), or Python does (internal
    functions bound in the module namespace), store it at each return."""
    wanted = set(python_names)
    for fn in functions.values():
        for s in ir.walk(fn.body):
            for e in ir.children(s):
                for x in ir.walk_exprs(e):
                    if isinstance(x, ir.Intrinsic) and x.name == "fx.intret":
                        wanted.add(x.attrs["func"])
    for name in wanted:
        fn = functions.get(name)
        if fn is not None and any(isinstance(s, ir.Return) and s.intflag is not None for s in ir.walk(fn.body)):
            fn.int_return = True
    # the functions some call hands its arguments' flags: they read them at entry
    passed = set()
    for fn in functions.values():
        for s in ir.walk(fn.body):
            for e in ir.children(s):
                for x in ir.walk_exprs(e):
                    if isinstance(x, ir.Call) and x.intargs is not None:
                        passed.add(x.func)
    for name in passed:
        fn = functions.get(name)
        if fn is not None and fn.body and isinstance(fn.body[0], ir.Assign) \
                and isinstance(fn.body[0].value, ir.Intrinsic) and fn.body[0].value.name == "fx.intargs":
            fn.int_args = True


def apply(fc, body: list[ir.Stmt], params: list[ir.Param], ret, public: bool) -> bool:
    """Declare the shadows of `body`'s f64 locals (and boxed dicts of f64 values) that may hold
    Python ints, keep them up to date, and fill the flags of boxes and returns.  True when some
    `return` of a public function may give an int (`Function.int_return`; an internal one keeps
    its returns' flags for `finish`)."""
    stmts = list(_statements(body))
    aliases: dict[int, int] = {}    # a loop's temporary holding a container → the container
    returned = public and _bits_return(ret) and not isinstance(ret, T.Tuple)
    passed: list = []               # (container, call, position): containers handed to `.fx` functions
    dicts = intdicts.candidates(stmts, params, _pure, aliases, returned, passed)
    dicts.update(intlists.candidates(stmts, params, _pure, aliases, returned, passed))     # containers: dicts and lists
    # `base`: what the function's own ints reach; `found` adds what the f64 parameters' flags
    # reach (a caller may pass Python's int: `_show(1)`).  The refusals below stay with `base`:
    # a parameter's flag only makes more values show as Python shows them.
    base = _shadowed(body, stmts, dicts, aliases)
    seed = _param_seed(params)
    found = _shadowed(body, stmts, dicts, aliases, seed) if seed else base
    # a container holding ints passed on: its callee must not show them (frontend/intescape.py)
    fc.int_passed = [(call, k) for key, call, k in passed if key in dicts and key in base]
    # `xs = _f(...)` of such a container: the callee must return a container of its own
    fc.int_passed += [(s.value, None) for s, _ in stmts if isinstance(s, ir.Assign) and id(s.var) in base
                      and id(s.var) in dicts and isinstance(s.value, ir.Call)]
    shadows: dict[int, ir.Var] = {}
    for key, var in found.items():
        if isinstance(var.type, T.Tuple):       # one flag per f64 item
            items = [ir.Var(f"{var.name}$int{k}", BOOL, var.span) if t == F64 else None
                     for k, t in enumerate(var.type.items)]
            fc.locals.extend(x for x in items if x is not None)
            shadows[key] = items
            continue
        shadow = _family(var).shadow_var(var) if key in dicts else ir.Var(f"{var.name}$int", BOOL, var.span)
        fc.locals.append(shadow)
        shadows[key] = shadow
    for temp, key in aliases.items():
        if key in shadows:
            shadows[temp] = shadows[key]
    entry = _read_param_flags(fc, params, {k: shadows[k] for k in seed if k in shadows})
    int_return = False
    returns: list[ir.Return] = []
    stack = [(body, False, False)]
    while stack:
        stmts, par, looped = stack.pop()
        out: list[ir.Stmt] = []
        for s in stmts:
            inner = par or isinstance(s, ir.ForRange) and s.parallel is not None
            deeper = looped or isinstance(s, (ir.ForRange, ir.While))
            if not inner:
                _boxes(fc, s, shadows, dicts)
                _pass_flags(s, shadows)
            # Flags are computed before the statement (they may read what it changes) and stored
            # after it, so a statement that raises leaves every shadow as it was.
            after: list[ir.Stmt] = []
            if not par:
                for family in (intdicts, intlists):
                    var, items = family.stores(s, dicts)
                    if var is not None and id(var) in shadows:
                        values = [x[1] for x in items] if family is intdicts else items
                        if isinstance(s, ir.Assign) and isinstance(s.value, ir.StmtExpr):
                            values = []     # a comprehension's items: flagged inside its loops
                        early = {id(v): _early(fc, flag(v, shadows), out, s.span) for v in values}
                        # `[sum(xs)]`: the flag of a sum's accumulator, known only once it has run
                        late = {id(v): result_flag(v, shadows) for v in values if early[id(v)] is None}
                        late = {k: f for k, f in late.items() if f is not None}
                        early.update(late)
                        pre, after = family.around(fc, s, var, items, shadows[id(var)], lambda e: early[id(e)], _pure,
                                                   lambda e: flag(e, shadows))
                        if late:    # what reads those flags runs after the statement
                            pre, after = [], pre + after
                        out.extend(pre)
            if isinstance(s, ir.Assign) and isinstance(shadows.get(id(s.var)), list) and not par:
                items = _tuple_items(s) or [None] * len(s.var.type.items)
                for item, shadow in zip(items, shadows[id(s.var)]):
                    if shadow is not None:
                        f = _early(fc, flag(item, shadows), out, s.span) if item is not None else None
                        after.append(ir.Assign(s.span, shadow, f if f is not None else ir.Const(BOOL, s.span, False)))
            if isinstance(s, ir.Assign) and id(s.var) in shadows and s.var.type == F64 and not par:
                f = _early(fc, flag(s.value, shadows), out, s.span)
                if f is None:
                    f = result_flag(s.value, shadows)   # read after the statement, as it must be
                if f is None and not looped:
                    # `y = _f(x)` outside loops: the callee's flag, read just after the call (in a
                    # loop the read would keep the loop from being speculated: a float there)
                    f = _call_flag(s.value, shadows)
                after.append(ir.Assign(s.span, shadows[id(s.var)], f if f is not None else ir.Const(BOOL, s.span, False)))
            if isinstance(s, ir.Return) and ret == F64 and s.value is not None and not par:
                returns.append(s)
                f = flag(s.value, shadows)
                f = f if f is not None else result_flag(s.value, shadows)
                s.intflag = f if f is not None else _call_flag(s.value, shadows)
                int_return = int_return or s.intflag is not None
            if isinstance(s, ir.Return) and isinstance(ret, T.Tuple) and _bits_return(ret) and s.value is not None \
                    and not par:
                returns.append(s)
                s.intflag = _item_bits(s.value, shadows)
                int_return = int_return or s.intflag is not None
            if isinstance(s, ir.Return) and returned and s.value is not None and not par:
                returns.append(s)
                var = s.value.var if isinstance(s.value, ir.Load) else None
                if var is not None and id(var) in dicts and id(var) in shadows:
                    # `return d` to Python: the flags go with it (frontend/intdicts.py, intlists.py)
                    pre, s.intflag = _family(var).returned_flags(fc, var, shadows[id(var)], s.span)
                    out.extend(pre)
                    int_return = True
            out.append(s)
            out.extend(after)
            for b in ir.bodies(s):
                stack.append((b, inner, deeper))
            for e in ir.children(s):
                for x in ir.walk_exprs(e):
                    if isinstance(x, ir.StmtExpr):
                        stack.append((x.body, inner, True))
        stmts[:] = out
    if entry and _needed(body, {id(s.var) for s in entry[1:]}):
        body[:0] = entry
    else:       # no parameter's flag is read: the body stays as it was
        for s in entry[1:]:
            if s.var in fc.locals and not _reads_any(body, {id(s.var)}) and not _assigns(body, s.var):
                fc.locals.remove(s.var)
        if entry:
            fc.locals.remove(entry[0].var)
    # an int stored among floats where no shadow keeps it: refused (frontend/intescape.py)
    from fastext.compiler.frontend import intescape
    own = {k: v for k, v in shadows.items() if k in base or aliases.get(k) in base}
    intescape.check(fc, list(_statements(body)), own, flag, body)
    if int_return:      # every return then says what it gives (the record may hold a callee's flag)
        for s in returns:
            if s.intflag is None:
                s.intflag = ir.Const(I64, s.span, 0) if _bits_return(ret) else ir.Const(BOOL, s.span, False)
    return int_return and public


# f64 parameters past this position get no flag (the flags share an i64 with a mark:
# lower/intrinsics.py: intargs_tag)
_MAX_FLAGGED = 48


def _param_seed(params: list[ir.Param]) -> dict[int, ir.Var]:
    """The f64 parameters whose int flag a caller may hand in (`_pass_flags`)."""
    return {id(p.var): p.var for k, p in enumerate(params) if p.var.type == F64 and k < _MAX_FLAGGED}


def _read_param_flags(fc, params: list[ir.Param], shadows: dict) -> list[ir.Stmt]:
    """The statements that start the body: each f64 parameter's shadow from the flags its caller
    stored (`fx.intargs`; 0 from Python, where an int argument is converted to a float)."""
    if not shadows:
        return []
    span = params[0].var.span
    bits = ir.Var(f"$argints{len(fc.locals)}", I64, span)
    fc.locals.append(bits)
    out: list[ir.Stmt] = [ir.Assign(span, bits, ir.Intrinsic(I64, span, "fx.intargs", [], {}))]
    for k, p in enumerate(params):
        shadow = shadows.get(id(p.var))
        if shadow is None:
            continue
        bit = ir.BinOp(I64, span, "&", ir.Load(I64, span, bits), ir.Const(I64, span, 1 << k))
        out.append(ir.Assign(span, shadow, ir.Compare(BOOL, span, ["!="], [bit, ir.Const(I64, span, 0)], [I64])))
    return out


def _reads_any(body: list[ir.Stmt], ids: set[int]) -> bool:
    """Whether some expression in `body` loads one of the variables `ids`."""
    return any(isinstance(x, ir.Load) and id(x.var) in ids
               for s in ir.walk(body) for e in ir.children(s) for x in ir.walk_exprs(e))


def _needed(body: list[ir.Stmt], ids: set[int]) -> bool:
    """Whether the value of one of the bool variables `ids` reaches something other than the
    updates of bool locals that nothing else reads (`y = x` keeps `y$int = x$int`, which LLVM
    deletes when `y`'s flag is never shown): a box, a return, a call's flags, a condition."""
    feeds: dict[int, set[int]] = {}     # bool local → the variables its assignments read
    roots: set[int] = set()
    for st in ir.walk(body):
        loads = {id(x.var) for e in ir.children(st) for x in ir.walk_exprs(e) if isinstance(x, ir.Load)}
        if isinstance(st, ir.Assign) and st.var.type == BOOL:
            feeds.setdefault(id(st.var), set()).update(loads)
        else:
            roots |= loads
    seen, todo = set(), [v for v in roots]
    while todo:
        v = todo.pop()
        if v in seen:
            continue
        seen.add(v)
        todo.extend(feeds.get(v, ()))
    return bool(seen & ids)


def _assigns(body: list[ir.Stmt], var: ir.Var) -> bool:
    return any(isinstance(s, ir.Assign) and s.var is var for s in ir.walk(body))


def _pass_flags(s: ir.Stmt, shadows: dict) -> None:
    """Give each call statement `s` makes the int flags of its f64 arguments (`Call.intargs`, bit
    k for argument k), computed as the statement starts: the callee's parameter shadows start
    from them (`_read_param_flags`), so `_show(1)` prints `1` as Python does."""
    stack = list(ir.children(s))
    while stack:
        x = stack.pop()
        if isinstance(x, ir.StmtExpr):
            stack.append(x.result)      # its body is walked as statements
            continue
        stack.extend(ir.children(x))
        if not isinstance(x, ir.Call) or x.intargs is not None:
            continue
        bits: ir.Expr | None = None
        for k, a in enumerate(x.args[:_MAX_FLAGGED]):
            f = flag(a, shadows) if a.type == F64 else None
            if f is None:
                continue
            bit = ir.IfExp(I64, a.span, f, ir.Const(I64, a.span, 1 << k), ir.Const(I64, a.span, 0))
            bits = bit if bits is None else ir.BinOp(I64, a.span, "|", bits, bit)
        x.intargs = bits


def _bits_return(ret) -> bool:
    """A result whose flags the entry point reads as an i64 (Function.int_return): a tuple with
    f64 items, one bit each (`_item_bits`), or a list or dict of f64 values returned to Python,
    the address of a `list[bool]` of their flags in order (0: none)."""
    if isinstance(ret, T.Tuple):
        return F64 in ret.items and len(ret.items) < 64
    return isinstance(ret, T.List) and ret.item == F64 or intdicts.eligible_type(ret)


def _item_bits(value: ir.Expr, shadows: dict) -> ir.Expr | None:
    """The flags of a returned tuple's f64 items as the bits of an i64 (bit k: item k is Python's
    int), evaluated just after the tuple: `return (0, x)` of a display, or a tuple local whose
    items have shadows (`return best` after `best = (0, -1)`); None when no item may be an int.
    The entry point boxes item k by bit k (abi/wrapper.py)."""
    span = value.span
    if isinstance(value, ir.MakeTuple):
        flags = [flag(item, shadows) if item.type == F64 else None for item in value.items]
    elif isinstance(value, ir.Load) and isinstance(shadows.get(id(value.var)), list):
        flags = [ir.Load(BOOL, span, item) if item is not None else None for item in shadows[id(value.var)]]
    else:
        return None
    bits: ir.Expr | None = None
    for k, f in enumerate(flags):
        if f is None:
            continue
        bit = ir.IfExp(I64, span, f, ir.Const(I64, span, 1 << k), ir.Const(I64, span, 0))
        bits = bit if bits is None else ir.BinOp(I64, span, "|", bits, bit)
    return bits


def _early(fc, f: ir.Expr | None, out: list[ir.Stmt], span) -> ir.Expr | None:
    """`f` evaluated now: a constant as it is, anything else into a new bool local."""
    if f is None or isinstance(f, ir.Const):
        return f
    temp = ir.Var(f"$int{len(fc.locals)}", BOOL, span)
    fc.locals.append(temp)
    out.append(ir.Assign(span, temp, f))
    return ir.Load(BOOL, span, temp)


def _boxes(fc, s: ir.Stmt, shadows: dict, dicts: dict) -> None:
    """Fill the flags of the boxes of f64 values statement `s` evaluates itself; a box of a
    shadowed dict becomes the dict with its int values fixed (frontend/intdicts.py)."""
    stack = [(s, e) for e in ir.children(s)]
    while stack:
        parent, x = stack.pop()
        if isinstance(x, ir.ObjBox) and x.intflag is None and x.value.type == F64:
            f = flag(x.value, shadows)
            f = f if f is not None else result_flag(x.value, shadows)
            x.intflag = f if f is not None else _call_flag(x.value, shadows)
            if x.intflag is None:
                x.intflag = _captured_calls_flag(fc, x, shadows)
        elif isinstance(x, ir.ObjBox) and x.intflag is None and isinstance(x.value, ir.Load) \
                and id(x.value.var) in dicts and id(x.value.var) in shadows:
            _replace(parent, x, _family(x.value.var).boxed(fc, x, x.value.var, shadows[id(x.value.var)]))
            continue
        elif isinstance(x, ir.ObjBox) and x.intflag is None and isinstance(x.value, ir.Intrinsic) \
                and x.value.name == "list.display" and x.value.type.item == F64 \
                and any(_shown_flag(item, shadows) is not None for item in x.value.args):
            # `print([e, f])`: the Python list of the items boxed one by one, each by its flag
            span = x.span
            items = [ir.ObjBox(OBJECT, item.span, item, _shown_flag(item, shadows)) for item in x.value.args]
            made = ir.ObjCall(OBJECT, span, ir.Intrinsic(OBJECT, span, "py.builtin", [], {"name": "list"}), None,
                              [ir.Intrinsic(PyObj("tuple"), span, "text.tuple", items)], ())
            _replace(parent, x, made)
            continue
        elif isinstance(x, ir.ObjBox) and x.intflag is None and isinstance(x.value.type, T.Tuple) \
                and F64 in x.value.type.items and _tuple_flags(x.value, shadows) is not None:
            # `print(t)`, `print((xs[0], 2.5))`: the Python tuple of the items, each f64 one by its flag
            span = x.span
            items = [ir.ObjBox(OBJECT, item.span, item, f) for item, f in _tuple_flags(x.value, shadows)]
            made = ir.ObjCall(OBJECT, span, ir.Intrinsic(OBJECT, span, "py.builtin", [], {"name": "tuple"}), None,
                              [ir.Intrinsic(PyObj("tuple"), span, "text.tuple", items)], ())
            _replace(parent, x, made)
            stack.extend((made, c) for c in ir.children(made))
            continue
        if isinstance(x, ir.StmtExpr):
            stack.append((x, x.result))     # its body is walked as statements
            continue
        stack.extend((x, c) for c in ir.children(x))


def _shown_flag(item: ir.Expr, shadows: dict) -> ir.Expr | None:
    """The flag of an item boxed on its own: its `flag`, or a `sum`'s accumulator's (the box
    reads it once the item has run)."""
    f = flag(item, shadows)
    return f if f is not None else result_flag(item, shadows)


def _family(var: ir.Var):
    return intdicts if isinstance(var.type, T.Dict) else intlists


def _replace(parent, old: ir.Expr, new: ir.Expr) -> None:
    for name, value in vars(parent).items():
        if value is old:
            setattr(parent, name, new)
            return
        if isinstance(value, list):
            for k, item in enumerate(value):
                if item is old:
                    value[k] = new
                    return
    raise AssertionError("box not found in its parent")


def _tuple_flags(value: ir.Expr, shadows: dict) -> list | None:
    """(item, its flag or None) for each item of a boxed tuple whose f64 items may be Python's
    ints: a display (`(xs[0], 2.5)`) or a tuple local with item shadows (`t`); None when no item
    may be an int (the tuple is boxed as it is)."""
    span = value.span
    if isinstance(value, ir.MakeTuple):
        pairs = [(item, flag(item, shadows) if item.type == F64 else None) for item in value.items]
    elif isinstance(value, ir.Load) and isinstance(shadows.get(id(value.var)), list):
        pairs = []
        for k, (t, shadow) in enumerate(zip(value.var.type.items, shadows[id(value.var)])):
            pairs.append((ir.TupleGet(t, span, ir.copy_expr(value), k),
                          ir.Load(BOOL, span, shadow) if shadow is not None else None))
    else:
        return None
    if all(f is None for _, f in pairs):
        return None
    return pairs
