"""Generator functions (and the `itertools` iterators, written as generators: frontend/pyitertools.py),
inlined where they are iterated.

There is no generator object at run time.  `for x in gen(a, b): BODY else: ELSE` becomes the
generator's own body, its locals renamed apart (`i$g3`) and its parameters bound once to the
call's arguments (so their types come from the arguments, as for unannotated helpers), with each
`yield v` replaced by `x = v` followed by a copy of BODY:

    for $w3 in range(1):           # label $gen3: the consumer's `break` leaves this loop
        for $r3 in range(1):       # label $genret3 (only when the generator has a `return`)
            ...generator body, `yield v` -> `x = v; BODY`...
    else:
        ELSE                       # runs unless the consumer broke out, as Python's for-else

The consumer's top-level `break` becomes an `ir.Break` labelled `$gen3` (it leaves every loop of
the generator at once: `ForRange.label`, lowered by `FunctionLowering.target_loop`); a `return` in
the generator a break labelled `$genret3` (the generator ran out: ELSE still runs).  When BODY has
a top-level `continue`, each copy sits in a one-trip loop of its own, so `continue` resumes the
generator right after its `yield`.  Comprehensions and `sum/min/max/any/all/list/sorted/enumerate`
over a generator call work because they are typed as `for` loops themselves (frontend/lists.py).
"""
from __future__ import annotations

import ast
import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastext.compiler import ir

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

class _Serial:
    """The numbers that rename inlined generators' locals apart (`found$g3`).  A function checked
    twice (function.py: `_check_promoting`) is given the same numbers the second time, so the
    types its first check learnt for those names (`pretyped`) find them again."""

    def __init__(self):
        self.n = 0

    def __next__(self) -> int:
        self.n += 1
        return self.n


_count = _Serial()


def serial() -> int:
    """The last number handed out."""
    return _count.n


def rewind(n: int) -> None:
    """Hand out the numbers after `n` again (for a function's second check)."""
    _count.n = n
HINT = ("iterate it where it is called: `for x in gen(n):`, `sum(gen(n))`, `list(gen(n))`, "
        "`[f(x) for x in gen(n)]`")
SIMPLE_ANNOTATIONS = ("int", "float", "bool", "complex", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64",
                      "f32", "f64", "c64", "c128")


def _own_nodes(stmts: list[ast.stmt]):
    """Every node of `stmts`, not entering nested functions, lambdas or classes (their yields are theirs)."""
    scopes = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
    stack: list[ast.AST] = [s for s in stmts if not isinstance(s, scopes)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, scopes))


def is_generator(node: ast.FunctionDef) -> bool:
    """Whether `def` is a generator function (a `yield` of its own)."""
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in _own_nodes(node.body))


@dataclass
class Source:
    """A generator about to be inlined: its `def`, the name it was called by, the argument of each
    parameter (in order), and the parameters whose argument replaces their one use (itertools'
    iterables, which may be generator calls themselves)."""

    node: ast.FunctionDef
    shown: str
    args: list[ast.expr]
    subst: frozenset = frozenset()
    module_level: bool = True


def source(fc: "FunctionChecker", call: ast.AST) -> Source | None:
    """The generator that `call` calls (a generator function or an itertools iterator), or a
    generator expression iterated by a loop (`set(x + 1 for x in xs)`), else None."""
    if isinstance(call, ast.GeneratorExp):
        return _genexp(fc, call)
    if not isinstance(call, ast.Call):
        return None
    func = call.func
    if isinstance(func, ast.Name):
        if func.id in fc.vars or func.id in fc.funcvals:
            return None
        local = getattr(fc, "generators", {}).get(func.id)
        if local is not None:
            return _user(fc, call, local, func.id, module_level=False)
        b = fc.scope.lookup(func.id)
        if b is None:
            return None
        if b.kind == "generator":
            if getattr(b.value, "fx_file", None) != fc.scope.file:
                raise fc.error(call, f"generator `{func.id}` is defined in another .fx module: it reads that "
                                     "module's names, so it cannot be inlined here",
                               "define the generator in this module, or call a function of the other "
                               "module that returns a list")
            return _user(fc, call, b.value, func.id)
        if b.kind == "op" and str(b.value).startswith("itertools."):
            from fastext.compiler.frontend import pyitertools
            return pyitertools.source(fc, call, b.value.partition(".")[2], func.id)
        return None
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id not in fc.vars:
        b = fc.scope.lookup(func.value.id)
        if b is not None and b.kind == "module:itertools":
            from fastext.compiler.frontend import pyitertools
            return pyitertools.source(fc, call, func.attr, f"{func.value.id}.{func.attr}")
        if b is not None and b.kind == "module:numpy" and func.attr in ("ndindex", "ndenumerate"):
            from fastext.compiler.frontend import npiter       # index tuples in C order
            return npiter.source(fc, call, func.attr, f"{func.value.id}.{func.attr}")
    return None


def as_listcomp(fc: "FunctionChecker", node: ast.expr) -> ast.expr:
    """A generator call or expression that an operation consumes whole (`",".join(gen(n))`,
    `math.prod(gen(n))`) as the list comprehension of its items; anything else as it is."""
    if isinstance(node, ast.GeneratorExp):
        return ast.copy_location(ast.ListComp(node.elt, node.generators), node)
    if isinstance(node, ast.Call) and source(fc, node) is not None:
        item = f"$li{next(_count)}"
        return ast.copy_location(ast.ListComp(ast.Name(item, ast.Load()), [
            ast.comprehension(ast.Name(item, ast.Store()), node, [], 0)]), node)
    return node


def misplaced(fc: "FunctionChecker", node: ast.Call, shown: str):
    """The error for a generator call that is not iterated where it stands (`g = gen(n)`, `next(...)`)."""
    return fc.error(node, f"`{shown}(...)` makes a generator, which .fx code supports only where it is "
                          "iterated (no generator objects: it is inlined into the loop)", HINT)


def _user(fc: "FunctionChecker", call: ast.Call, node: ast.FunctionDef, shown: str,
          module_level: bool = True) -> Source:
    """A call of a generator function: its arguments matched to its parameters as Python would."""
    a = node.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise fc.error(node, f"generator `{node.name}` uses *args, **kwargs, keyword-only or positional-only "
                             "parameters", "use plain parameters")
    params = [p.arg for p in a.args]
    if any(isinstance(x, ast.Starred) for x in call.args) or any(k.arg is None for k in call.keywords):
        raise fc.error(call, f"`{shown}(*args)` / `**kwargs` is not supported", f"pass each argument of {shown}")
    if len(call.args) > len(params):
        raise fc.error(call, f"{shown}() takes {len(params)} arguments ({len(call.args)} given)",
                       f"{shown}({', '.join(params)})")
    args: dict[str, ast.expr] = dict(zip(params, call.args))
    for kw in call.keywords:
        if kw.arg not in params:
            raise fc.error(kw.value, f"{shown}() has no parameter `{kw.arg}`", f"its parameters: {', '.join(params)}")
        if kw.arg in args:
            raise fc.error(kw.value, f"{shown}() got `{kw.arg}` twice", "pass it once")
        args[kw.arg] = kw.value
    defaults = dict(zip(params[len(params) - len(a.defaults):], a.defaults))
    for p in params:
        if p not in args:
            if p not in defaults:
                raise fc.error(call, f"{shown}() is missing the argument `{p}`", f"{shown}({', '.join(params)})")
            args[p] = copy.deepcopy(defaults[p])
    return Source(node, shown, [args[p] for p in params], module_level=module_level)


def _genexp(fc: "FunctionChecker", node: ast.GeneratorExp) -> Source:
    """`(e for x in xs if c)` as the generator `def <genexpr>(): for x in xs: if c: yield e`, reading
    the enclosing function's names as a closure does."""
    body: list[ast.stmt] = []
    inner = body
    for g in node.generators:
        if g.is_async:
            raise fc.error(node, "async comprehensions are not supported", "use a plain for")
        loop = ast.copy_location(ast.For(copy.deepcopy(g.target), copy.deepcopy(g.iter), [], [], None), node)
        inner.append(loop)
        inner = loop.body
        for cond in g.ifs:
            test = ast.copy_location(ast.If(copy.deepcopy(cond), [], []), cond)
            inner.append(test)
            inner = test.body
    inner.append(ast.copy_location(ast.Expr(ast.Yield(copy.deepcopy(node.elt))), node.elt))
    fn = ast.FunctionDef(name="<genexpr>", args=ast.arguments([], [], None, [], [], None, []), body=body,
                         decorator_list=[], returns=None, type_comment=None)
    ast.copy_location(fn, node)
    ast.fix_missing_locations(fn)
    return Source(fn, "<genexpr>", [], module_level=False)


# ------------------------------------------------------------------ names
def _local_names(node: ast.FunctionDef) -> set[str]:
    names = {p.arg for p in node.args.args}
    for n in _own_nodes(node.body):
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
            names.add(n.id)
        elif isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(n.name)
        elif isinstance(n, (ast.Import, ast.ImportFrom)):
            names.update((al.asname or al.name).partition(".")[0] for al in n.names)
    for n in _own_nodes(node.body):
        if isinstance(n, (ast.Global, ast.Nonlocal)):
            names.difference_update(n.names)
    return names


class _Rename(ast.NodeTransformer):
    """Names renamed apart; a name in `subst` replaced by a copy of its argument expression."""

    def __init__(self, names: dict[str, str], subst: dict[str, ast.expr]):
        self.names, self.subst = names, subst

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id in self.subst and isinstance(node.ctx, ast.Load):
            return copy.deepcopy(self.subst[node.id])
        if node.id in self.names:
            return ast.copy_location(ast.Name(self.names[node.id], node.ctx), node)
        return node

    def visit_arg(self, node: ast.arg) -> ast.AST:
        if node.arg in self.names:
            node.arg = self.names[node.arg]
        return node


# ------------------------------------------------------------------ inlining
@dataclass
class _Site:
    """What each `yield` becomes: the consumer's target and body, the labels of the exits."""

    target: ast.expr
    body: list[ast.stmt]
    brk: str
    ret: str
    n: int
    wrap: bool
    used_ret: bool = False
    sites: int = 0


def _once_loop(name: str, body: list[ast.stmt], orelse: list[ast.stmt], label: str | None) -> ast.For:
    """`for name in range(1): body else: orelse` (a structured exit: a labelled break leaves it)."""
    loop = ast.For(target=ast.Name(name, ast.Store()), iter=ast.Call(ast.Name("range", ast.Load()),
                   [ast.Constant(1)], []), body=body or [ast.Pass()], orelse=orelse, type_comment=None)
    if label is not None:
        loop.fx_label = label
    return loop


def _top_level(stmts: list[ast.stmt], kind: type):
    """The `break`/`continue` statements of a loop body that belong to that loop (not to its inner loops)."""
    for s in stmts:
        if isinstance(s, kind):
            yield s
        elif isinstance(s, (ast.For, ast.While, ast.AsyncFor)):
            yield from _top_level(s.orelse, kind)
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        else:
            for name in ("body", "orelse", "finalbody"):
                yield from _top_level(getattr(s, name, None) or [], kind)
            for h in getattr(s, "handlers", None) or []:
                yield from _top_level(h.body, kind)
            for case in getattr(s, "cases", None) or []:
                yield from _top_level(case.body, kind)


def _has_yield(stmt: ast.stmt) -> bool:
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in _own_nodes([stmt]))


def _transform(fc: "FunctionChecker", stmts: list[ast.stmt], site: _Site) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for s in stmts:
        if isinstance(s, ast.Expr) and isinstance(s.value, ast.Yield):
            out.extend(_yield_site(fc, s, s.value.value, site))
        elif isinstance(s, ast.Expr) and isinstance(s.value, ast.YieldFrom):
            name = f"$yf{site.n}_{site.sites}"
            site.sites += 1
            loop = ast.copy_location(ast.For(ast.Name(name, ast.Store()), s.value.value,
                                             [ast.copy_location(ast.Expr(ast.Yield(ast.Name(name, ast.Load()))), s)],
                                             [], None), s)
            out.extend(_transform(fc, [loop], site))
        elif isinstance(s, ast.Return):
            if s.value is not None and not (isinstance(s.value, ast.Constant) and s.value.value is None):
                raise fc.error(s, "a generator's `return value` is not supported (a for loop never sees it)",
                               "use a bare `return` to end the generator")
            brk = ast.copy_location(ast.Break(), s)
            brk.fx_label = site.ret
            site.used_ret = True
            out.append(brk)
        elif not any(isinstance(n, (ast.Yield, ast.YieldFrom, ast.Return)) for n in _own_nodes([s])):
            out.append(s)
        elif isinstance(s, (ast.If, ast.For, ast.While)):
            s.body = _transform(fc, s.body, site)
            s.orelse = _transform(fc, s.orelse, site)
            out.append(s)
        elif isinstance(s, (ast.Try, ast.With)) and _has_yield(s):
            raise fc.error(s, f"`yield` inside `{'try' if isinstance(s, ast.Try) else 'with'}` is not supported "
                              "in a generator", "move the yield out of the try/with block")
        elif isinstance(s, (ast.Try, ast.With)):      # a `return` inside: the same labelled exit
            s.body = _transform(fc, s.body, site)
            for h in getattr(s, "handlers", []):
                h.body = _transform(fc, h.body, site)
            for name in ("orelse", "finalbody"):
                if hasattr(s, name):
                    setattr(s, name, _transform(fc, getattr(s, name), site))
            out.append(s)
        else:
            raise fc.error(s, "`yield` is supported only as a statement (`yield value`) in .fx generators",
                           "no `x = yield ...` or `send()`: yield a value as a statement")
    return out


def _yield_site(fc: "FunctionChecker", stmt: ast.stmt, value: ast.expr | None, site: _Site) -> list[ast.stmt]:
    """`yield value` → `target = value` and a copy of the consumer's body."""
    if value is None:
        raise fc.error(stmt, "a bare `yield` (of None) is not supported in .fx generators", "yield a value")
    site.sites += 1
    body = copy.deepcopy(site.body)
    for brk in _top_level(body, ast.Break):
        brk.fx_label = site.brk
    for node in ast.walk(ast.Module(body, [])):
        if isinstance(node, ast.Break) and getattr(node, "fx_exhausted", False):   # zip(): another ran out
            node.fx_label = site.ret
            site.used_ret = True
        elif isinstance(node, ast.Break) and getattr(node, "fx_consumer", False):
            node.fx_label = site.brk
    assign = ast.copy_location(ast.Assign([copy.deepcopy(site.target)], value), stmt)
    if site.wrap:
        return [assign, ast.copy_location(_once_loop(f"$c{site.n}_{site.sites}", body, [], None), stmt)]
    return [assign] + body


def inline(fc: "FunctionChecker", loop: ast.For, src: Source) -> list[ir.Stmt]:
    """`for target in gen(...)`: the generator's body typed in place (see the module docstring)."""
    # the generators whose bodies hold this call (lexically: not the loop bodies put at their yields)
    chain = getattr(loop.iter, "fx_chain", ())
    if any(node is src.node for node in chain):
        raise fc.error(loop.iter, f"generator `{src.shown}` iterates itself (recursion): it cannot be inlined",
                       "write the recursion as a recursive function that appends to a list")
    n = next(_count)
    names = {name: f"{name}$g{n}" for name in _local_names(src.node)}
    if src.module_level:
        _check_free(fc, src, names)
    params = src.node.args.args
    pre: list[ast.stmt] = []
    subst: dict[str, ast.expr] = {}
    for p, arg in zip(params, src.args):
        if p.arg in src.subst:
            subst[p.arg] = arg
            continue
        if source(fc, arg) is not None:     # a generator as an argument: its items, collected once
            arg = ast.copy_location(ast.Call(ast.Name("list", ast.Load()), [arg], []), arg)
        target = ast.Name(names[p.arg], ast.Store())
        if isinstance(p.annotation, ast.Name) and p.annotation.id in SIMPLE_ANNOTATIONS:
            pre.append(ast.copy_location(ast.AnnAssign(target, copy.deepcopy(p.annotation), arg, 1), arg))
        else:
            pre.append(ast.copy_location(ast.Assign([target], arg), arg))
    body = list(src.node.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    renamer = _Rename({k: v for k, v in names.items() if k not in subst}, subst)
    body = [renamer.visit(copy.deepcopy(s)) for s in body]
    for s in body:
        for node in ast.walk(s):
            if isinstance(node, (ast.Call, ast.GeneratorExp)):
                node.fx_chain = chain + (src.node,)
    site = _Site(loop.target, loop.body, f"$gen{n}", f"$genret{n}", n,
                 wrap=any(True for _ in _top_level(loop.body, ast.Continue)))
    body = _transform(fc, body, site)
    if site.used_ret:
        body = [_once_loop(f"$r{n}", body, [], site.ret)]
    outer = _once_loop(f"$w{n}", body, loop.orelse, site.brk)
    stmts = pre + [outer]
    for s in stmts:
        ast.copy_location(s, loop)
        ast.fix_missing_locations(s)
    return fc.block(stmts)


def _check_free(fc: "FunctionChecker", src: Source, names: dict[str, str]) -> None:
    """A module-level generator reads module names; a local of the consumer's function with one of
    those spellings would capture it once inlined."""
    for n in _own_nodes(src.node.body):
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id not in names \
                and (n.id in fc.vars or n.id in fc.funcvals or (
                    fc.scope.lookup(n.id) is None and fc.module_scope.lookup(n.id) is not None)):
            raise fc.error(n, f"generator `{src.shown}` reads the module name `{n.id}`, which a local variable "
                              "of the function iterating it hides", f"rename the local `{n.id}`")


def enumerate_source(fc: "FunctionChecker", loop: ast.For) -> list[ir.Stmt] | None:
    """`for i, x in enumerate(gen(...), start)`: a counter beside the inlined generator."""
    it = loop.iter
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "enumerate"
            and it.func.id not in fc.vars and fc.scope.lookup("enumerate") is None and it.args):
        return None
    src = source(fc, it.args[0])
    if src is None:
        return None
    if len(it.args) > 2 or any(k.arg != "start" for k in it.keywords) or len(it.args) + len(it.keywords) > 2:
        raise fc.error(it, "enumerate() takes an iterable and a start", "enumerate(gen(n)), enumerate(gen(n), 1)")
    start = it.args[1] if len(it.args) == 2 else it.keywords[0].value if it.keywords else ast.Constant(0)
    n = next(_count)
    counter, item = f"$en{n}", f"$ei{n}"
    bind = ast.Assign([loop.target], ast.Tuple([ast.Name(counter, ast.Load()), ast.Name(item, ast.Load())], ast.Load()))
    step = ast.AugAssign(ast.Name(counter, ast.Store()), ast.Add(), ast.Constant(1))
    inner = ast.For(ast.Name(item, ast.Store()), it.args[0], [bind, step] + loop.body, loop.orelse, None)
    first = ast.Assign([ast.Name(counter, ast.Store())], start)
    stmts = [first]
    for s in (first, inner, bind, step):
        ast.copy_location(s, loop)
    ast.fix_missing_locations(first)
    ast.fix_missing_locations(inner)
    out = fc.block(stmts)
    out += inline(fc, inner, src)
    return out


def _marked_break(node: ast.AST, **marks) -> ast.Break:
    brk = ast.copy_location(ast.Break(), node)
    for k, v in marks.items():
        setattr(brk, k, v)
    return brk


def _indexable(fc: "FunctionChecker", arg: ast.expr) -> bool:
    """Whether `arg` is a local the loop may read by position (`xs[k]`, `len(xs)`) without a copy."""
    from fastext.compiler.types import Array, List, Str, Tuple
    return isinstance(arg, ast.Name) and arg.id in fc.vars and \
        isinstance(fc.vars[arg.id].type, (List, Array, Str, Tuple))


def zip_source(fc: "FunctionChecker", loop: ast.For) -> list[ir.Stmt] | None:
    """`for a, b in zip(xs, gen(...))`: the generator inlined, the other iterables read by position.

    As CPython's zip, which asks each iterable in turn: one after the generator is checked after
    the generator's `yield`; one before it before the generator resumes (so the generator never
    runs ahead of a shorter iterable before it).  A shorter iterable ends the loop as the
    generator's own end does: the loop's `else` runs."""
    it = loop.iter
    if not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "zip"
            and it.func.id not in fc.vars and fc.scope.lookup("zip") is None and it.args and not it.keywords):
        return None
    found = [k for k, a in enumerate(it.args) if source(fc, a) is not None]
    if not found:
        return None
    if len(found) > 1:
        raise fc.error(it.args[found[1]], "zip() over more than one generator is not supported",
                       "collect all but one of them first: zip(gen(n), list(other(n)))")
    g = found[0]
    n = next(_count)
    counter, item = f"$zk{n}", f"$zi{n}"
    pre: list[ast.stmt] = []
    names: list[str | None] = []
    for k, a in enumerate(it.args):
        if k == g:
            names.append(None)
            continue
        name = f"$zs{n}_{k}"
        value = a if _indexable(fc, a) else ast.copy_location(ast.Call(ast.Name("list", ast.Load()), [a], []), a)
        pre.append(ast.copy_location(ast.Assign([ast.Name(name, ast.Store())], value), a))
        names.append(name)
    pre.append(ast.copy_location(ast.Assign([ast.Name(counter, ast.Store())], ast.Constant(0)), loop))

    def ran_out(names_: list[str]) -> list[ast.stmt]:
        return [ast.copy_location(ast.If(ast.Compare(ast.Name(counter, ast.Load()), [ast.GtE()], [
            ast.Call(ast.Name("len", ast.Load()), [ast.Name(nm, ast.Load())], [])]),
            [_marked_break(loop, fx_exhausted=True)], []), loop) for nm in names_]

    before = [nm for nm in names[:g] if nm is not None]
    after = [nm for nm in names[g + 1:] if nm is not None]
    items = [ast.Name(item, ast.Load()) if nm is None else
             ast.Subscript(ast.Name(nm, ast.Load()), ast.Name(counter, ast.Load()), ast.Load()) for nm in names]
    bind = ast.Assign([loop.target], ast.Tuple(items, ast.Load()))
    step = ast.AugAssign(ast.Name(counter, ast.Store()), ast.Add(), ast.Constant(1))
    body = copy.deepcopy(loop.body)
    for brk in _top_level(body, ast.Break):
        brk.fx_consumer = True
    if any(True for _ in _top_level(body, ast.Continue)) and before:
        body = [_once_loop(f"$zc{n}", body, [], None)]     # `continue` still reaches the checks below
    inner = ast.For(ast.Name(item, ast.Store()), it.args[g], ran_out(after) + [bind, step] + body + ran_out(before),
                    copy.deepcopy(loop.orelse), None)
    stmts: list[ast.stmt] = list(pre)
    if before:      # an empty iterable before the generator: it never starts
        empty = ast.BoolOp(ast.Or(), [ast.Compare(ast.Call(ast.Name("len", ast.Load()), [ast.Name(nm, ast.Load())], []),
                                                  [ast.Eq()], [ast.Constant(0)]) for nm in before]) \
            if len(before) > 1 else ast.Compare(ast.Call(ast.Name("len", ast.Load()), [ast.Name(before[0], ast.Load())],
                                                         []), [ast.Eq()], [ast.Constant(0)])
        stmts.append(ast.If(empty, copy.deepcopy(loop.orelse) or [ast.Pass()], [inner]))
    else:
        stmts.append(inner)
    for s in stmts:
        ast.copy_location(s, loop)
        ast.fix_missing_locations(s)
    return fc.block(stmts)


def next_call(fc: "FunctionChecker", node: ast.Call) -> ir.Expr:
    """`next(gen(...))`, `next(x for x in count(1) if p(x))`, `next(it, default)`: the first item
    of a generator made where it is asked (a loop that stops at the first `yield`);
    StopIteration, or the default, when it has none."""
    from fastext.compiler.frontend import iterators
    it = iterators.bound(fc, node.args[0]) if node.args and not node.keywords and len(node.args) <= 2 else None
    if it is not None:      # `it = gen(n)` ... `next(it)`
        return iterators.next_of(fc, node, it)
    if node.keywords or not 1 <= len(node.args) <= 2 or source(fc, node.args[0]) is None:
        raise fc.error(node, "next() takes a generator call or a generator expression here (there are no "
                             "iterator objects in .fx code)", "next(x for x in xs if p(x)), next(gen(n), -1)")
    n = next(_count)
    found, item, value = f"$nf{n}", f"$nx{n}", f"$nv{n}"
    name = lambda v, ctx=ast.Load: ast.Name(v, ctx())   # noqa: E731
    loop = ast.For(name(item, ast.Store), node.args[0], [
        ast.Assign([name(value, ast.Store)], name(item)),
        ast.Assign([name(found, ast.Store)], ast.Constant(True)),
        ast.Break()], [], None)
    if len(node.args) == 2:
        missing = [ast.Assign([name(value, ast.Store)], node.args[1])]
    else:
        missing = [ast.Raise(ast.Call(name("StopIteration"), [], []), None)]
    stmts = [ast.Assign([name(found, ast.Store)], ast.Constant(False)), loop,
             ast.If(ast.UnaryOp(ast.Not(), name(found)), missing, [])]
    return statements_value(fc, node, stmts, value)


def statements_value(fc: "FunctionChecker", node: ast.expr, stmts: list[ast.stmt], result: str) -> ir.Expr:
    """The value of local `result` after `stmts` (synthesised Python, located at `node`): an
    ir.StmtExpr, or an ERROR expression when checking them reported an error."""
    for s in stmts:
        ast.copy_location(s, node)
        ast.fix_missing_locations(s)
    body = fc.block(stmts)
    var = fc.vars.get(result)
    span = fc.span(node)
    if var is None:
        from fastext.compiler.types import ERROR
        return ir.Expr(ERROR, span)
    return ir.StmtExpr(var.type, span, body, ir.Load(var.type, span, var))
