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
                and s.value.name in ("list.set", "list.append", "list.insert", "dict.setitem") \
                and len(s.value.args) >= 2 \
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
    from fastext.compiler.frontend.intflags import result_flag
    f = flag(value, shadows)
    f = f if f is not None else result_flag(value, shadows, True)
    if f is None or isinstance(f, ir.Const) and not f.value:
        return None
    return value


def _positions(body: list) -> dict[int, tuple[list, int]]:
    """id of each statement → (the statement list holding it, its index there)."""
    out: dict[int, tuple[list, int]] = {}
    stack = [body]
    while stack:
        stmts = stack.pop()
        for k, s in enumerate(stmts):
            out[id(s)] = (stmts, k)
            stack.extend(ir.bodies(s))
            for e in ir.children(s):
                stack.extend(x.body for x in ir.walk_exprs(e) if isinstance(x, ir.StmtExpr))
    return out


def _assigns(s: ir.Stmt, var: ir.Var) -> bool:
    inner = [s] + [x for b in ir.bodies(s) for x in ir.walk(b)]
    inner += [x for e in ir.children(s) for y in ir.walk_exprs(e) if isinstance(y, ir.StmtExpr) for x in ir.walk(y.body)]
    return any(isinstance(x, ir.Assign) and x.var is var for x in inner)


def _false_here(f: ir.Expr, where: tuple[list, int] | None) -> bool:
    """The flag `f`, a shadow's load, is surely false at statement `where`: the last statement of
    its list before it that sets the shadow sets it to False (`total += p` with p a float, just
    before `probs.append(total)`)."""
    if not (isinstance(f, ir.Load) and where is not None):
        return False
    stmts, k = where
    for s in reversed(stmts[:k]):
        if isinstance(s, ir.Assign) and s.var is f.var:
            return isinstance(s.value, ir.Const) and not s.value.value
        if _assigns(s, f.var):
            return False
    return False


def check(fc, stmts, shadows: dict, flag, body: list | None = None) -> None:
    """Report each int stored among floats where no shadow keeps it (`stmts`: (statement, inside
    a prange body) pairs, as placed by frontend/intflags.py: `apply`)."""
    from fastext.compiler.frontend.intflags import result_flag
    # every expression outside prange bodies, with its statement: walked once
    exprs = [(s, x) for s, par in stmts if not par for e in ir.children(s) for x in ir.walk_exprs(e)]
    stores = [(s, x) for s, x in exprs if isinstance(x, ir.Intrinsic) and x.name in _DISPLAYS + _STORES]
    _results_in_place(fc, stmts, shadows, result_flag, [x for _, x in exprs if isinstance(x, ir.StmtExpr)])
    if not stores:
        return
    handled = _handled(stmts, shadows)
    reported: set[int] = set()
    # a display that is a call's argument (`f([1, 2.5])`, `total(1, 2.5)` packing `*xs`): the
    # callee may only compute with its items, checked once every function is (`refuse_passed`)
    passed_displays = {id(a): (x, k) for _, x in exprs if isinstance(x, ir.Call) for k, a in enumerate(x.args)
                       if isinstance(a, ir.Intrinsic) and a.name in _DISPLAYS}
    deferred: set[int] = set()
    positions: dict = {}        # made at the first int found (most functions store none)
    for s, x in stores:
        for slot in _slots(x):
            if (id(x), id(slot)) in handled and result_flag(slot, shadows, True) is None:
                continue
            item = _maybe_int(slot, shadows, flag)
            if item is None or id(x) in reported:
                continue
            if not positions and body is not None:
                positions = _positions(body)
            if _false_here(flag(item, shadows), positions.get(id(s))):
                continue
            if id(x) in passed_displays and result_flag(slot, shadows, True) is None:
                if id(x) not in deferred:
                    deferred.add(id(x))
                    fc.int_passed = list(getattr(fc, "int_passed", [])) + [passed_displays[id(x)]]
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


def _parents(fn: ir.Function) -> dict[int, list]:
    """id → the parents (statements or expressions) of every expression of `fn`: a node may be
    shared by several parents (one `Load` object read by a loop's operations)."""
    out: dict[int, list] = {}
    for s in ir.walk(fn.body):
        stack = [(s, e) for e in ir.children(s)]
        while stack:
            parent, e = stack.pop()
            known = out.setdefault(id(e), [])
            if not any(p is parent for p in known):
                known.append(parent)
            stack.extend((e, c) for c in ir.children(e))
    return out


def _loads(fn: ir.Function, var: ir.Var) -> list[ir.Load]:
    found: dict[int, ir.Load] = {}
    for s in ir.walk(fn.body):
        for e in ir.children(s):
            for x in ir.walk_exprs(e):
                if isinstance(x, ir.Load) and x.var is var:
                    found[id(x)] = x
    return list(found.values())


class _Hidden:
    """Whether a function's parameter holding a container of floats only computes with its items
    in ways that give the same value whether an item is Python's int or a float: read (never
    changed, passed on, returned or shown), each item read only as an operand of float arithmetic
    (`x * 0.5`, `/`, `math.*`), a comparison or a truth test, or kept in locals used that way."""

    _READS = ("list.len", "dict.len", "dict.contains", "dict.compact", "dict.key")
    _ITEMS = ("list.get", "dict.getitem", "dict.value")

    def __init__(self, fn: ir.Function, functions: dict | None = None, visiting: set | None = None):
        self.fn = fn
        self.functions = functions or {}
        self.visiting = visiting if visiting is not None else set()
        self.parent = _parents(fn)
        self.locals_seen: dict[int, bool] = {}

    def container(self, var: ir.Var) -> bool:
        return all(self._use(load, p, var) for load in _loads(self.fn, var) for p in self.parent.get(id(load), [None]))

    def _use(self, load: ir.Load, p, var: ir.Var) -> bool:
        """The container `var` read by `load` in `p` only as `container` allows."""
        if isinstance(p, ir.Intrinsic) and p.name in ("list.copy", "list.slice", "list.concat", "dict.copy") \
                and any(a is load for a in p.args):
            return self._value_holder(p, var)       # `len(list(u))`: the copy read the same way
        if isinstance(p, ir.Intrinsic) and p.args and p.args[0] is load:
            if p.name in self._READS:
                return True
            return p.name in self._ITEMS and not p.attrs.get("kind") and self.cleared(p)
        if isinstance(p, ir.Assign) and p.value is load and p.var.name.startswith("$t") \
                and not p.var.is_param and p.var is not var:
            return self.container(p.var)        # a loop's copy of the container
        if isinstance(p, ir.Call) and any(a is load for a in p.args):      # passed on: the same rule there
            return all(_hides(self.functions, p, k, self.visiting) for k, a in enumerate(p.args) if a is load)
        if isinstance(p, ir.MakeTuple):     # `f((i, u))`, `t = (i, u)`: where the tuple's item goes
            k = next(i for i, item in enumerate(p.items) if item is load)
            return all(self._tuple_goes(p, q, k) for q in self.parent.get(id(p), [None]))
        return False

    def _value_holder(self, e: ir.Expr, var: ir.Var) -> bool:
        """The container value `e` (a copy of `var`) is read only as `container` allows."""
        for q in self.parent.get(id(e), [None]):
            if isinstance(q, ir.Assign) and q.value is e and not q.var.is_param and q.var is not var:
                if not self.container(q.var):
                    return False
            elif not self._use(e, q, var):
                return False
        return True

    def _tuple_goes(self, made: ir.MakeTuple, q, k: int) -> bool:
        if isinstance(q, ir.Call) and any(a is made for a in q.args):
            fn = self.functions.get(q.func)
            if fn is None:
                return False
            inner = _Hidden(fn, self.functions, self.visiting)
            return all(inner.tuple_holder(fn.params[j].var, k) for j, a in enumerate(q.args) if a is made)
        if isinstance(q, ir.Assign) and q.value is made and not q.var.is_param:
            return self.tuple_holder(q.var, k)
        return False

    def tuple_holder(self, var: ir.Var, k: int) -> bool:
        """Item k of the tuple `var` is a container read only as `container` allows."""
        for load in _loads(self.fn, var):
            for q in self.parent.get(id(load), [None]):
                if isinstance(q, ir.TupleGet) and q.value is load:
                    if q.index != k:
                        continue
                    for r in self.parent.get(id(q), [None]):
                        if isinstance(r, ir.Assign) and r.value is q and not r.var.is_param:
                            if not self.container(r.var):
                                return False
                        elif not self._use(q, r, var):
                            return False
                elif isinstance(q, ir.Assign) and q.value is load and not q.var.is_param and q.var is not var:
                    if not self.tuple_holder(q.var, k):
                        return False
                else:
                    return False
        return True

    def cleared(self, e: ir.Expr) -> bool:
        """The int-ness of `e`'s value cannot be seen where it is used."""
        return all(self._cleared_in(e, p) for p in self.parent.get(id(e), [None]))

    def _cleared_in(self, e: ir.Expr, p) -> bool:
        if isinstance(p, (ir.Compare, ir.Truth)):
            return True
        if isinstance(p, ir.UnaryOp) and p.op in ("neg", "pos"):
            return self.cleared(p)
        if isinstance(p, ir.Cast):
            return p.explicit or p.type != F64 or self.cleared(p)
        if isinstance(p, ir.BinOp):
            if p.op == "/":
                return True
            if p.op in ("+", "-", "*", "//", "%"):
                other = p.right if p.left is e else p.left
                return self.surely_float(other, set()) or self.cleared(p)
            if p.op == "**":
                return p.right is e or self.cleared(p)
            return False
        if isinstance(p, ir.Intrinsic):
            if p.name in ("abs", "min", "max"):
                return self.cleared(p)
            return p.type == F64 and not p.name.startswith(("list.", "dict.", "py.", "text.", "fx."))
        if isinstance(p, ir.MakeTuple):     # `for j, u_j in enumerate(u)`: the item's reads
            k = next(i for i, item in enumerate(p.items) if item is e)
            return all(isinstance(q, ir.Assign) and q.value is p and not q.var.is_param
                       and all(self._tuple_item_cleared(load, k) for load in _loads(self.fn, q.var))
                       for q in self.parent.get(id(p), [None]))
        if isinstance(p, ir.Assign) and p.value is e and p.var.type == F64 and not p.var.is_param:
            known = self.locals_seen.get(id(p.var))
            if known is None:
                self.locals_seen[id(p.var)] = True      # a cycle through itself adds nothing
                known = all(self.cleared(x) for x in _loads(self.fn, p.var))
                self.locals_seen[id(p.var)] = known
            return known
        return False

    def _tuple_item_cleared(self, load: ir.Load, k: int) -> bool:
        """Each read of a tuple local that reaches item k is one `cleared` allows."""
        for q in self.parent.get(id(load), [None]):
            if isinstance(q, ir.TupleGet) and q.value is load:
                if q.index == k and not self.cleared(q):
                    return False
            else:
                return False
        return True

    def surely_float(self, e: ir.Expr, seen: set) -> bool:
        """`e` is a float whatever its operands are (so `x op e` is a float)."""
        if isinstance(e, ir.Const):
            return e.type == F64 and not e.int_literal
        if isinstance(e, ir.Cast):
            return e.explicit and e.type == F64
        if isinstance(e, ir.BinOp):
            if e.op == "/":
                return True
            return e.op in ("+", "-", "*", "//", "%") and (self.surely_float(e.left, seen)
                                                            or self.surely_float(e.right, seen))
        if isinstance(e, ir.Call) and e.type == F64:     # a callee none of whose returns may be an int
            fn = self.functions.get(e.func)
            return fn is not None and not fn.int_return and all(
                r.intflag is None for r in ir.walk(fn.body) if isinstance(r, ir.Return))
        if isinstance(e, ir.Load) and e.type == F64 and not e.var.is_param:
            if id(e.var) in seen:
                return True
            seen.add(id(e.var))
            values = [s.value for s in ir.walk(self.fn.body) if isinstance(s, ir.Assign) and s.var is e.var]
            return bool(values) and all(self.surely_float(v, seen) for v in values)
        return False


def _hides(functions: dict, call: ir.Call, k: int, visiting: set | None = None) -> bool:
    """`call`'s callee only computes with the items of its argument k (`_Hidden`)."""
    fn = functions.get(call.func)
    if fn is None or k >= len(fn.params):
        return False
    visiting = set() if visiting is None else visiting
    if (call.func, k) in visiting:
        return True         # recursion: the other uses decide
    visiting.add((call.func, k))
    return _Hidden(fn, functions, visiting).container(fn.params[k].var)


def refuse_passed(functions: dict, diags) -> None:
    """A container whose ints a shadow follows, passed to a `.fx` function that shows its items'
    types (prints, returns, stores, changes or passes them on): refused at the argument."""
    for fn in functions.values():
        for call, k in getattr(fn, "int_passed", []):
            if k is None:
                if not _returns_own(functions, call.func, set()):
                    diags.error(call.span, f"`{call.func}` may return a list or dict it was given (or one "
                                "kept elsewhere), and ints are stored into its result here: shown "
                                "through the other name, they would be floats", HINT)
                continue
            if _hides(functions, call, k):
                continue
            arg = call.args[k]
            diags.error(arg.span, f"this {'dict' if isinstance(arg.type, T.Dict) else 'list'} of floats holds "
                        f"some of Python's ints, which `{call.func}` would see as floats (it shows, returns, "
                        "stores, changes or passes on its items)", HINT)


_OWN = ("list.display", "list.repeat", "dict.new", "list.slice", "list.copy", "list.concat", "dict.copy")


def _own(fn: ir.Function, functions: dict, e: ir.Expr, seen: set) -> bool:
    """`e` is a container made in this call (not a parameter's or a module's)."""
    if isinstance(e, ir.StmtExpr) or isinstance(e, ir.Intrinsic) and e.name in _OWN:
        return True
    if isinstance(e, ir.Call):
        return _returns_own(functions, e.func, seen)
    if isinstance(e, ir.Load) and not e.var.is_param:
        if id(e.var) in seen:
            return True
        seen.add(id(e.var))
        values = [s.value for s in ir.walk(fn.body) if isinstance(s, ir.Assign) and s.var is e.var]
        return bool(values) and all(_own(fn, functions, v, seen) for v in values)
    return False


def _returns_own(functions: dict, name: str, seen: set) -> bool:
    """Every `return` of function `name` gives a container made in the call."""
    if name in seen:
        return True
    seen.add(name)
    fn = functions.get(name)
    if fn is None:
        return False
    return all(_own(fn, functions, s.value, seen) for s in ir.walk(fn.body)
               if isinstance(s, ir.Return) and s.value is not None)


def _results_in_place(fc, stmts, shadows: dict, result_flag, candidates: list) -> None:
    """`sum(xs)`/`max(xs)` of a list holding Python's ints has its flag only once it has run:
    used inside a larger expression whose value shows int-ness (`sum(xs) + 1` printed), refused.
    `candidates`: the function's statement expressions."""
    import types
    found = [x for x in candidates if result_flag(x, shadows, True) is not None]
    if not found:
        return      # the parents are mapped only where some such value is
    body = [s for s, par in stmts if not par]
    checker = _Hidden(types.SimpleNamespace(body=body))
    for x in found:
        p = checker.parent.get(id(x), [None])[0]
        if isinstance(p, (ir.ObjBox, ir.Return)) or isinstance(p, ir.Assign) and p.value is x \
                or isinstance(p, ir.Intrinsic) and p.name in _DISPLAYS + _STORES or checker.cleared(x):
            continue        # the stores: refused by `check` where no shadow keeps them
        fc.diags.error(x.span, "this is the sum, min or max of a container of floats holding some of "
                       "Python's ints, used inside an expression the compiled code cannot keep its "
                       "int-ness through", "assign it to a name first (`s = sum(xs)`), or " + HINT)
