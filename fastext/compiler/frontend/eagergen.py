"""Recursive generators (pyperformance's generators: `def walk(self): yield from self.left.walk()`)
and generator methods, as functions that collect their items into a list.

Generators are inlined where they are iterated (frontend/generators.py), which a generator that
iterates itself cannot be.  Such a generator — a module function or a method whose body iterates
a call of itself (`yield from walk(t.left)`, `for v in self.right.walk(): yield v`), and any
generator method (`def items(self): for x in self.xs: yield x`) — is
rewritten on the module's AST, before anything is read, into two functions:

    def walk(self):                      def walk(self):
        if self.left is not None:            _out = []
            yield from self.left.walk()      self.walk$into(_out)
        yield self.value                     return _out
        ...                              def walk$into(self, _out):
                                             if self.left is not None:
                                                 self.left.walk$into(_out)
                                             _out.append(self.value)
                                             ...

so `for v in tree.walk()`, `list(...)`, `sum(...)` iterate the list of every item.  Python's
generator hands out one item at a time; the list holds them all first.  The two agree on every
item and its order when nothing the generator does can be seen between items, so only a
*quiet* body is rewritten: it assigns only local names (no `x.f = v`, `a[i] = v`, `global`,
`nonlocal`), calls only itself and builtins that only compute (`len`, `range`, `abs`, `min`,
`max`, `sorted`, `reversed`, `enumerate`, `zip`, `str`, `int`, `float`, `bool`, `isinstance`),
prints nothing, and returns no value; and every call of itself sits under a condition (an `if`,
a loop's body, or after an `if` that returns: `yield n; yield from g(n - 1)` would recurse without
end once collected, where Python's consumer may stop early).  Any other recursive generator is
left as it was (a located error when it is read).  What stays different: a consumer that stops early (`break`)
still has every item computed, and `print(walk(t))` shows a list, not a generator object.
"""
from __future__ import annotations

import ast

_QUIET_CALLS = frozenset({"len", "range", "abs", "min", "max", "sorted", "reversed", "enumerate", "zip",
                          "str", "int", "float", "bool", "isinstance"})
OUT = "_out$gen"


def _own(fn: ast.FunctionDef):
    from fastext.compiler.frontend.generators import _own_nodes
    return _own_nodes(fn.body)


def _self_call(call: ast.AST, fn: ast.FunctionDef, method: bool) -> bool:
    """Whether `call` calls the generator itself: `walk(...)`, or `x.walk(...)` in a method."""
    if not isinstance(call, ast.Call):
        return False
    if method:
        return isinstance(call.func, ast.Attribute) and call.func.attr == fn.name
    return isinstance(call.func, ast.Name) and call.func.id == fn.name


def _recursive(fn: ast.FunctionDef, method: bool) -> bool:
    """Whether `fn` is a generator that iterates itself — or, for a method, any generator (a
    method is never inlined where it is iterated)."""
    nodes = list(_own(fn))
    if not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in nodes):
        return False
    return method or any(isinstance(n, ast.YieldFrom) and _self_call(n.value, fn, method) or
               isinstance(n, ast.For) and _self_call(n.iter, fn, method) for n in nodes)


def _guarded(fn: ast.FunctionDef, method: bool) -> bool:
    """Whether every call of the generator itself sits under a condition: inside an `if`, a
    loop's body, or after an `if` that returns (a base case).  An unconditional one
    (`yield n; yield from g(n - 1)`) recurses without end once collected, where Python's
    consumer may stop early: such a generator is left alone (a located error)."""
    based = False
    for stmt in fn.body:
        if isinstance(stmt, (ast.If, ast.While)):
            based = based or isinstance(stmt, ast.If) and any(isinstance(n, ast.Return) for n in ast.walk(stmt))
            continue
        exposed = [stmt.iter] if isinstance(stmt, ast.For) else [stmt]
        if not based and any(_self_call(n, fn, method) for e in exposed for n in ast.walk(e)):
            return False
    return True


def _quiet(fn: ast.FunctionDef, method: bool) -> bool:
    for n in ast.walk(fn):
        if n is not fn and isinstance(n, (ast.FunctionDef, ast.Lambda, ast.ClassDef, ast.Global, ast.Nonlocal,
                                          ast.Try, ast.With, ast.Await, ast.Delete)):
            return False
        if isinstance(n, ast.Return) and n.value is not None:
            return False
        if isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.ctx, (ast.Store, ast.Del)):
            return False
        if isinstance(n, ast.AugAssign) and not isinstance(n.target, ast.Name):
            return False
        if isinstance(n, ast.Call) and not _self_call(n, fn, method) and \
                not (isinstance(n.func, ast.Name) and n.func.id in _QUIET_CALLS):
            return False
    return True


class _Collect(ast.NodeTransformer):
    """The body with each `yield v` an append to the list parameter and each iteration of the
    generator itself a call of the collecting function."""

    def __init__(self, fn: ast.FunctionDef, method: bool):
        self.fn, self.method = fn, method
        self.count = 0

    def _into(self, call: ast.Call) -> ast.Call:
        func = ast.Attribute(call.func.value, f"{self.fn.name}$into", ast.Load()) if self.method else \
            ast.Name(f"{self.fn.name}$into", ast.Load())
        return ast.copy_location(ast.Call(func, call.args + [ast.Name(OUT, ast.Load())], call.keywords), call)

    def visit_Expr(self, node: ast.Expr):
        v = node.value
        if isinstance(v, ast.YieldFrom) and _self_call(v.value, self.fn, self.method):
            return ast.copy_location(ast.Expr(self._into(v.value)), node)
        if isinstance(v, ast.Yield):
            item = v.value if v.value is not None else ast.Constant(None)
            append = ast.Call(ast.Attribute(ast.Name(OUT, ast.Load()), "append", ast.Load()), [item], [])
            return ast.fix_missing_locations(ast.copy_location(ast.Expr(append), node))
        return self.generic_visit(node)

    def visit_For(self, node: ast.For):
        # `for v in walk(t.left): yield v`: the items go straight into the list
        if _self_call(node.iter, self.fn, self.method) and len(node.body) == 1 and not node.orelse and \
                isinstance(node.target, ast.Name) and isinstance(node.body[0], ast.Expr) and \
                isinstance(node.body[0].value, ast.Yield) and isinstance(node.body[0].value.value, ast.Name) \
                and node.body[0].value.value.id == node.target.id:
            return ast.copy_location(ast.Expr(self._into(node.iter)), node)
        if _self_call(node.iter, self.fn, self.method):
            # `for s in walk(n - 1): yield s + "0"`: the items of the call collected first (at the end of
            # the same list, so the recursion passes one list type on), taken off, then iterated
            self.count += 1
            sub, start = f"_sub$gen{self.count}", f"_start$gen{self.count}"
            name = lambda v, ctx=ast.Load: ast.Name(v, ctx())      # noqa: E731
            tail = lambda ctx: ast.Subscript(name(OUT), ast.Slice(name(start), None, None), ctx())   # noqa: E731
            collect = [ast.Assign([name(start, ast.Store)], ast.Call(name("len"), [name(OUT)], [])),
                       ast.Expr(self._into(node.iter)),
                       ast.Assign([name(sub, ast.Store)], tail(ast.Load)),
                       ast.Delete([tail(ast.Del)])]
            node.iter = ast.Name(sub, ast.Load())
            self.generic_visit(node)
            return [ast.fix_missing_locations(ast.copy_location(c, node)) for c in collect] + [node]
        return self.generic_visit(node)


def _pair(fn: ast.FunctionDef, method: bool) -> list[ast.FunctionDef]:
    """The list-returning function named as the generator and its collecting twin."""
    import copy
    into = copy.deepcopy(fn)
    into.name = f"{fn.name}$into"
    into.args.args.append(ast.arg(OUT))
    into.returns = None
    _Collect(fn, method).visit(into)
    ast.fix_missing_locations(into)
    args = fn.args.args[1:] if method else fn.args.args
    call_args = [ast.Name(a.arg, ast.Load()) for a in args]
    func = ast.Attribute(ast.Name(fn.args.args[0].arg, ast.Load()), into.name, ast.Load()) if method else \
        ast.Name(into.name, ast.Load())
    body = [ast.Assign([ast.Name(OUT, ast.Store())], ast.List([], ast.Load())),
            ast.Expr(ast.Call(func, call_args + [ast.Name(OUT, ast.Load())], [])),
            ast.Return(ast.Name(OUT, ast.Load()))]
    outer = copy.deepcopy(fn)
    outer.body = [ast.fix_missing_locations(ast.copy_location(s, fn)) for s in body]
    return [outer, into]


def rewrite(tree: ast.Module, file: str) -> list:
    """Rewrite, in place, the quiet recursive generators of `tree` (module functions and methods
    of its classes); nothing to report (the others stay generators)."""
    def edit(body: list[ast.stmt], method: bool) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for s in body:
            if isinstance(s, ast.FunctionDef) and not s.decorator_list and not s.args.vararg and \
                    not s.args.kwarg and not s.args.kwonlyargs and (s.args.args or not method) and \
                    _recursive(s, method) and _quiet(s, method) and _guarded(s, method):
                out.extend(_pair(s, method))
            else:
                out.append(s)
        return out
    tree.body = edit(tree.body, False)
    for s in tree.body:
        if isinstance(s, ast.ClassDef):
            s.body = edit(s.body, True)
    return []
