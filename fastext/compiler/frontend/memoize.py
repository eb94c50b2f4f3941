"""`@functools.lru_cache` / `@functools.cache` on module functions, rewritten before the module
is read into plain functions that memoise through a dict:

    @lru_cache(maxsize=None)               def fib(n: int) -> int:
    def fib(n: int) -> int:          →         return _fib__cached({}, n)
        ...fib(n - 1)...                   def _fib__cached(_memo, n):
                                               if n in _memo: return _memo[n]
                                               r = _fib__body(_memo, n); _memo[n] = r; return r
                                           def _fib__body(_memo, n):
                                               ...the body, fib(...) calling _fib__cached(_memo, ...)

The cache lives for one call from Python (a compiled call's containers are freed when it
returns): results are the same as Python's for the functions people cache (pure ones), and the
recursion inside a call is memoised.  What differs (docs/language.md, "Memoised functions"): a
later call from Python computes again (side effects such as `print` in the cached function run
again), `maxsize` is not enforced (the cache holds every key of the call), and `cache_info()` /
`cache_clear()` are not there."""
from __future__ import annotations

import ast
import copy

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.astedit import each_statement, located, without_imports
from fastext.compiler.source import Span

_MEMO = "_memo"


def rewrite(tree: ast.Module, file: str) -> list[FxSyntaxError]:
    """Replace each cached module function of `tree` by the three functions above (in place);
    the errors of those that cannot be are returned (the functions left out)."""
    local, modules = set(), set()
    for stmt in tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.module == "functools" and not stmt.level:
            local |= {a.asname or a.name for a in stmt.names if a.name in ("lru_cache", "cache")}
        elif isinstance(stmt, ast.Import):
            modules |= {a.asname or a.name for a in stmt.names if a.name == "functools"}
    if not local and not modules:
        return []
    cached = {s.name for s in tree.body if isinstance(s, ast.FunctionDef) and _cache_decorator(s, local, modules)}

    def convert(stmt: ast.stmt) -> list[ast.stmt]:
        if isinstance(stmt, ast.FunctionDef) and stmt.name in cached:
            return _memoised(stmt, local, modules, file)
        return without_imports(stmt, {"functools": ("lru_cache", "cache")})
    return each_statement(tree, convert)


def _cache_decorator(fn: ast.FunctionDef, local: set, modules: set) -> ast.expr | None:
    for deco in fn.decorator_list:
        target = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(target, ast.Name) and target.id in local or isinstance(target, ast.Attribute) and \
                target.attr in ("lru_cache", "cache") and isinstance(target.value, ast.Name) and \
                target.value.id in modules:
            return deco
    return None


class _Recalls(ast.NodeTransformer):
    """`name(args)` in the body → `_name__cached(_memo, args)` (the recursion shares the cache)."""

    def __init__(self, name: str):
        self.name = name

    def visit_Call(self, node: ast.Call) -> ast.Call:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == self.name:
            node.func = ast.copy_location(ast.Name(f"_{self.name}__cached", ast.Load()), node.func)
            node.args.insert(0, ast.copy_location(ast.Name(_MEMO, ast.Load()), node))
        return node

    def visit_FunctionDef(self, node):      # a nested def that rebinds the name keeps its own meaning
        return node if any(a.arg == self.name for a in node.args.args) else self.generic_visit(node)


def _memoised(fn: ast.FunctionDef, local: set, modules: set, file: str) -> list[ast.FunctionDef]:
    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise FxSyntaxError(Span.of(fn, file), f"a cached function takes plain parameters: `{fn.name}` has "
                            "*args, **kwargs, keyword-only or positional-only ones",
                            f"cache a helper with plain parameters, called from `{fn.name}`")
    if not a.args:
        raise FxSyntaxError(Span.of(fn, file), f"`{fn.name}` takes no arguments: there is nothing to cache by",
                            "compute the value once at module level, or drop @lru_cache")
    deco = _cache_decorator(fn, local, modules)
    names = [p.arg for p in a.args]
    key = ast.Name(names[0], ast.Load()) if len(names) == 1 else \
        ast.Tuple([ast.Name(n, ast.Load()) for n in names], ast.Load())

    def with_memo(name: str, annotated: bool) -> ast.arguments:
        params = [ast.arg(_MEMO)] + [ast.arg(p.arg, p.annotation if annotated else None) for p in a.args]
        return ast.arguments([], params, None, [], [], None, copy.deepcopy(a.defaults))

    def call(target: str, memo: ast.expr) -> ast.Call:
        return ast.Call(ast.Name(target, ast.Load()), [memo] + [ast.Name(n, ast.Load()) for n in names], [])

    outer = ast.FunctionDef(fn.name, a, [ast.Return(call(f"_{fn.name}__cached", ast.Dict([], [])))],
                            [d for d in fn.decorator_list if d is not deco], fn.returns)
    lookup = ast.FunctionDef(f"_{fn.name}__cached", with_memo(fn.name, False), [
        ast.If(ast.Compare(copy.deepcopy(key), [ast.In()], [ast.Name(_MEMO, ast.Load())]),
               [ast.Return(ast.Subscript(ast.Name(_MEMO, ast.Load()), copy.deepcopy(key), ast.Load()))], []),
        ast.Assign([ast.Name("_r", ast.Store())], call(f"_{fn.name}__body", ast.Name(_MEMO, ast.Load()))),
        ast.Assign([ast.Subscript(ast.Name(_MEMO, ast.Load()), copy.deepcopy(key), ast.Store())],
                   ast.Name("_r", ast.Load())),
        ast.Return(ast.Name("_r", ast.Load()))], [], None)
    inner = ast.FunctionDef(f"_{fn.name}__body", with_memo(fn.name, True),
                            [_Recalls(fn.name).visit(s) for s in copy.deepcopy(fn.body)], [], fn.returns)
    return located([outer, lookup, inner], fn)
