"""Functions as values: what a name, a lambda or a nested `def` denotes when it is a function.

A function value never exists at run time.  It is a `FuncValue`: the registry key of the
function it calls (a module function, or a template: frontend/templates.py) and its
*environment* — the enclosing function's variables a lambda or a nested `def` reads (a closure),
passed to the target as extra trailing arguments at every call.  The environment holds the
variables themselves (`ir.Var`), loaded where the function is called or passed on, which is
Python's late binding of closures.  Passing a function value to another `.fx` function makes a
clone of the callee for that target (templates.py), whose environment arrives as hidden
parameters; so every call through a function value is a direct call.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

from fastext.compiler import ir
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.types import ERROR, Type

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

HINT = "a function value can be called, bound to a local name once, or passed to a `.fx` function"


@dataclass(frozen=True)
class FuncValue:
    """A statically known function: `target` (a key of `ModuleScope.registry`), its captured
    environment (`ir.Var`s of the function holding the value, or nested function values) and,
    from a `Callable[[A, B], R]` annotation, the argument and result types its calls convert to."""

    target: str
    env: tuple[Union[ir.Var, "FuncValue"], ...] = ()
    shown: str = ""
    arg_types: tuple[Type, ...] | None = None
    ret_type: Type | None = None
    vectorized: bool = False        # `np.vectorize(f)`: a call maps f over arrays (frontend/npvectorize.py)


def shape(v: FuncValue) -> tuple:
    """What a clone of a callee taking `v` depends on: the target and its environment's types."""
    return (v.target, tuple(shape(e) if isinstance(e, FuncValue) else e.type for e in v.env))


def flatten(v: FuncValue) -> list[ir.Var]:
    """The variables a call passes for `v`'s environment, in order (nested values expanded)."""
    out: list[ir.Var] = []
    for e in v.env:
        out.extend(flatten(e) if isinstance(e, FuncValue) else [e])
    return out


def hidden_types(sh: tuple) -> list[Type]:
    """The types of the hidden parameters that carry an environment of shape `sh`."""
    out: list[Type] = []
    for e in sh[1]:
        out.extend(hidden_types(e) if isinstance(e, tuple) else [e])
    return out


def rebuild(sh: tuple, variables: list[ir.Var], shown: str, arg_types=None, ret_type=None) -> FuncValue:
    """The function value of shape `sh` whose environment is `variables` (a clone's hidden params)."""
    it = iter(variables)

    def build(s: tuple) -> FuncValue:
        return FuncValue(s[0], tuple(build(e) if isinstance(e, tuple) else next(it) for e in s[1]), shown)
    v = build(sh)
    return FuncValue(v.target, v.env, shown, arg_types, ret_type)


def value_of(fc: "FunctionChecker", node: ast.expr) -> FuncValue | None:
    """The function value `node` denotes (a function's name, a local bound to one, `other.f`, a
    lambda), or None when it is an ordinary value."""
    if isinstance(node, ast.Name):
        if node.id in fc.funcvals:
            return fc.funcvals[node.id]
        if node.id in fc.vars:
            return None
        b = fc.scope.lookup(node.id)
        if b is not None and b.kind == "func":
            return FuncValue(b.value, (), node.id)
        if b is None and node.id in BUILTIN_ENTRIES:     # `call_with(abs, x)`: the builtin as the lambda calling it
            return closure(fc, _builtin_lambda(node))
        return None
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id not in fc.vars \
            and node.value.id not in fc.funcvals:
        b = fc.scope.lookup(node.value.id)
        if b is not None and b.kind == "module:fx":
            target = b.value.scope.names.get(node.attr)
            if target is not None and target.kind == "func":
                return FuncValue(target.value, (), f"{node.value.id}.{node.attr}")
        return None
    if isinstance(node, ast.Lambda):
        return closure(fc, node)
    if isinstance(node, ast.Call):
        from fastext.compiler.frontend.calls import numpy_name
        if numpy_name(fc, node.func) == "numpy.vectorize":
            from fastext.compiler.frontend import npvectorize
            return npvectorize.value_of(fc, node, ast.unparse(node.func))
    getter = _getter(fc, node)
    if getter is not None:      # `key=itemgetter(1)`: the lambda it stands for
        return closure(fc, getter)
    return None


def bind(fc: "FunctionChecker", target: ast.Name, value: FuncValue) -> list[ir.Stmt]:
    """`f = eval_A`, `f = lambda x: ...`, a nested `def f`: the local name denotes the function.
    Bound once: a second binding would make the function depend on control flow."""
    name = target.id
    if name in fc.funcvals or name in fc.vars:
        raise fc.error(target, f"`{name}` is bound to a function more than once (or is also a variable)",
                       "calls through a function value are resolved at compile time: bind each name once, "
                       "e.g. call the chosen function in each branch of the `if`")
    fc.funcvals[name] = FuncValue(value.target, value.env, name, value.arg_types, value.ret_type, value.vectorized)
    return []


def closure(fc: "FunctionChecker", node: ast.Lambda | ast.FunctionDef) -> FuncValue:
    """A lambda or nested `def`: a template (frontend/templates.py) whose extra trailing
    parameters are the enclosing function's variables the body reads (read-only capture)."""
    from fastext.compiler.frontend.function import _assigned_names
    from fastext.compiler.frontend.templates import Template
    a = node.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise fc.error(node, "*args, **kwargs, keyword-only and positional-only parameters are not supported",
                       "use plain parameters")
    if isinstance(node, ast.FunctionDef) and node.decorator_list:
        raise fc.error(node.decorator_list[0], "a nested function cannot have decorators",
                       "define it at module level to decorate it")
    own = {p.arg for p in a.args}
    body = node.body if isinstance(node, ast.FunctionDef) else [ast.Return(node.body)]
    local = own | _assigned_names(body)
    for n in ast.walk(node):
        if isinstance(n, (ast.Nonlocal, ast.Global)):
            raise fc.error(n, f"`{type(n).__name__.lower()}` is not supported",
                           "a nested function reads the enclosing variables; return a value instead of assigning")
    captured: list[str] = []
    for n in ast.walk(ast.Module(body=body, type_ignores=[])):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in local and n.id not in captured \
                and (n.id in fc.vars or n.id in fc.funcvals):
            captured.append(n.id)
    is_def = isinstance(node, ast.FunctionDef)
    label = node.name if is_def else f"lambda{node.lineno}_{node.col_offset}"
    qualname = f"{fc.qualname}${label}"
    args = ast.arguments(posonlyargs=[], args=list(a.args) + [ast.copy_location(ast.arg(arg=c), node) for c in captured],
                         vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=list(a.defaults))
    shown = node.name if is_def else "lambda"
    fdef = ast.copy_location(ast.FunctionDef(name=shown, args=args, body=body, decorator_list=[],
                                             returns=node.returns if is_def else None, type_comment=None), node)
    fdef.end_lineno, fdef.end_col_offset = node.end_lineno, node.end_col_offset
    if is_def:
        # the span of the `def` line, as for module-level functions, not of the whole body
        fdef.end_lineno, fdef.end_col_offset = node.lineno, node.col_offset + len(f"def {node.name}")
    if qualname not in fc.scope.registry:
        fc.scope.registry[qualname] = Template.of(fdef, qualname, fc.scope, fc.diags, fc.sig.options,
                                                  captured=len(captured))
    env = tuple(fc.funcvals[c] if c in fc.funcvals else fc.vars[c] for c in captured)
    return FuncValue(qualname, env, shown)


def not_a_value(fc: "FunctionChecker", node: ast.AST, name: str) -> FxSyntaxError:
    """The error for a function used where a number or an array is expected."""
    return fc.error(node, f"`{name}` is a function, not a value here", HINT)


def loop_over_functions(fc: "FunctionChecker", node: ast.For) -> list[ir.Stmt] | None:
    """`for op in (square, cube): body` over a display of named functions (None: another loop).
    Function values exist only at compile time, so the loop runs over the positions, and the
    body is repeated once per function with `op` standing for it (a direct call each):

        for $k in range(2):
            if $k == 0: body[op := square]
            elif $k == 1: body[op := cube]

    `break`, `continue` and `else` keep Python's meaning, as the loop is still one loop."""
    it, target = node.iter, node.target
    table = table_of(fc, it)
    if table is not None and table[0] is None:      # `ops = [f, g]` ... `for op in ops:`
        it = ast.copy_location(ast.Tuple(table[1], ast.Load()), it)
    if not (isinstance(it, (ast.Tuple, ast.List)) and it.elts and isinstance(target, ast.Name)):
        return None
    if not all(_named_function(fc, e) for e in it.elts):
        return None
    if any(isinstance(n, ast.Name) and n.id == target.id and not isinstance(n.ctx, ast.Load)
           for st in node.body for n in ast.walk(st)):
        raise fc.error(target, f"`{target.id}` is assigned in the body of a loop over functions",
                       "use another name for the value assigned in the body")
    import copy
    counter = f"fx$fn{node.lineno}_{node.col_offset}"

    class Put(ast.NodeTransformer):
        def __init__(self, function: ast.expr):
            self.function = function

        def visit_Name(self, n: ast.Name):
            return ast.copy_location(copy.deepcopy(self.function), n) if n.id == target.id else n

    chain: list[ast.stmt] = []
    for k in reversed(range(len(it.elts))):
        body = [Put(it.elts[k]).visit(copy.deepcopy(st)) for st in node.body]
        test = ast.Compare(ast.Name(counter, ast.Load()), [ast.Eq()], [ast.Constant(k)])
        chain = [ast.If(test, body, chain)]
    loop = ast.For(ast.Name(counter, ast.Store()), ast.Call(ast.Name("range", ast.Load()),
                                                            [ast.Constant(len(it.elts))], []),
                   chain, node.orelse)
    for n in ast.walk(loop):
        if not hasattr(n, "lineno"):
            ast.copy_location(n, node)
    ast.fix_missing_locations(loop)
    return fc.s_for(loop)


def bind_table(fc: "FunctionChecker", node: ast.Assign) -> list[ir.Stmt] | None:
    """`ops = [square, cube]`, `ops = (f, g)`, `handlers = {"add": add, "mul": mul}`: a name for
    a table of named functions, known when compiled (None: another assignment).  It is iterated
    (`for op in ops`), indexed and called (`ops[i](x)`, `handlers[name](a, b)`: one direct call
    per entry, chosen by comparing the index or key) or measured (`len(ops)`)."""
    if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
        return None
    name, value = node.targets[0].id, node.value
    if isinstance(value, (ast.List, ast.Tuple)):
        keys, entries = None, value.elts
    elif isinstance(value, ast.Dict) and value.keys and all(
            isinstance(k, ast.Constant) and type(k.value) in (str, int) for k in value.keys):
        keys, entries = [k.value for k in value.keys], value.values
        if len(set(keys)) != len(keys):
            return None
    else:
        return None
    if not entries or not all(_named_function(fc, e) for e in entries):
        return None
    tables = fc.__dict__.setdefault("functables", {})
    if name in tables or name in fc.vars or name in fc.funcvals:
        raise fc.error(node.targets[0], f"`{name}` is bound to a table of functions more than once (or is also "
                       "a variable)", "calls through it are resolved at compile time: bind it once")
    tables[name] = (keys, list(entries))
    return []


# builtins a table or a loop may hold beside `.fx` functions: each use is a call of it by name
BUILTIN_ENTRIES = frozenset({"abs", "min", "max", "round", "len", "str", "int", "float", "bool", "sum", "sorted", "repr"})


def _builtin_lambda(node: ast.Name) -> ast.Lambda:
    """`lambda a: abs(a)` (two parameters for `min`/`max`, as `reduce(max, xs)` calls them)."""
    names = ["_fx_a", "_fx_b"] if node.id in ("min", "max") else ["_fx_a"]
    lam = ast.Lambda(ast.arguments([], [ast.arg(n) for n in names], None, [], [], None, []),
                     ast.Call(ast.Name(node.id, ast.Load()), [ast.Name(n, ast.Load()) for n in names], []))
    for sub in ast.walk(lam):
        if isinstance(sub, (ast.expr, ast.arg)):
            ast.copy_location(sub, node)
    return lam


def _named_function(fc: "FunctionChecker", e: ast.expr) -> bool:
    """Whether `e` names a function: a `.fx` one (or a local bound to one) or a builtin."""
    if isinstance(e, ast.Name) and e.id in BUILTIN_ENTRIES and e.id not in fc.vars and e.id not in fc.funcvals \
            and fc.scope.lookup(e.id) is None:
        return True
    return isinstance(e, (ast.Name, ast.Attribute)) and value_of(fc, e) is not None


def table_of(fc: "FunctionChecker", node: ast.expr):
    """The (keys, functions) of the function table `node` names, or None."""
    if isinstance(node, ast.Name) and node.id not in fc.vars:
        local = fc.__dict__.get("functables", {}).get(node.id)
        if local is not None:
            return local
        b = fc.scope.lookup(node.id)        # a module-level table (frontend/module.py)
        if b is not None and b.kind == "functable":
            return b.value
    return None


def table_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr | None:
    """`ops[i](args)` / `handlers[key](args)` of a function table: the entry found by comparing
    the index (negative ones count from the end) or key, then a direct call of it; an index or
    key that is not there raises Python's IndexError / KeyError."""
    func = node.func
    if not isinstance(func, ast.Subscript):
        return None
    table = table_of(fc, func.value)
    if table is None:
        return None
    keys, entries = table
    where = func.slice
    if not isinstance(where, (ast.Name, ast.Constant, ast.UnaryOp)):
        raise fc.error(where, "a function table is indexed by a name or a literal here",
                       "assign the index first: k = ...; table[k](x)")
    n = len(entries)
    span = fc.span(node)
    fc.temp_count += 1
    pos = f"$fn{fc.temp_count}"
    if keys is None:        # positions, Python's negative ones too
        labels = [(ast.Constant(k), k) for k in range(n)] + [(ast.Constant(k - n), k) for k in range(n)]
        error = ast.Call(ast.Name("IndexError", ast.Load()), [ast.Constant("list index out of range")], [])
    else:
        labels = [(ast.Constant(k), i) for i, k in enumerate(keys)]
        error = ast.Call(ast.Name("KeyError", ast.Load()), [where], [])
    chain: ast.expr = ast.Constant(n)
    for label, k in reversed(labels):
        chain = ast.IfExp(ast.Compare(where, [ast.Eq()], [label]), ast.Constant(k), chain)
    found = ast.Assign([ast.Name(pos, ast.Store())], chain)
    missing = ast.If(ast.Compare(ast.Name(pos, ast.Load()), [ast.Eq()], [ast.Constant(n)]), [ast.Raise(error)], [])
    import copy
    calls: ast.expr = ast.Call(copy.deepcopy(entries[-1]), node.args, node.keywords)
    for k in range(n - 2, -1, -1):
        calls = ast.IfExp(ast.Compare(ast.Name(pos, ast.Load()), [ast.Eq()], [ast.Constant(k)]),
                          ast.Call(copy.deepcopy(entries[k]), node.args, node.keywords), calls)
    for part in (found, missing, calls):
        for sub in ast.walk(part):
            if not hasattr(sub, "lineno") or sub.__dict__.get("lineno") is None:
                ast.copy_location(sub, node)
    before = len(fc.diags.items)
    stmts = fc.block([found, missing])
    if len(fc.diags.items) != before:
        return ir.Expr(ERROR, span)
    result = fc.expr(calls)
    return ir.StmtExpr(result.type, span, stmts, result)


def table_contains(fc: "FunctionChecker", node: ast.Compare) -> ir.Expr | None:
    """`tok in ops` / `tok not in ops` of a table of functions with keys: `tok` compared with
    each key (None: not a table)."""
    table = table_of(fc, node.comparators[0])
    if table is None:
        return None
    keys = table[0]
    if keys is None:
        raise fc.error(node, "`in` of a list of functions compares functions, which have no value here",
                       "keep the functions in a dict and test its keys, or compare names")
    left = node.left
    if not isinstance(left, (ast.Name, ast.Constant)):
        raise fc.error(left, "`... in` a table of functions tests a name or a literal here",
                       "assign the value to a name first: k = ...; k in table")
    tests = [ast.Compare(left, [ast.Eq()], [ast.Constant(k)]) for k in keys]
    test: ast.expr = ast.BoolOp(ast.Or(), tests) if len(tests) > 1 else tests[0]
    if isinstance(node.ops[0], ast.NotIn):
        test = ast.UnaryOp(ast.Not(), test)
    for sub in ast.walk(test):
        ast.copy_location(sub, node)
    return fc.expr(test)


def _getter_name(fc: "FunctionChecker", func: ast.expr) -> str | None:
    """"itemgetter" / "attrgetter" when `func` names `operator`'s (imported either way)."""
    if isinstance(func, ast.Name) and func.id not in fc.vars:
        b = fc.scope.lookup(func.id)
        if b is not None and b.kind == "op" and b.value in ("operator.itemgetter", "operator.attrgetter"):
            return b.value.partition(".")[2]
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id not in fc.vars:
        b = fc.scope.lookup(func.value.id)
        if b is not None and b.kind == "module:operator" and func.attr in ("itemgetter", "attrgetter"):
            return func.attr
    return None


def _getter(fc: "FunctionChecker", node: ast.expr) -> ast.Lambda | None:
    """`itemgetter(1)` as `lambda item: item[1]`, `itemgetter(0, 2)` as `lambda item: (item[0],
    item[2])`, `attrgetter("x")` as `lambda item: item.x` (None: not such a call)."""
    if not (isinstance(node, ast.Call) and node.args and not node.keywords):
        return None
    kind = _getter_name(fc, node.func)
    if kind is None:
        return None
    item = ast.Name("fx_item", ast.Load())
    if kind == "itemgetter":
        parts = [ast.Subscript(item, k, ast.Load()) for k in node.args]
    else:
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) and a.value.isidentifier()
                   for a in node.args):
            raise fc.error(node, "attrgetter() takes field names as str literals here", 'attrgetter("x")')
        parts = [ast.Attribute(item, a.value, ast.Load()) for a in node.args]
    body = parts[0] if len(parts) == 1 else ast.Tuple(parts, ast.Load())
    lam = ast.Lambda(ast.arguments(posonlyargs=[], args=[ast.arg("fx_item")], kwonlyargs=[], kw_defaults=[],
                                   defaults=[]), body)
    for sub in ast.walk(lam):
        ast.copy_location(sub, node)
    return lam


def getter_called(fc: "FunctionChecker", node: ast.Call, op, shown: str, receiver=None) -> ir.Expr:
    """`itemgetter(1)` where a value is expected: it makes a function (the registry's check)."""
    raise fc.error(node, f"`{shown}(...)` makes a function: pass it where a function goes",
                   f"sorted(xs, key={shown}(1)), or write the lambda: lambda x: x[1]")
