"""`@extern(library)` declarations: C functions called from `.fx` code (docs/extern.md).

The declaration is a function whose body is `...` (a docstring may come first); its
annotations are the C prototype.  It becomes an `ir.Function` with no body and
`extern = (library, dlopen candidates)`; lowering makes it a call through the pointer the
module resolved at import (lower/extern.py, abi/extern.py).
"""
from __future__ import annotations

import ast

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.types import NONE, Array, Scalar

HINT = '@extern("m") names a library as `-lm` does, @extern("./libfoo.so") a shared library by path'


def extern_library(checker, deco: ast.expr) -> tuple[str, tuple[str, ...]] | None:
    """(library, dlopen candidates) when `deco` is `@extern(...)`, else None; a located error
    for a malformed one."""
    func = deco.func if isinstance(deco, ast.Call) else deco
    if not _names_extern(checker, func):
        return None
    if not isinstance(deco, ast.Call):
        raise FxSyntaxError(checker.span(deco), "@extern needs the library it calls into", HINT)
    if len(deco.args) != 1 or deco.keywords or not (isinstance(deco.args[0], ast.Constant)
                                                    and isinstance(deco.args[0].value, str) and deco.args[0].value):
        where = deco.args[0] if len(deco.args) == 1 else deco
        raise FxSyntaxError(checker.span(where), "@extern takes one library name or path, as a string literal",
                            HINT + " (a ctypes.CDLL object works only under plain Python: pass its path)")
    from fastext.clib import library_candidates
    library = deco.args[0].value
    return library, library_candidates(library, checker.scope.file)


def _names_extern(checker, func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        binding = checker.scope.lookup(func.id)
        return binding is not None and binding.kind == "extern"
    if isinstance(func, ast.Attribute) and func.attr == "extern" and isinstance(func.value, ast.Name):
        binding = checker.scope.lookup(func.value.id)
        return binding is not None and binding.kind == "module:fastext"
    return False


def check_declaration(checker, node: ast.FunctionDef, params, ret) -> None:
    """The body is `...` and every type has a C counterpart: numbers and bools by value,
    arrays as the address of their first item; the result a number, a bool or None."""
    body = node.body[1:] if node.body and isinstance(node.body[0], ast.Expr) and \
        isinstance(node.body[0].value, ast.Constant) and isinstance(node.body[0].value.value, str) else node.body
    if not (len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
            and body[0].value.value is Ellipsis) and not (len(body) == 1 and isinstance(body[0], ast.Pass)):
        where = body[0] if body else node
        raise FxSyntaxError(checker.span(where), f"the @extern function `{node.name}` is implemented in C: its body "
                            "must be `...`", f"write `def {node.name}(...) -> ...: ...`")
    for name, ptype, span in params:
        if isinstance(ptype, Array):
            continue
        if not isinstance(ptype, Scalar) or ptype.is_complex:
            raise FxSyntaxError(span, f"parameter `{name}` of the @extern function `{node.name}` is {ptype}, "
                                "which is not passed to C",
                                "C functions take numbers and bools (f64, i32, bool, ...) and arrays (f64[:]: "
                                "the address of the first item)")
    if ret != NONE and (not isinstance(ret, Scalar) or ret.is_complex):
        raise FxSyntaxError(checker.span(node.returns or node), f"the @extern function `{node.name}` returns {ret}, "
                            "which C does not return here", "return a number or a bool (f64, i64, ...) or None")
