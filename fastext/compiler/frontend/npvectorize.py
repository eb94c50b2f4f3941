"""`np.vectorize(f)`: a function value (frontend/funcvals.py) marked `vectorized`, bound to a name
(`vf = np.vectorize(f)`) or called at once (`np.vectorize(f)(x, y)`).  A call is the loop NumPy's
vectorize runs, written as `.fx` source (frontend/synth.py): the operands broadcast to one shape
(NumPy's rule, ValueError when they do not), `f` called once per item in C order, the results
gathered into an array of that shape.

The result dtype is the static result type of `f` on the items (NumPy infers it from the first
call's output: for a function of one result type the two agree; `otypes=` is not needed and not
accepted).  NumPy calls `f` a second time on the first items to find that type; here each item is
called once.  Inputs of no items raise NumPy's ValueError (NumPy cannot infer a type without
otypes).  Only numbers as operands and results; `excluded=`, `signature=` and keywords in the call
are refused at compile time.
"""
from __future__ import annotations

import ast
import dataclasses
from typing import TYPE_CHECKING

from fastext.compiler import ir
from fastext.compiler.frontend import synth
from fastext.compiler.types import Array, Scalar, article

if TYPE_CHECKING:
    from fastext.compiler.frontend.function import FunctionChecker

_MAX_NDIM = 4
EMPTY = "cannot call `vectorize` on size 0 inputs unless `otypes` is set"


def refused(fc: "FunctionChecker", node: ast.Call, op, shown: str, receiver=None) -> ir.Expr:
    """`np.vectorize(f)` anywhere but bound to a name or called at once (the registry's check)."""
    raise fc.error(node, f"{shown}(f) must be bound to a name (`vf = np.vectorize(f)`) or called at once "
                         f"(`np.vectorize(f)(x)`)", "it is a function value, not an object")


def value_of(fc: "FunctionChecker", node: ast.Call, shown: str):
    """The function value `np.vectorize(pyfunc)` denotes: pyfunc's, marked vectorized."""
    from fastext.compiler.frontend import funcvals
    for kw in node.keywords:
        raise fc.error(kw.value if kw.arg else node, f"{shown}({kw.arg}=...) is not supported in .fx code",
                       "the result dtype is the function's result type; drop the keyword")
    if len(node.args) != 1:
        raise fc.error(node, f"{shown}() takes the function to vectorize", f"{shown}(f)")
    fv = funcvals.value_of(fc, node.args[0]) or _library_function(fc, node.args[0])
    if fv is None:
        raise fc.error(node.args[0], f"{shown}() needs a function: a .fx function's name or a lambda",
                       f"{shown}(lambda v: v * 2.0)")
    return dataclasses.replace(fv, vectorized=True, shown=f"{shown}({ast.unparse(node.args[0])})")


# library functions of two numbers; every other one np.vectorize takes is called with one
_BINARY = frozenset({"atan2", "hypot", "copysign", "pow", "fmod", "ldexp", "remainder", "nextafter", "gcd", "lcm",
                     "comb", "perm", "arctan2", "power", "maximum", "minimum", "add", "subtract", "multiply", "divide"})


def _library_function(fc: "FunctionChecker", node: ast.expr):
    """`np.vectorize(math.erf)`: a library function (`math.*`, `np.*`) as the lambda calling it,
    so the call is typed as the function called by name is."""
    from fastext.compiler.frontend import funcvals
    if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id not in fc.vars):
        return None
    b = fc.scope.lookup(node.value.id)
    if b is None or not str(b.kind).startswith("module:"):
        return None
    names = ["_fx_a", "_fx_b"] if node.attr in _BINARY else ["_fx_a"]
    lam = ast.Lambda(ast.arguments([], [ast.arg(n) for n in names], None, [], [], None, []),
                     ast.Call(node, [ast.Name(n, ast.Load()) for n in names], []))
    for sub in ast.walk(lam):
        if isinstance(sub, (ast.expr, ast.arg)) and sub is not node:
            ast.copy_location(sub, node)
    return funcvals.closure(fc, lam)


def call(fc: "FunctionChecker", node: ast.Call, fv) -> ir.Expr:
    """`vf(x, y, ...)`: f applied item by item over the broadcast operands, a new array."""
    shown = fv.shown or "the vectorized function"
    if node.keywords:
        raise fc.error(node.keywords[0].value, f"`{shown}` (np.vectorize) takes its operands by position here",
                       f"{shown}(x, y)")
    values = [fc.expr(a) for a in node.args]
    for v, a in zip(values, node.args):
        t = v.type.dtype if isinstance(v.type, Array) else v.type
        if not isinstance(t, Scalar):
            raise fc.error(a, f"np.vectorize operands are numbers or arrays of numbers, not {article(v.type)}",
                           "pass arrays")
    ndim = max((v.type.ndim for v in values if isinstance(v.type, Array)), default=0)
    if ndim == 0:
        raise fc.error(node, f"`{shown}` (np.vectorize) of numbers only gives a 0-d array in NumPy, which .fx "
                             "code has no type for", "call the function itself on numbers")
    if ndim > _MAX_NDIM:
        raise fc.error(node, f"np.vectorize of {ndim}-D arrays is not supported", f"up to {_MAX_NDIM}-D")
    dims = [f"_d{j}" for j in range(ndim)]
    lines = [f"{d} = 1" for d in dims]
    for k, v in enumerate(values):
        if not isinstance(v.type, Array):
            continue
        nk = v.type.ndim
        for j in range(nk):     # right-aligned: axis j of operand k is axis ndim - nk + j
            lines += [f"if _x{k}.shape[{j}] != 1:", f"    _d{ndim - nk + j} = _x{k}.shape[{j}]"]
    shape = "(" + ", ".join(dims) + ",)"
    empty = [f"_x{k}.size == 0" for k, v in enumerate(values) if isinstance(v.type, Array)]
    lines = [f"if {' or '.join(empty)}:", f"    raise ValueError({EMPTY!r})"] + lines   # before broadcasting, as NumPy
    lines.append(f"_n = {' * '.join(dims)}")
    items = []
    for k, v in enumerate(values):
        if isinstance(v.type, Array):
            lines.append(f"_c{k} = np.broadcast_to(_x{k}, {shape}).ravel()")
            items.append(f"_c{k}[_k]")
        else:
            items.append(f"_x{k}")
    lines += [f"_l = [_f({', '.join(items)}) for _k in range(_n)]",
              f"_r = np.array(_l).reshape({', '.join(dims)})"]
    scalar = dataclasses.replace(fv, vectorized=False)
    return synth.value(fc, "\n".join(lines), node, values={f"_x{k}": v for k, v in enumerate(values)},
                       funcs={"_f": scalar})
