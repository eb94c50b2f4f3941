"""Module-level NumPy arrays: `WEIGHTS = np.array([1.0, 2.0, 1.0]) / 4`, `GRID = np.linspace(0, 1, 11)`.

The value is computed once, when the module is compiled, by NumPy itself from the same
expression — so it is the value the plain-Python module computes at import — and lives in the
compiled module as one global array (`lower/creation.py: lower_global`).  Functions read it as
any array, and may write it; Python sees it as `mod.WEIGHTS`, a NumPy array over the same
memory (`abi/namespace.py`), so, as for a module global under Python, writes persist across
calls and are seen on both sides.  Rebinding the name from Python (`mod.WEIGHTS = other`) is not
seen by compiled code, whose functions are bound when compiled (Numba's global arrays are
frozen the same way).  An array imported from another `.fx` module is that module's value, a
copy of its own.

Only expressions NumPy evaluates without side effects are accepted: numbers, literal lists and
tuples, other module constants, `math`/NumPy constants, dtypes, arithmetic, and the creation
functions in `CREATION`.
"""
from __future__ import annotations

import ast
import math

from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.source import Span

CREATION = ("array", "asarray", "arange", "linspace", "logspace", "zeros", "ones", "full", "eye", "identity",
            "zeros_like", "ones_like", "full_like", "diag", "tile", "repeat", "concatenate", "stack", "hstack",
            "vstack", "outer", "cumsum", "sqrt", "exp", "log", "sin", "cos", "tan", "abs", "reshape")


def is_array_expression(node: ast.expr, scope) -> bool:
    """Whether a module-level value calls NumPy (so it is evaluated as an array constant)."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute):
            root = sub.func.value
            while isinstance(root, ast.Attribute):
                root = root.value
            if isinstance(root, ast.Call):
                return True     # a method of an array: np.arange(6).reshape(2, 3)
            b = scope.lookup(root.id) if isinstance(root, ast.Name) else None
            if b is not None and b.kind.startswith("module:numpy"):
                return True
    return False


def evaluate(scope, node: ast.expr, path: str):
    """The NumPy array the expression gives (C-contiguous), or a located error."""
    import numpy
    env: dict = {}
    for sub in ast.walk(node):
        span = Span.of(sub, path) if hasattr(sub, "lineno") else Span.of(node, path)
        if isinstance(sub, ast.Name):
            b = scope.lookup(sub.id)
            if b is None:
                raise FxSyntaxError(span, f"name `{sub.id}` is not defined", "module-level arrays are built from "
                                    "literals, constants defined above and NumPy")
            if b.kind == "module:numpy":
                env[sub.id] = numpy
            elif b.kind == "module:math":
                env[sub.id] = math
            elif b.kind in ("const", "mathconst") and not isinstance(b.value, tuple):
                env[sub.id] = b.value
            elif b.kind == "constarray":
                env[sub.id] = b.value[1].copy()
            else:
                raise FxSyntaxError(span, f"`{sub.id}` cannot be used in a module-level array",
                                    "use literals, constants and NumPy's creation functions")
        elif isinstance(sub, ast.Call):
            name = sub.func.attr if isinstance(sub.func, ast.Attribute) else None
            if name not in CREATION:
                raise FxSyntaxError(span, f"`{ast.unparse(sub.func)}` cannot build a module-level array",
                                    f"use {', '.join('np.' + c for c in CREATION[:8])}, ... and arithmetic")
        elif isinstance(sub, (ast.Lambda, ast.NamedExpr, ast.Subscript, ast.Starred, ast.comprehension,
                              ast.ListComp, ast.GeneratorExp, ast.DictComp, ast.SetComp, ast.Await, ast.Yield)):
            raise FxSyntaxError(span, "module-level arrays are built from literals, constants and NumPy calls",
                                "compute other values inside a function")
    try:
        value = eval(compile(ast.Expression(node), path, "eval"), {"__builtins__": {}}, env)   # noqa: S307
    except Exception as e:      # NumPy's own error for this expression (shape mismatch, bad dtype, ...)
        raise FxSyntaxError(Span.of(node, path), f"this module-level array raises {type(e).__name__}: {e}",
                            "fix the expression (plain Python raises the same at import)") from None
    if not isinstance(value, numpy.ndarray) or value.ndim == 0:
        raise FxSyntaxError(Span.of(node, path), "module-level values must be constant numbers or arrays",
                            "an array needs at least one dimension: np.array([x])")
    from fastext.compiler.ops.dtypes import NoLoop, from_numpy
    try:
        from_numpy(str(value.dtype))
    except NoLoop:
        raise FxSyntaxError(Span.of(node, path), f"module-level arrays of dtype {value.dtype} are not supported",
                            "numbers: bool, int8..uint64, float32/64, complex64/128") from None
    return numpy.ascontiguousarray(value)
