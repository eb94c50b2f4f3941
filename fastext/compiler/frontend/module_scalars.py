"""Module-level numbers and str values that functions assign (`global COUNT` then `COUNT += 1`).

A module constant stays a compile-time constant unless some function of the module declares it
`global`: then it is a module variable (`Binding("modscalar", (qualified name, initial value))`),
one internal LLVM global initialised to the constant (lower/module_containers.py), read by
every function with `modscalar.load` — the value it has now, as Python's module globals — and
written by `modscalar.store` in the functions that declare it `global`.  A str variable
(`Char1Glob = "A"` in pystone) is a Python object instead: `modstr.load`/`modstr.store`, a global
that owns one reference to the current str.  Python sees the current
value: `mod.COUNT` is answered by the module `__getattr__` through a getter (as module-level
containers are; abi/namespace.py); assigning `mod.COUNT = 5` from Python binds a Python name
that compiled code does not see (documented, as for module arrays).  Functions that store one
keep the GIL (the store is `needs_gil`), so Python threads see each update whole, and a store
inside a `prange` body is refused.
"""
from __future__ import annotations

import ast

from fastext.compiler import ir
from fastext.compiler import types as T
from fastext.compiler.diagnostics import Diagnostic
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import Span


def promote(unit) -> None:
    """Turn the constants that some function declares `global` into module variables."""
    scope, diags = unit.scope, unit.diags
    for node in _functions(unit.defs):
        for stmt in ast.walk(node):
            if not isinstance(stmt, ast.Global):
                continue
            for name in stmt.names:
                b = scope.names.get(name)
                span = Span.of(stmt, scope.file)
                if b is not None and b.kind == "modscalar":
                    continue
                if b is None:
                    diags.add(Diagnostic(span, f"`global {name}`: there is no module-level `{name}`",
                                         f"define it at module level first, e.g. `{name} = 0`"))
                elif b.kind != "const" or not (isinstance(b.type, T.Scalar) and not b.type.is_complex
                                               or isinstance(b.value, str) and b.type == T.STRV):
                    diags.add(Diagnostic(span, f"`global {name}`: only module-level numbers and str values can be "
                                               "assigned from functions",
                                         "module arrays and containers change in place without `global`; "
                                         "functions, modules and structs cannot be rebound"))
                else:
                    scope.names[name] = Binding("modscalar", (scope.qualify(name), b.value), b.type)


def _functions(defs):
    for node in defs:
        if isinstance(node, ast.FunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            yield from (n for n in node.body if isinstance(n, ast.FunctionDef))


def declared(node: ast.FunctionDef) -> set[str]:
    """The names `global` statements of this function (not of nested ones) declare."""
    out: set[str] = set()

    def visit(n: ast.AST) -> None:
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)) and n is not node:
            return
        if isinstance(n, ast.Global):
            out.update(n.names)
        for child in ast.iter_child_nodes(n):
            visit(child)
    visit(node)
    return out


def load(fc, node: ast.Name, b: Binding) -> ir.Expr:
    """The current value of a module variable."""
    if fc.sig.target != "cpu":
        raise fc.error(node, f"`{node.id}` is a module variable (a function assigns it): GPU code cannot read it",
                       "pass its value to the kernel as a parameter")
    qual, value = b.value
    return ir.Intrinsic(b.type, fc.span(node), _op(b.type, "load"), [], {"name": qual, "init": value})


def _op(t, what: str) -> str:
    """A str variable is a Python object (`modstr.*`: reference counted), a number a plain global."""
    return f"modstr.{what}" if t == T.STRV else f"modscalar.{what}"


def store(fc, target: ast.Name, value: ir.Expr, node: ast.AST) -> list[ir.Stmt]:
    """`COUNT = v` / `COUNT += 1` in a function that declared `global COUNT`."""
    b = fc.scope.lookup(target.id) or fc.module_scope.lookup(target.id)
    if getattr(fc, "prange_depth", 0):
        raise fc.error(target, f"cannot assign the module variable `{target.id}` inside a prange loop",
                       "accumulate in a local reduction variable and assign it after the loop")
    qual, init = b.value
    span = fc.span(node)
    converted = fc.coerce(value, b.type, target, f"`{target.id}`")
    return [ir.ExprStmt(span, ir.Intrinsic(T.NONE, span, _op(b.type, "store"), [converted],
                                           {"name": qual, "init": init}))]


def getter_functions(scope, span: Span) -> dict[str, ir.Function]:
    """One hidden entry point per module variable: `mod.NAME` answers with its current value."""
    from fastext.compiler.frontend.module_containers import getter
    out = {}
    for name, b in scope.names.items():
        if b.kind != "modscalar":
            continue
        qual, init = b.value
        fn = ir.Function(getter(name), [], b.type,
                         [ir.Return(span, ir.Intrinsic(b.type, span, _op(b.type, "load"), [],
                                                       {"name": qual, "init": init}))],
                         span, locals=[])
        fn.exported = False
        out[fn.name] = fn
    return out
