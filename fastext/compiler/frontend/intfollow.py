"""Which local containers an int shadow can follow (frontend/intdicts.py, intlists.py): those
whose every use is one the shadow keeps in step with, and that are boxed somewhere (shown to
Python: print, str, f-strings, Python calls), so a container that is never shown pays nothing.
"""
from __future__ import annotations

from fastext.compiler import ir


def with_parents(s: ir.Stmt):
    """(parent, expression) for every expression statement `s` evaluates itself (a statement
    expression's body is a statement list of its own, walked separately)."""
    stack = [(s, e) for e in ir.children(s)]
    while stack:
        parent, e = stack.pop()
        yield parent, e
        stack.extend((e, c) for c in ir.children(e))


def followed(stmts_of, params: list[ir.Param], eligible, fresh, use_ok, iteration: tuple[str, ...],
             aliases: dict, returned: bool = False, passed: list | None = None) -> dict[int, ir.Var]:
    """The containers of an `eligible` type, assigned only `fresh` values outside prange bodies,
    whose every read is boxing, a use `use_ok(intrinsic, statement)` accepts (the container its
    first argument; `statement`: the intrinsic is the whole expression statement), or a loop's
    iteration temporary read only by the `iteration` operations.  `stmts_of`: (statement, inside
    a prange body) pairs; `aliases` gains each followed container's iteration temporaries.
    `returned`: the function's result goes to Python, so `return d` is a box too (the entry point
    boxes it by the flags the return hands over: frontend/intflags.py).  `passed` gains (container,
    call, argument position) for each container passed to a `.fx` function: followed here, its
    callee must not show its items' types (checked once every function is: frontend/intescape.py)."""
    seen: dict[int, ir.Var] = {}
    bad: set[int] = {id(p.var) for p in params}
    boxed: set[int] = set()
    temps: dict[int, int] = {}          # iteration temporary → the container it holds
    temp_ok: dict[int, bool] = {}
    for s, par in stmts_of:
        if isinstance(s, ir.Assign) and eligible(s.var.type):
            seen.setdefault(id(s.var), s.var)
            if par or not fresh(s.value):
                bad.add(id(s.var))
        for parent, e in with_parents(s):
            if not isinstance(e, ir.Load):
                continue
            v = e.var
            if id(v) in temps:
                if isinstance(parent, ir.Assign) and parent.value is e and parent.var.name.startswith("$t") \
                        and not parent.var.is_param:
                    temps[id(parent.var)] = temps[id(v)]       # `sum(xs)`: a copy of the loop's copy
                    temp_ok.setdefault(id(parent.var), True)
                    continue
                if not (isinstance(parent, ir.Intrinsic) and parent.name in iteration and parent.args[0] is e):
                    temp_ok[id(v)] = False
                continue
            if not eligible(v.type):
                continue
            seen.setdefault(id(v), v)
            if par:
                bad.add(id(v))
            elif isinstance(parent, ir.ObjBox) or returned and isinstance(parent, ir.Return) and parent.value is e:
                boxed.add(id(v))
            elif isinstance(parent, ir.Intrinsic) and parent.args and parent.args[0] is e and \
                    use_ok(parent, isinstance(s, ir.ExprStmt) and s.value is parent):
                pass
            elif passed is not None and isinstance(parent, ir.Call) and any(a is e for a in parent.args):
                passed.append((id(v), parent, next(k for k, a in enumerate(parent.args) if a is e)))
            elif isinstance(parent, ir.Assign) and parent.var.name.startswith("$t") and not parent.var.is_param:
                temps[id(parent.var)] = id(v)      # `for k in d`, `for x in xs`: the container read once
                temp_ok.setdefault(id(parent.var), True)
            else:
                bad.add(id(v))
    for t, ok in temp_ok.items():
        if not ok:
            bad.add(temps[t])
    # not only the boxed ones: an item read (`print(xs[0])`, `s += xs[i]`) shows an int too, and
    # an int stored into a container no shadow follows is refused (frontend/intescape.py); a
    # container that holds no int gets no shadow (frontend/intflags.py: `_shadowed`)
    out = {k: v for k, v in seen.items() if k not in bad}
    aliases.update({t: v for t, v in temps.items() if v in out})     # a loop's copy reads the same flags
    return out
