"""Numba source as written: `from numba import njit, prange`, `@njit(cache=True, fastmath=True)`,
`@numba.jit(nopython=True)`, `numba.prange(n)`,
`@vectorize([...])` / `@guvectorize([...], "(n)->()")` (NumPy ufuncs: frontend/ufuncs.py).

A kernel written for Numba compiles unchanged: its jit decorators are accepted (every function
of a `.fx` file is compiled anyway) and their options that mean something here are honoured —
`fastmath=True` is `@fastmath`, `boundscheck=False`/`True` sets bounds checking (fastext checks
by default, Numba does not), `nogil=True` is `@nogil`; `cache`, `parallel`, `nopython`,
`error_model`, `inline` and explicit signatures are accepted and ignored (`prange` loops run in
parallel without `parallel=True`).  `prange` is fastext's.  Under plain Python the file still
imports Numba, which is then the interpreted oracle's business.
"""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import Span

JIT = ("njit", "jit")
OPTIONS = {"fastmath": "fastmath", "boundscheck": "boundscheck", "nogil": "nogil"}
IGNORED = ("cache", "parallel", "nopython", "error_model", "inline", "forceobj", "looplift", "debug", "locals")


def import_names(module, stmt: ast.ImportFrom) -> None:
    """`from numba import njit, jit, prange`: the decorators and prange; anything else is a
    located error (each name on its own, so one bad name does not unbind the others)."""
    for alias in stmt.names:
        span = Span.of(alias, module.scope.file) if hasattr(alias, "lineno") else module.span(stmt)
        local = alias.asname or alias.name
        if alias.name in JIT:
            module.scope.names[local] = Binding("numba:jit")
        elif alias.name == "prange":
            module.scope.names[local] = Binding("prange")
        elif alias.name in ("vectorize", "guvectorize"):     # ufuncs (frontend/ufuncs.py)
            module.scope.names[local] = Binding(alias.name)
        else:
            module.diags.add(FxSyntaxError(span, f"numba.{alias.name} has no meaning in .fx code",
                                           "fastext compiles every function; from numba keep njit, jit, "
                                           "vectorize, guvectorize and prange (types come from annotations: from fastext import f64)").diagnostic)


def _is_jit(module, node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        b = module.scope.lookup(node.id)
        return b is not None and b.kind == "numba:jit"
    if isinstance(node, ast.Attribute) and node.attr in JIT and isinstance(node.value, ast.Name):
        b = module.scope.lookup(node.value.id)
        return b is not None and b.kind == "module:numba"
    return False


def jit_options(module, deco: ast.expr) -> dict[str, bool] | None:
    """The fastext options of a Numba jit decorator, or None when `deco` is not one."""
    call = deco if isinstance(deco, ast.Call) else None
    if not _is_jit(module, call.func if call is not None else deco):
        return None
    options: dict[str, bool] = {}
    for kw in call.keywords if call is not None else ():
        if kw.arg in IGNORED:
            continue
        span = Span.of(kw.value, module.scope.file)
        if kw.arg not in OPTIONS:
            raise FxSyntaxError(span, f"Numba's option `{kw.arg}` is not supported here",
                                f"understood: {', '.join(OPTIONS)}; ignored: {', '.join(IGNORED)}")
        if not (isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, bool)):
            raise FxSyntaxError(span, f"`{kw.arg}` must be True or False", f"{kw.arg}=True")
        options[OPTIONS[kw.arg]] = kw.value.value
    return options


def is_prange(module_scope, func: ast.expr) -> bool:
    """`numba.prange` spelled through the module (`nb.prange(n)`)."""
    if isinstance(func, ast.Attribute) and func.attr == "prange" and isinstance(func.value, ast.Name):
        b = module_scope.lookup(func.value.id)
        return b is not None and b.kind == "module:numba"
    return False
