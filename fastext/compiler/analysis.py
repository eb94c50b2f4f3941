"""Facts about the typed IR that the ABI layer needs.

- `writes`: which array parameters a function stores into (directly, through a
  local alias, or through a callee) — only those buffers are required writable.
- `loops`: whether running the function may loop (a loop, recursion, or a call
  to a looping function) — only then is the GIL released around the body.
- `objects`: whether it uses Python objects (itself or through a callee) — then never.
"""
from __future__ import annotations

from fastext.compiler import ir, ops
from fastext.compiler import types as T
from fastext.compiler.types import PyObj


GLOBAL = -1     # the root of a module-level array's memory (frontend/module_arrays.py), never a parameter


def analyse(module: ir.Module) -> None:
    """Fill `writes`, `loops`, `calls`, `objects` and (for prange) `nogil` on every function of `module`."""
    facts = {name: _Facts(fn) for name, fn in module.functions.items()}
    for fn in module.functions.values():
        fn.calls = set(facts[fn.name].calls)
        fn.writes = {k for k in facts[fn.name].direct_writes if k != GLOBAL}
        if fn.extern:   # a C function may write through every array it is given (docs/extern.md)
            fn.writes = {k for k, p in enumerate(fn.params) if isinstance(p.var.type, T.Array)}
        fn.loops = facts[fn.name].has_loop
    changed = True
    while changed:
        changed = False
        for fn in module.functions.values():
            f = facts[fn.name]
            for callee, arg_roots in f.call_args:
                target = module.functions[callee]
                if target.loops and not fn.loops:
                    fn.loops, changed = True, True
                for k in target.writes:
                    new = arg_roots[k] - fn.writes - {GLOBAL}
                    if new:
                        fn.writes |= new
                        changed = True
    # recursion (direct or mutual) counts as looping
    for fn in module.functions.values():
        if fn.name in callees(module, fn.name):
            fn.loops = True
    # a prange loop runs threads: its function (and its callers) release the GIL on every call
    for fn in module.functions.values():
        if facts[fn.name].has_parallel or any(facts[g].has_parallel for g in callees(module, fn.name)):
            fn.nogil = True
    _objects(module)


def callees(module: ir.Module, start: str) -> set[str]:
    """The functions of `module` a call of `start` may reach, transitively (`start` itself only
    when it is recursive); calls of names the module does not hold are left out."""
    seen: set[str] = set()
    stack = list(module.functions[start].calls)
    while stack:
        name = stack.pop()
        if name not in seen and name in module.functions:
            seen.add(name)
            stack.extend(module.functions[name].calls)
    return seen


def _objects(module: ir.Module) -> None:
    """`objects`: the function touches a Python object (an object parameter or value, a boxed
    number passed on as one) or calls a function that does — then the entry point keeps the
    GIL (docs/ARCHITECTURE.md, "Objects in native code")."""
    for fn in module.functions.values():
        fn.objects = any(_object_type(p.var.type) for p in fn.params) or \
            any(_object_type(v.type) for v in fn.locals) or _uses_objects(fn.body)
    changed = True
    while changed:
        changed = False
        for fn in module.functions.values():
            if not fn.objects and any(module.functions[c].objects for c in fn.calls):
                fn.objects = changed = True


def _object_type(t) -> bool:
    """An object, or a container holding str objects (copying one hashes and increfs its keys)."""
    from fastext.compiler.types import holds_text
    return isinstance(t, PyObj) or holds_text(t)


def _uses_objects(stmts: list[ir.Stmt]) -> bool:
    """Objects in the body, or a store of a module variable (frontend/module_scalars.py), whose
    updates Python threads must see whole: the function keeps the GIL."""
    return any(_object_type(e.type) or isinstance(e, ir.Intrinsic) and e.name == "modscalar.store"
               for e in ir.all_exprs(stmts))


class _Facts:
    def __init__(self, fn: ir.Function):
        self.param_index = {id(p.var): k for k, p in enumerate(fn.params)}
        self.origins: dict[int, set[int]] = {}
        self.direct_writes: set[int] = set()
        self.has_loop = False
        self.has_parallel = False
        self.calls: set[str] = set()
        self.call_args: list[tuple[str, list[set[int]]]] = []
        # aliases first (to a fixed point: `b = a` may follow a use of b in a loop)
        for _ in range(len(fn.locals) + 1):
            before = sum(map(len, self.origins.values()))
            self._walk(fn.body, collect_aliases=True)
            if sum(map(len, self.origins.values())) == before:
                break
        self._walk(fn.body, collect_aliases=False)

    def roots(self, e: ir.Expr) -> set[int]:
        if isinstance(e, ir.Load):
            k = self.param_index.get(id(e.var))
            return {k} if k is not None else set(self.origins.get(id(e.var), ()))
        if isinstance(e, ir.IfExp):
            return self.roots(e.then) | self.roots(e.orelse)
        if isinstance(e, ir.StmtExpr):     # an operation written as .fx source (frontend/synth.py)
            return self.roots(e.result)
        if isinstance(e, ir.ArraySlice):   # a view writes through to its base
            return self.roots(e.array)
        if isinstance(e, ir.Intrinsic) and e.name == "array.global":
            return {GLOBAL}
        if isinstance(e, ir.Intrinsic) and ops.flag(e.name, "aliases"):   # a.T, a.reshape(...), ...
            return self.roots(e.args[0])
        if isinstance(e, ir.Call) and isinstance(e.type, T.Array):
            # a returned array may be a view of any array argument (conservative)
            return set().union(*(self.roots(a) for a in e.args))
        if isinstance(e, ir.MakeTuple):    # tuples may hold arrays
            return set().union(*(self.roots(i) for i in e.items))
        if isinstance(e, ir.TupleGet):
            return self.roots(e.value)
        return set()

    def _walk(self, stmts: list[ir.Stmt], collect_aliases: bool) -> None:
        for s in stmts:
            if collect_aliases:
                if isinstance(s, ir.Assign):
                    self.origins.setdefault(id(s.var), set()).update(self.roots(s.value))
            else:
                if isinstance(s, ir.Store):
                    self.direct_writes |= self.roots(s.array)
                for e in ir.children(s):
                    for sub in ir.walk_exprs(e):
                        if isinstance(sub, ir.ArrayMap):
                            self.has_loop = True           # one loop nest over the elements
                        if isinstance(sub, ir.Intrinsic):
                            op = ops.get(sub.name)
                            for k in op.writes:
                                self.direct_writes |= self.roots(sub.args[k])
                            if op.loops:
                                self.has_loop = True       # it loops over array elements
                if isinstance(s, (ir.While, ir.ForRange)):
                    self.has_loop = True
                if isinstance(s, ir.ForRange) and s.parallel is not None:
                    self.has_parallel = True
                for e in ir.children(s):
                    for call in _calls_in(e):
                        self.calls.add(call.func)
                        self.call_args.append((call.func, [self.roots(a) for a in call.args]))
                    for sub in ir.walk_exprs(e):     # @vectorize functions called per item (scalars only)
                        if isinstance(sub, ir.Intrinsic) and sub.name == "fx.vectorized":
                            self.calls.add(sub.attrs["function"])
            for body in ir.bodies(s) + [e.body for e in ir._stmt_exprs(s)]:
                self._walk(body, collect_aliases)


def _calls_in(e: ir.Expr):
    return (sub for sub in ir.walk_exprs(e) if isinstance(sub, ir.Call))
