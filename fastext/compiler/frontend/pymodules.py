"""Python's standard modules `random`, `time`, `heapq` and `bisect` in `.fx` code: their names and calls.

`import random`, `import random as rnd`, `from random import randint` (and the same for `time`)
bind names at module level (`frontend/module.py` calls `bind_module` / `bind_name`) or inside a
function (`check_in_function`, a statement that binds names for the rest of the body, as in
Python).  A call `random.randint(a, b)` is the registry spelling `random.randint` (`ops/pyrandom.py`,
`ops/pytime.py`), typed by the operation's `check`.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.diagnostics import FxSyntaxError
from fastext.compiler.frontend.scope import Binding
from fastext.compiler.source import Span
from fastext.compiler.types import F64, I64

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

PY_MODULES = ("random", "time", "heapq", "bisect", "itertools", "functools", "operator")
# what an `import` inside a function may name: the standard modules .fx code knows and NumPy
# (.fx modules are imported at module level, where the import graph is built)
_IN_FUNCTION = PY_MODULES + ("math", "cmath", "numpy", "numpy.random", "numpy.linalg", "numpy.fft")


def _supported(module: str) -> str:
    return ", ".join(s.partition(".")[2] for s in ops.spellings_under(f"{module}."))


def bind_name(module: str, name: str, span: Span) -> Binding:
    """`from random import randint`: the registry spelling `random.randint` (a located error with
    a "did you mean" for a name the module does not have in .fx code)."""
    qualname = f"{module}.{name}"
    if ops.by_spelling(qualname) is None:
        close = ops.close_to(qualname)
        raise FxSyntaxError(span, f"{qualname} is not supported in .fx code",
                            (f"did you mean {', '.join(close)}? " if close else "") + f"supported: {_supported(module)}")
    return Binding("op", qualname)


def call(fc: "FunctionChecker", node: ast.Call, module: str) -> ir.Expr:
    """`random.randint(a, b)` / `rnd.random()` / `time.perf_counter()` through a module name."""
    func: ast.Attribute = node.func
    qualname = f"{module}.{func.attr}"
    op = ops.by_spelling(qualname)
    if op is None:
        close = ops.close_to(qualname)
        raise fc.error(func, f"{qualname} is not supported in .fx code",
                       (f"did you mean {', '.join(close)}? " if close else "") + f"supported: {_supported(module)}")
    return op.check(fc, node, op, f"{ast.unparse(func.value)}.{func.attr}")


def check_clock(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`time.perf_counter()` & co.: no arguments; a float, or an int for the `_ns` clocks."""
    if fc.sig.target != "cpu":
        raise fc.error(node, f"{shown}() is not available in GPU code", "time the kernel launch on the CPU")
    if node.args or node.keywords:
        raise fc.error(node, f"{shown}() takes no arguments ({len(node.args) + len(node.keywords)} given)",
                       f"{shown}()")
    return ir.Intrinsic(I64 if op.data["ns"] else F64, fc.span(node), op.name, [])


def check_in_function(fc: "FunctionChecker", node: ast.Import | ast.ImportFrom) -> None:
    """`import random` / `from math import sqrt` inside a function: only the modules .fx code
    can import there (the names are bound for the rest of the body: FunctionChecker.s_import)."""
    modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
    for module in modules:
        if module not in _IN_FUNCTION or isinstance(node, ast.ImportFrom) and node.level:
            raise fc.error(node, f"`{ast.unparse(node)}` is not supported inside a function",
                           f"inside a function: {', '.join(_IN_FUNCTION)}; import .fx modules at module level")
