"""`np.piecewise(x, condlist, funclist)`, written as `.fx` source (frontend/synth.py) the way
NumPy's own Python code runs it: y = np.zeros_like(x); for each condition in order, a function
is called on the selected items `x[cond]` (skipped when none is selected) and its result stored
into `y[cond]`, a number is stored as is — later pieces overwrite earlier ones; one function more
than conditions applies where no condition holds.  Functions are `.fx` functions or lambdas
(called on the 1-D array of selected items, as NumPy calls them); the lists are literals.
"""
from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from fastext.compiler import ir, ops
from fastext.compiler.frontend import funcvals, synth
from fastext.compiler.frontend.arrays import _bind, _elem_type
from fastext.compiler.frontend.shape import array_arg, value_of
from fastext.compiler.types import BOOL, Array, Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker


def piecewise(fc: "FunctionChecker", node: ast.Call, op: ops.Op, shown: str, receiver=None) -> ir.Expr:
    """`np.piecewise(x, condlist, funclist)` of an array x (see the module's docstring)."""
    if len(node.args) > 3 or node.keywords and any(k.arg not in ("x", "condlist", "funclist") for k in node.keywords):
        raise fc.error(node, f"{shown}(): extra arguments for the functions are not supported in .fx code",
                       "capture them in the lambdas: lambda v: v * k")
    bound = _bind(fc, node, ["x", "condlist", "funclist"], shown, 3)
    x = array_arg(fc, bound["x"], node, shown)
    if not isinstance(x.type.dtype, Scalar):
        raise fc.error(bound["x"], f"{shown}() of {article(x.type)} is not supported", "an array of numbers")
    for name in ("condlist", "funclist"):
        if not isinstance(bound[name], (ast.List, ast.Tuple)):
            raise fc.error(bound[name], f"{shown}(): {name} must be a list literal in .fx code",
                           f"{shown}(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v])")
    conds_ast, funcs_ast = bound["condlist"].elts, bound["funclist"].elts
    n, n2 = len(conds_ast), len(funcs_ast)
    if n == 0:      # NumPy's empty condlist reads the "otherwise" mask as a 0-d index: not this dialect's
        raise fc.error(bound["condlist"], f"{shown}() needs at least one condition", "x < 0.5")
    if n2 not in (n, n + 1):
        raise fc.error(bound["funclist"], f"with {n} condition(s), either {n} or {n + 1} functions are expected "
                                          "(ValueError in NumPy)", "one function per condition, and one more for "
                                                                   "the items no condition selects")
    values: dict[str, ir.Expr] = {"_x": x}
    for k, c in enumerate(conds_ast):
        cond = value_of(fc, c)
        if _elem_type(cond) != BOOL or not isinstance(cond.type, Array):
            raise fc.error(c, f"{shown}(): a condition must be a boolean array, not {article(cond.type)}",
                           "a comparison of x: x < 0.5")
        values[f"_c{k}"] = cond
    funcs: dict[str, funcvals.FuncValue] = {}
    lines = ["_y = np.zeros_like(_x)"]
    if n2 == n + 1:     # NumPy's "otherwise": the items no condition selects
        values_cond = " | ".join(f"_c{k}" for k in range(n))
        lines.append(f"_c{n} = ~({values_cond})")
    for k, f in enumerate(funcs_ast):
        fv = funcvals.value_of(fc, f)
        if fv is not None:
            funcs[f"_f{k}"] = fv
            lines += [f"_v{k} = _x[_c{k}]", f"if _v{k}.size > 0:", f"    _y[_c{k}] = _f{k}(_v{k})"]
        else:
            value = value_of(fc, f)
            if not isinstance(value.type, Scalar):
                raise fc.error(f, f"{shown}(): a piece is a function or a number, not {article(value.type)}",
                               "lambda v: ... or a constant")
            values[f"_n{k}"] = value
            lines.append(f"_y[_c{k}] = _n{k}")
    lines.append("_r = _y")
    return synth.value(fc, "\n".join(lines) + "\n", node, values=values, funcs=funcs)
