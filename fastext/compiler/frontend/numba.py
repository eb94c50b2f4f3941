"""Numba source as written: `from numba import njit, prange`, `@njit(cache=True, fastmath=True)`,
`@numba.jit(nopython=True)`, `numba.prange(n)`,
`@vectorize([...])` / `@guvectorize([...], "(n)->()")` (NumPy ufuncs: frontend/ufuncs.py).

A kernel written for Numba compiles unchanged: its jit decorators are accepted (every function
of a `.fx` file is compiled anyway) and their options that mean something here are honoured —
`fastmath=True` is `@fastmath`, `boundscheck=False`/`True` sets bounds checking (fastext checks
by default, Numba does not), `nogil=True` is `@nogil`; `cache`, `parallel`, `nopython`,
`error_model` and `inline` are accepted and ignored (`prange` loops run in parallel without
`parallel=True`); an explicit signature (`@njit("f8(f8[:], i8)")`, the first of a list) types the
parameters and result that carry no annotation (`signature_types`).  `prange` is fastext's.  Under plain Python the file still
imports Numba, which is then the interpreted oracle's business.

Numba's jitclasses, typed containers and type objects as values are rewritten before this module
reads the imports (frontend/numbatyped.py).  The Numba names that stay refused (`REFUSED`:
`objmode`, `generated_jit`, `overload`, `cfunc`, ...) are located errors saying what to write.
"""
from __future__ import annotations

import ast
import copy

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import Span

JIT = ("njit", "jit")
OPTIONS = {"fastmath": "fastmath", "boundscheck": "boundscheck", "nogil": "nogil"}
IGNORED = ("cache", "parallel", "nopython", "error_model", "inline", "forceobj", "looplift", "debug", "locals")


# Numba names that stay refused, with what to write instead (located errors: `refused`)
REFUSED = {
    "objmode": "compiled code has no object mode: do the Python-object part in the Python caller and pass "
               "its result in",
    "generated_jit": "a function here is typed per call already: leave its parameters unannotated (one "
                     "instance per argument type) and branch with isinstance(x, float)",
    "overload": "@overload extends Numba's own typing; here call a module function of yours instead",
    "overload_method": "@overload_method extends Numba's own typing; write a plain class with the method",
    "intrinsic": "@intrinsic writes LLVM IR for Numba; write the operation in .fx code",
    "cfunc": "C callbacks are not made here; export the function (every module function is a Python one)",
    "stencil": "write the stencil as a loop over the interior (a[i, j] = b[i - 1, j] + ...)",
    "carray": "pass the array itself (f64[:]) instead of a pointer",
    "get_num_threads": "prange splits a loop over the threads itself: write the per-item loop with a "
                       "reduction (`total += a[i]` in a prange loop); fastext.get_num_threads() is Python's",
    "get_thread_id": "prange splits a loop over the threads itself: write the per-item loop with a "
                     "reduction (`total += a[i]` in a prange loop)",
    "set_num_threads": "set the thread count from Python: fastext.set_num_threads(n) or FASTEXT_NUM_THREADS",
}


def refused(span: Span, name: str) -> FxSyntaxError:
    """The located error of a Numba name in REFUSED."""
    return FxSyntaxError(span, f"numba.{name} has no meaning in .fx code", REFUSED[name])


def refused_decorator(module, deco: ast.expr) -> FxSyntaxError | None:
    """`@numba.cfunc(...)`, `@nb.generated_jit`, `@numba.extending.overload(len)`: the error naming
    what to write instead, or None when `deco` is not a refused Numba decorator."""
    target = deco.func if isinstance(deco, ast.Call) else deco
    if isinstance(target, ast.Attribute) and target.attr in REFUSED:
        base = target.value
        while isinstance(base, ast.Attribute):
            base = base.value
        b = module.scope.lookup(base.id) if isinstance(base, ast.Name) else None
        if b is not None and b.kind == "module:numba":
            return refused(Span.of(deco, module.scope.file), target.attr)
    return None


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
        elif alias.name in _SCALARS and alias.name not in _SHORT:
            # `from numba import float64`: the scalar type (`float64[:]` in signatures, dtype=float64)
            from fastext.compiler.types import DIALECT_SCALARS
            module.scope.names[local] = Binding("scalar", DIALECT_SCALARS[_SCALARS[alias.name]])
        elif alias.name == "void":
            module.scope.names[local] = Binding("numba:void")
        elif alias.name in REFUSED:
            module.diags.add(refused(span, alias.name).diagnostic)
        else:
            module.diags.add(FxSyntaxError(span, f"numba.{alias.name} has no meaning in .fx code",
                                           "fastext compiles every function; from numba keep njit, jit, "
                                           "vectorize, guvectorize, prange, types, typed, jitclass, "
                                           "literal_unroll, typeof and the type names (float64, int64, void, "
                                           "...; or annotate: from fastext import f64)").diagnostic)


def _is_jit(module, node: ast.expr) -> bool:
    if isinstance(node, ast.Name):
        b = module.scope.lookup(node.id)
        return b is not None and b.kind == "numba:jit"
    if isinstance(node, ast.Attribute) and node.attr in JIT and isinstance(node.value, ast.Name):
        b = module.scope.lookup(node.value.id)
        return b is not None and b.kind == "module:numba"
    return False


def jit_only(module, node: ast.FunctionDef) -> bool:
    """Whether every decorator of `node` is a Numba jit decorator: options only, so the function
    is otherwise a plain one (its result may come from its returns, as undecorated ones)."""
    return all(_is_jit(module, d.func if isinstance(d, ast.Call) else d) for d in node.decorator_list)


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


# Numba's type names in signature strings, as dialect scalar names
_SCALARS = {
    "float64": "f64", "f8": "f64", "double": "f64", "float32": "f32", "f4": "f32", "single": "f32",
    "int64": "i64", "i8": "i64", "intp": "i64", "int_": "i64", "int32": "i32", "i4": "i32", "intc": "i32",
    "int16": "i16", "i2": "i16", "int8": "i8", "i1": "i8", "uint64": "u64", "u8": "u64", "uintp": "u64",
    "uint32": "u32", "u4": "u32", "uint16": "u16", "u2": "u16", "uint8": "u8", "u1": "u8", "byte": "u8",
    "boolean": "boolean", "b1": "boolean", "bool_": "boolean", "complex128": "c128", "c16": "c128",
    "complex64": "c64", "c8": "c64",
}


# the short spellings are for signature strings only (`from numba import f8` is not Numba's)
_SHORT = frozenset(("f8", "f4", "i8", "i4", "i2", "i1", "u8", "u4", "u2", "u1", "b1", "c16", "c8"))


class _Unqualified(ast.NodeTransformer):
    """`numba.float64`, `nb.types.int64`, `types.UniTuple` → the bare names signatures use."""

    def visit_Attribute(self, node: ast.Attribute) -> ast.expr:
        root = node.value
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and (node.attr in _SCALARS or node.attr in ("void", "none", "UniTuple", "Tuple")):
            return ast.copy_location(ast.Name(node.attr, ast.Load()), node)
        return self.generic_visit(node)


def signature_text(node: ast.expr) -> str | None:
    """A signature written with Numba's type objects — `float64(float64, float64)`, the tuple
    `(float64[:], float64, float64[:])` of a guvectorize kernel (no result: void), `void(...)`
    — as the string Numba also accepts; a string as it is; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    node = _Unqualified().visit(copy.deepcopy(node))

    def typename(e: ast.expr) -> bool:
        if isinstance(e, ast.Name):
            return e.id in _SCALARS or e.id in ("void", "none")
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in ("UniTuple", "Tuple"):
            return True       # a tuple result: read (or refused) by signature_types
        if isinstance(e, ast.Subscript):
            dims = e.slice.elts if isinstance(e.slice, ast.Tuple) else [e.slice]
            return typename(e.value) and all(isinstance(d, ast.Slice) for d in dims)
        return False

    def text(e: ast.expr) -> str:
        return ast.unparse(e)
    if isinstance(node, ast.Call) and typename(node.func) and not node.keywords and all(map(typename, node.args)):
        return text(node)
    if isinstance(node, ast.Tuple) and node.elts and all(map(typename, node.elts)):
        return "void(" + ", ".join(text(e) for e in node.elts) + ")"
    return None


def signature_types(module, node: ast.FunctionDef) -> None:
    """A jit decorator's explicit signature (`@njit("f8(f8[:], i8)")`) as the types of the
    parameters and the result it leaves unannotated, so Numba's eager kernels are exported as
    written (`fx_type` on a placeholder annotation: frontend/annotations.py).  Several
    signatures: the first.  A signature the dialect cannot read is a located error."""
    from fastext.compiler.types import DIALECT_SCALARS, NONE
    for deco in node.decorator_list:
        if not (isinstance(deco, ast.Call) and _is_jit(module, deco.func) and deco.args):
            continue
        sig = deco.args[0]
        if isinstance(sig, (ast.List, ast.Tuple)) and sig.elts:
            sig = sig.elts[0]
        written = signature_text(sig)
        if written is None:
            return
        span = Span.of(sig, module.scope.file)
        bad = FxSyntaxError(span, f"cannot read the Numba signature {written!r}",
                            "write annotations instead: def f(a: f64[:], n: i64) -> f64")
        try:
            call = ast.parse(written.strip(), mode="eval").body
        except SyntaxError:
            raise bad from None

        def typed(e: ast.expr):
            if isinstance(e, ast.Name) and e.id in ("void", "none"):
                return NONE
            if isinstance(e, ast.Name) and e.id in _SCALARS:
                return DIALECT_SCALARS[_SCALARS[e.id]]
            if isinstance(e, ast.Subscript):
                from fastext.compiler.types import Array
                dims = e.slice.elts if isinstance(e.slice, ast.Tuple) else [e.slice]
                item = typed(e.value)
                if item is not None and item is not NONE and all(isinstance(d, ast.Slice) for d in dims):
                    return Array(item, len(dims))
            if isinstance(e, ast.Call) and isinstance(e.func, ast.Name) and e.func.id in ("UniTuple", "Tuple"):
                from fastext.compiler.types import Tuple
                if e.func.id == "UniTuple" and len(e.args) == 2 and isinstance(e.args[1], ast.Constant):
                    items = [typed(e.args[0])] * int(e.args[1].value)
                else:
                    items = [typed(a) for a in e.args]
                if items and all(t is not None and t is not NONE for t in items):
                    return Tuple(tuple(items))
            return None
        if not isinstance(call, ast.Call) or len(call.args) != len(node.args.args):
            raise bad
        params = [typed(a) for a in call.args]
        ret = typed(call.func)
        if ret is None or any(t is None or t is NONE for t in params):
            raise bad
        for arg, t in zip(node.args.args, params):
            if arg.annotation is None:
                arg.annotation = ast.copy_location(ast.Name("numba$signature", ast.Load()), sig)
                arg.annotation.fx_type = t
        if node.returns is None:
            node.returns = ast.copy_location(ast.Name("numba$signature", ast.Load()), sig)
            node.returns.fx_type = ret
        return
