"""Module-level containers: `BODIES = {"sun": ([0.0, 0.0, 0.0], ...), ...}`,
`SYSTEM = list(BODIES.values())`, `PAIRS = combinations(SYSTEM)` (benchmarks/programs/nbody.fx).

Design (docs/ARCHITECTURE.md, "Module-level containers"):

* **Built natively, once.**  The module-level assignments whose values are not constants are
  checked, in source order, as the body of one synthesized function, the module's *init*
  (`INIT`): each value is typed and evaluated exactly as inside a function (displays,
  `list(...)`, calls of the module's functions, templates included), then bound to the name's
  global by `module.store`.  The namespace exec slot calls it once at import, so the values are
  the ones plain Python builds, with Python's aliasing for free: `PAIRS` holds the very lists
  `SYSTEM` holds, because the same native code made it from them.
* **Memory as long as the module.**  The init's entry point allocates in the module arena (never
  released; lower/module_containers.py), not a call's arena.  Functions read a container with
  `module.load` (its global), so changes persist across calls from Python, as module globals do.
* **Shape frozen after import.**  A call's arena is freed when the call returns, so nothing made
  during a call may become reachable from a module container.  `check_frozen` refuses, in every
  function that runs during a call from Python, the operations that could do it on a list whose
  type is one a module container holds (`append`, `extend`, `insert`, slice assignment: growth
  allocates in the call's arena; and `xs[i] = v` of an item that holds lists or strs).  Item stores of
  numbers (`v1[0] -= dx * b2m`) and the ops that only shrink or reorder (`pop`, `remove`,
  `clear`, `reverse`, `sort`) stay allowed.  The rule is by type, so it also refuses those ops
  on a new local list of such a type: a located compile error says so.
* **Dicts with str keys.**  A display whose keys are all str literals is kept as the list of
  its values plus the keys, known at compile time: `D["key"]` is an item of that list,
  `D.values()` the list itself; other uses are located errors.
* **What Python sees.**  `mod.NAME` is a fresh boxed copy (module `__getattr__`, through a
  getter `__fx_get_NAME__` per container): containers of lists of tuples as Python lists and
  tuples, a str-key dict as a dict; the copy shares nothing with the module's native value.
"""
from __future__ import annotations

import ast

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import Binding, Signature
from fastext.compiler.source import Span

INIT = "__fx_containers__"
HINT = "module-level containers hold lists, tuples and numbers (and dicts with str-literal keys)"


def getter(name: str) -> str:
    """The hidden entry point whose result is `mod.NAME`'s snapshot."""
    return f"__fx_get_{name}__"


def wanted(collector, value: ast.expr) -> bool:
    """Whether a module-level value is a container to build at import (not a constant)."""
    for sub in ast.walk(value):
        if isinstance(sub, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp, ast.Call)):
            return True
        if isinstance(sub, ast.Name):
            b = collector.scope.lookup(sub.id)
            if b is not None and b.kind == "modvar":
                return True
    return False


def collect(collector, target: ast.Name, value: ast.expr, stmt: ast.stmt) -> None:
    """Record `NAME = value` for the init; the name's type is known once the init is checked."""
    scope = collector.scope
    keys = None
    if isinstance(value, ast.Dict) and value.keys and \
            all(isinstance(k, ast.Constant) and type(k.value) is str for k in value.keys):
        keys = tuple(k.value for k in value.keys)
        if len(set(keys)) != len(keys):
            raise FxSyntaxError(collector.span(value), "a module-level dict with a key written twice",
                                "write each key once")
        value = ast.copy_location(ast.List(elts=list(value.values), ctx=ast.Load()), value)
    elif isinstance(value, (ast.Dict, ast.DictComp, ast.Set, ast.SetComp)):
        raise FxSyntaxError(collector.span(value), "module-level dicts and sets are not supported "
                            "(only dict displays whose keys are str literals)",
                            "build it inside the function that uses it, or use a list")
    if target.id in scope.names:
        raise FxSyntaxError(collector.span(target), f"`{target.id}` is already bound at module level",
                            "bind each module-level name once")
    scope.names[target.id] = Binding("modvar", (scope.qualify(target.id), keys), None)
    containers = scope.__dict__.setdefault("containers", [])
    containers.append((target.id, value, keys, Span.of(stmt, scope.file)))


def _allowed(t: T.Type) -> bool:
    """Numbers and str values, and lists and tuples of them (nested): what the module arena may
    hold (a str item's reference is kept by the module arena, never released)."""
    if isinstance(t, T.Scalar) or t == T.STRV:
        return True
    if isinstance(t, T.List):
        return _allowed(t.item)
    if isinstance(t, T.Tuple):
        return all(_allowed(i) for i in t.items)
    if isinstance(t, T.Struct) and t.plain:       # `REQUIRED = Strength(0, "required")`: numbers and str fields
        return all(isinstance(ft, T.Scalar) or ft == T.STRV for _, ft in t.fields)
    return False


def _holds_list(t: T.Type) -> bool:
    return isinstance(t, T.List) or isinstance(t, T.Tuple) and any(_holds_list(i) for i in t.items)


def _holds_call_memory(t: T.Type) -> bool:
    """An item whose store would leave call-lived memory in a module container: a list, or a
    str (its reference is kept by the call's arena)."""
    return isinstance(t, T.List) or t == T.STRV or isinstance(t, T.Tuple) and any(
        _holds_call_memory(i) for i in t.items)


def check_init(scope, diags, root: bool) -> dict[str, ir.Function]:
    """The init and the getters (name → function), after binding every container's type."""
    containers = scope.__dict__.get("containers", [])
    if not containers:
        return {}
    if not root:
        name, _, _, span = containers[0]
        diags.error(span, f"module-level container `{name}` in an imported `.fx` module is not supported yet",
                    "define it in the module being compiled, or pass it as a parameter")
        return {}
    from fastext.compiler.frontend import lists
    from fastext.compiler.frontend.function import FunctionChecker
    span0 = containers[0][3]
    fc = FunctionChecker(scope, diags, Signature(INIT, [], {}, T.NONE, span0))
    fc.qualname, fc.internal, fc.forwardable, fc.forwarded = INIT, True, {}, {}
    body: list[ir.Stmt] = []
    typed = []
    for name, node, keys, span in containers:
        qual = scope.qualify(name)
        fc.current_span = span
        try:
            value = fc.expr(node)
            if not isinstance(value.type, (T.ErrorType, T.List, T.Tuple)) and \
                    not (isinstance(value.type, T.Struct) and value.type.plain):
                raise FxSyntaxError(span, f"module-level `{name}` is {T.article(value.type)}: "
                                    "module-level values must be constant numbers, NumPy arrays or containers",
                                    HINT)
        except FxSyntaxError as e:
            diags.add(e.diagnostic)
            scope.names[name] = Binding("modvar", (qual, keys), T.ERROR)
            continue
        # (a display of ints may still become floats: `finish` settles the type below)
        scope.names[name] = Binding("modvar", (qual, keys), value.type)
        body.append(ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, "module.store", [value], {"name": qual})))
        typed.append((name, qual, span, value))
    lists.finish(fc, body)
    # no shadow follows a module container: an int among its floats is refused (frontend/intescape.py)
    from fastext.compiler.frontend import intescape, intflags
    intescape.check(fc, list(intflags._statements(body)), {}, intflags.flag, body)
    out = {INIT: ir.Function(INIT, [], T.NONE, body, span0, locals=fc.locals)}
    out[INIT].exported = False
    for name, qual, span, value in typed:     # the types `finish` settled
        if not _allowed(value.type):
            diags.error(span, f"module-level `{name}` is {T.article(value.type)}: module-level values must be "
                        "constant numbers, NumPy arrays or containers of numbers", HINT)
            scope.names[name] = Binding("modvar", (qual, scope.names[name].value[1]), T.ERROR)
            continue
        keys = scope.names[name].value[1]
        scope.names[name] = Binding("modvar", (qual, keys), value.type)
        from fastext.compiler.frontend.classes import linked
        if linked(value.type) is not None:
            continue        # instances of a class that stays inside compiled code: `mod.NAME` is absent
        fn = ir.Function(getter(name), [], value.type,
                         [ir.Return(span, ir.Intrinsic(value.type, span, "module.load", [], {"name": qual}))],
                         span, locals=[])
        fn.exported = False
        out[fn.name] = fn
    return out


def load(fc, node: ast.Name, b: Binding) -> ir.Expr:
    """A module-level container used as a value (`bodies = SYSTEM`, `for p in PAIRS`)."""
    span = fc.span(node)
    qual, keys = b.value
    if b.type is None:
        raise fc.error(node, f"`{node.id}` is used before it is assigned",
                       "module-level values are built in source order: assign it above this line")
    if isinstance(b.type, T.ErrorType):
        return ir.Expr(T.ERROR, span)
    if fc.sig.target != "cpu":
        raise fc.error(node, "module-level containers live in host memory: GPU code cannot read them",
                       "pass the values to the kernel as parameters")
    if keys is not None:    # `for k in D`, `D.items()`, `len(D)`: a native dict of the keys and values
        return fc.expr(_as_dict(node, keys))
    return ir.Intrinsic(b.type, span, "module.load", [], {"name": qual})


def _as_dict(node: ast.Name, keys) -> ast.expr:
    """`dict(zip(["k1", ...], D.values()))`: a new dict each time it is evaluated."""
    values = ast.Call(ast.Attribute(ast.Name(node.id, ast.Load()), "values", ast.Load()), [], [])
    made = ast.Call(ast.Name("dict", ast.Load()), [ast.Call(ast.Name("zip", ast.Load()), [
        ast.List([ast.Constant(k) for k in keys], ast.Load()), values], [])], [])
    for sub in ast.walk(made):
        ast.copy_location(sub, node)
    return made


def strdict(fc, node: ast.expr) -> Binding | None:
    """The binding when `node` names a module-level dict with str keys (not hidden by a local)."""
    if isinstance(node, ast.Name) and node.id not in fc.vars:
        b = fc.scope.lookup(node.id)
        if b is not None and b.kind == "modvar" and b.value[1] is not None:
            return b
    return None


def _values(fc, node: ast.Name, b: Binding) -> ir.Expr:
    if b.type is None or isinstance(b.type, T.ErrorType):
        return load(fc, node, b)
    return ir.Intrinsic(b.type, fc.span(node), "module.load", [], {"name": b.value[0]})


def subscript(fc, node: ast.Subscript, b: Binding) -> ir.Expr:
    """`D["key"]`: the key's item (the key is known when compiled, so a missing one is a
    compile error: Python's KeyError would be raised on every run)."""
    values = _values(fc, node.value, b)
    if isinstance(values.type, T.ErrorType):
        return values
    keys = b.value[1]
    span = fc.span(node)
    key = node.slice
    if isinstance(key, ast.Constant) and type(key.value) is str:
        if key.value not in keys:
            raise fc.error(key, f"KeyError: {key.value!r} is not a key of `{node.value.id}`",
                           f"its keys: {', '.join(map(repr, keys[:6]))}")
        return ir.Intrinsic(values.type.item, span, "list.get", [values, ir.Const(T.I64, span, keys.index(key.value))])
    if isinstance(key, ast.Name):
        # a str variable (`BODIES[ref]`): the index of the first key equal to it, compared in turn;
        # no key matching raises KeyError(ref), as Python's dict does
        chain: ast.expr = ast.Constant(len(keys))
        for k in reversed(range(len(keys))):
            test = ast.Compare(ast.Name(key.id, ast.Load()), [ast.Eq()], [ast.Constant(keys[k])])
            chain = ast.IfExp(test, ast.Constant(k), chain)
        fc.temp_count += 1
        name = f"$key{fc.temp_count}"
        found = ast.Assign([ast.Name(name, ast.Store())], chain)
        missing = ast.If(ast.Compare(ast.Name(name, ast.Load()), [ast.Eq()], [ast.Constant(len(keys))]),
                         [ast.Raise(ast.Call(ast.Name("KeyError", ast.Load()), [ast.Name(key.id, ast.Load())], []))], [])
        for stmt in (found, missing):
            for sub in ast.walk(stmt):
                ast.copy_location(sub, key)
        before = len(fc.diags.items)
        stmts = fc.block([found, missing])
        var = fc.vars.get(name)
        if var is None or len(fc.diags.items) != before:
            return ir.Expr(T.ERROR, span)
        item = ir.Intrinsic(values.type.item, span, "list.get", [values, ir.Load(var.type, span, var)])
        return ir.StmtExpr(values.type.item, span, stmts, item)
    if isinstance(key, (ast.Subscript, ast.Call, ast.Attribute, ast.BinOp, ast.IfExp, ast.JoinedStr)):
        # `PREC[ops[-1]]`: the key evaluated once into a local, then looked up as a str variable
        fc.temp_count += 1
        name = f"$kv{fc.temp_count}"
        stored = ast.copy_location(ast.Assign([ast.copy_location(ast.Name(name, ast.Store()), key)], key), key)
        before = len(fc.diags.items)
        first = fc.block([stored])
        if name not in fc.vars or len(fc.diags.items) != before:
            return ir.Expr(T.ERROR, span)
        looked = ast.copy_location(ast.Subscript(node.value, ast.copy_location(ast.Name(name, ast.Load()), key),
                                                 ast.Load()), node)
        inner = subscript(fc, looked, b)
        if isinstance(inner, ir.StmtExpr):
            return ir.StmtExpr(inner.type, span, first + inner.body, inner.result)
        return ir.StmtExpr(inner.type, span, first, inner)
    raise fc.error(key, f"`{node.value.id}` has str keys known when compiled: index it with a str literal "
                   "or a str variable", f"write `{node.value.id}[{keys[0]!r}]`")


def contains(fc, node: ast.Compare) -> ir.Expr:
    """`s in D` / `s not in D` of a module-level dict with str keys: the keys are known when
    compiled, so `s` is compared with each (`s == "k1" or s == "k2" ...`)."""
    b = strdict(fc, node.comparators[0])
    keys = b.value[1]
    left = node.left
    if not isinstance(left, (ast.Name, ast.Constant)):
        raise fc.error(left, f"`... in {node.comparators[0].id}` tests a name or a literal here",
                       "assign the value to a name first: k = ...; k in D")
    tests = [ast.Compare(left, [ast.Eq()], [ast.Constant(k)]) for k in keys]
    test: ast.expr = ast.BoolOp(ast.Or(), tests) if len(tests) > 1 else tests[0] if tests else ast.Constant(False)
    if isinstance(node.ops[0], ast.NotIn):
        test = ast.UnaryOp(ast.Not(), test)
    for sub in ast.walk(test):
        ast.copy_location(sub, node)
    return fc.expr(test)


def method(fc, node: ast.Call, b: Binding) -> ir.Expr:
    """`D.values()` (the values in insertion order, a list every call shares) and `len(D)`."""
    name = node.func.attr
    if name == "values" and not node.args and not node.keywords:
        return _values(fc, node.func.value, b)
    keys = b.value[1]
    if name == "keys" and not node.args and not node.keywords:
        return fc.expr(ast.copy_location(ast.List([ast.copy_location(ast.Constant(k), node) for k in keys],
                                                  ast.Load()), node))
    if name == "get" and len(node.args) == 2 and not node.keywords and \
            isinstance(node.args[0], (ast.Name, ast.Constant)):
        # the keys are known: `D[k] if k in D else default`, no dict built
        key, default = node.args
        if isinstance(key, ast.Constant):
            found = ast.Subscript(node.func.value, key, ast.Load()) if key.value in keys else default
            return fc.expr(ast.copy_location(found, node))
        pick = ast.IfExp(ast.Compare(key, [ast.In()], [node.func.value]),
                         ast.Subscript(node.func.value, key, ast.Load()), default)
        for sub in ast.walk(pick):
            if not hasattr(sub, "lineno"):
                ast.copy_location(sub, node)
        return fc.expr(pick)
    raise fc.error(node, f"`{node.func.value.id}.{name}(...)` of a module-level dict with str keys is not supported",
                   f"use `{node.func.value.id}[\"key\"]`, `.get(k, default)`, `.keys()`, `.values()` or `.items()`")


# Operations that may put call-lived memory into a list: growth allocates a new items buffer in
# the call's arena, and these store items (which may be lists) made during the call.
_GROWS = ("list.append", "list.extend", "list.insert", "list.assign_slice")
_WORDS = {"list.append": "append to", "list.extend": "extend", "list.insert": "insert into",
          "list.assign_slice": "assign a slice of", "list.set": "store an item that holds lists or strs into"}


def _lists_in(t: T.Type, out: set) -> None:
    if isinstance(t, T.List):
        out.add(t)
        _lists_in(t.item, out)
    elif isinstance(t, T.Tuple):
        for i in t.items:
            _lists_in(i, out)
    elif isinstance(t, T.Struct) and t.plain:       # a module-level instance: its str fields
        out.add(t)


def _calls(fn: ir.Function) -> set[str]:
    return {e.func for e in ir.all_exprs(fn.body) if isinstance(e, ir.Call)}


def check_frozen(scope, functions: dict[str, ir.Function], diags) -> None:
    """Refuse, in the functions that run during calls from Python, the list operations that
    could leave a module container pointing into a call's arena (module docstring)."""
    containers = [(n, b) for n, b in scope.names.items() if b.kind == "modvar" and
                  isinstance(b.type, (T.List, T.Tuple, T.Struct))]
    if not containers:
        return
    frozen: dict = {}
    for name, b in containers:
        found: set = set()
        _lists_in(b.type, found)
        for t in found:
            frozen.setdefault(t, name)
    # what runs during calls: everything reachable from functions other than the init
    # (template instances run only when a function calls them)
    todo = [k for k in functions if k != INIT and not k.startswith("__fx_get_") and k not in scope.instances]
    seen: set[str] = set()
    while todo:
        k = todo.pop()
        if k in seen or k not in functions:
            continue
        seen.add(k)
        todo.extend(_calls(functions[k]))
    for k in sorted(seen):
        reported = set()
        fresh = _fresh_vars(functions[k])
        if not k.rpartition(".")[2].startswith("__init__"):     # a constructor stores into the record it builds
            for st in ir.walk(functions[k].body):
                if isinstance(st, ir.SetField) and st.record.type in frozen and _holds_call_memory(st.value.type):
                    diags.error(st.span, f"cannot store {T.article(st.value.type)} into a field of a "
                                f"{st.record.type} here: module-level `{frozen[st.record.type]}` holds instances "
                                "of it, which live as long as the module, and what a call makes is freed when "
                                "it returns", "store numbers into such fields, or keep the text in a local")
        for e in ir.all_exprs(functions[k].body):
            if not (isinstance(e, ir.Intrinsic) and e.name in _WORDS and e.args):
                continue
            t = e.args[0].type
            if t not in frozen or e.name == "list.set" and not _holds_call_memory(t.item):
                continue
            if _is_fresh(e.args[0], fresh):     # a list this call made: no module container holds it
                continue
            if (e.span.line, e.name) in reported:
                continue
            reported.add((e.span.line, e.name))
            owner = frozen[t]
            diags.error(e.span, f"cannot {_WORDS[e.name]} a {t} here: module-level `{owner}` holds lists of "
                        "this type, which live as long as the module, and what a call makes is freed when "
                        "it returns",
                        "module-level containers keep the shape they had at import: change items in place "
                        "(`xs[i] = x`), or use a list of another type for values made during a call "
                        "(docs/language.md, \"Module-level containers\")")


def _new_list(e: ir.Expr) -> bool:
    from fastext.compiler import ops
    return isinstance(e, ir.Intrinsic) and e.name.startswith("list.") and ops.get(e.name).allocates \
        and e.name not in _GROWS


def _fresh_vars(fn: ir.Function) -> set[int]:
    """The local list variables that only ever hold lists made in this function (every
    assignment a display, comprehension, copy, slice...): no module container reaches them,
    since storing one into a container is itself refused."""
    assigns: dict[int, list[ir.Expr]] = {}
    for s in ir.walk(fn.body):
        if isinstance(s, ir.Assign) and isinstance(s.var.type, T.List):
            assigns.setdefault(id(s.var), []).append(s.value)
    params = {id(p.var) for p in fn.params}
    fresh = {k for k in assigns if k not in params}
    changed = True
    while changed:      # a variable assigned from another is fresh when that one is
        changed = False
        for k in list(fresh):
            if not all(_is_fresh(v, fresh) for v in assigns[k]):
                fresh.discard(k)
                changed = True
    return fresh


def _is_fresh(e: ir.Expr, fresh: set[int]) -> bool:
    if isinstance(e, ir.Load):
        return id(e.var) in fresh
    if isinstance(e, ir.StmtExpr):
        return _is_fresh(e.result, fresh)
    return _new_list(e)


def namespace(functions: dict[str, ir.Function]) -> dict:
    """The init and the getters as entries of the method table (abi/namespace.py)."""
    return {k: ("func", k) for k in functions if k == INIT or k.startswith("__fx_get_") and k.endswith("__")}
