"""`np.ndindex` and `np.ndenumerate` in `for` loops: generators in `.fx` source with one nested
`range` loop per axis, inlined where the loop iterates them (frontend/generators.py), so the
index tuples come in NumPy's C order.  The rank — the tuples' length, part of their type — is
the array's, or the length of the shape tuple (`np.ndindex(a.shape)`, `np.ndindex(n, m)`).
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler.frontend.generators import Source
from fastext.compiler.frontend.pyitertools import parse_generator
from fastext.compiler.types import Array, Scalar, Tuple, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

NAMES = ("ndindex", "ndenumerate")


def _nest(rank: int, extent, body: str) -> str:
    """`rank` nested loops `for iK in range(extent(K))` around `body` (which reads `idx`)."""
    lines = []
    for k in range(rank):
        lines.append("    " * (k + 1) + f"for i{k} in range({extent(k)}):")
    index = "(" + "".join(f"i{k}, " for k in range(rank)) + ")"
    lines.append("    " * (rank + 1) + body.replace("idx", index))
    return "\n".join(lines)


def source(fc: "FunctionChecker", call: ast.Call, name: str, shown: str) -> Source:
    """The generator `np.ndindex(...)` / `np.ndenumerate(a)` stands for."""
    if call.keywords or any(isinstance(a, ast.Starred) for a in call.args):
        raise fc.error(call, f"{shown}() takes its arguments by position here", f"{shown}(a.shape)")
    if name == "ndenumerate":
        if len(call.args) != 1:
            raise fc.error(call, f"{shown}() takes one array", f"{shown}(a)")
        t = fc.expr(call.args[0]).type
        if not isinstance(t, Array):
            raise fc.error(call.args[0], f"{shown}() takes an array, not {article(t)}", f"{shown}(a)")
        text = "def ndenumerate(a):\n" + _nest(t.ndim, lambda k: f"a.shape[{k}]", "yield (idx, a[idx])")
        return Source(parse_generator(text, call), shown, list(call.args))
    if len(call.args) == 1:
        t = fc.expr(call.args[0]).type
        if isinstance(t, Tuple) and all(isinstance(i, Scalar) and (i.is_int or i.is_bool) for i in t.items):
            text = "def ndindex(shape):\n" + _nest(len(t.items), lambda k: f"shape[{k}]", "yield idx")
            return Source(parse_generator(text, call), shown, list(call.args))
    params = [f"s{k}" for k in range(len(call.args))]
    for a in call.args:
        t = fc.expr(a).type
        if not (isinstance(t, Scalar) and t.is_int):
            raise fc.error(a, f"{shown}() takes the shape as ints or one tuple of ints, not {article(t)}",
                           f"{shown}(a.shape), {shown}(n, m)")
    text = f"def ndindex({', '.join(params)}):\n" + _nest(len(params), lambda k: f"s{k}", "yield idx")
    return Source(parse_generator(text, call), shown, list(call.args))


def check_call(fc: "FunctionChecker", node: ast.Call, op, shown: str, receiver=None):
    """`np.ndindex(...)` anywhere but as a loop's iterable: a located error."""
    raise fc.error(node, f"{shown}() is supported as the iterable of a `for` loop (or a comprehension)",
                   f"for idx in {shown}(a.shape): ...")
