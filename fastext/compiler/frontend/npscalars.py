"""Locals that hold NumPy scalars under plain Python divide as NumPy's scalars do.

`ss_tot = ((y - y.mean()) ** 2).sum()` makes `ss_tot` a `numpy.float64` under plain Python, so
`1 - ss_res / ss_tot` gives inf or nan (with a RuntimeWarning) when it is zero, where a Python
float would raise ZeroDivisionError.  A float local counts as such a scalar when every value
assigned to it is the result of a NumPy function or reduction, or an arithmetic of those and
of other such locals (a parameter, a loop variable, an array item or a literal assigned
anywhere makes it a Python number: array items are computed as Python numbers, as Numba does,
docs/language.md "Where compiled and interpreted differ").  The divisions that read one are
marked `BinOp.numpy`: no ZeroDivisionError check (lower/function.py)."""
from __future__ import annotations

from fastext.compiler import ir, ops
from fastext.compiler.types import Scalar


def numpy_result(e: ir.Expr, scalars: set | frozenset = frozenset()) -> bool:
    """Whether `e` is a NumPy scalar under plain Python: a NumPy function's or reduction's result
    (`np.sum(a)`, `a.max()`), a local of `scalars`, or arithmetic over one of them."""
    if isinstance(e, ir.Intrinsic):
        op = ops.find(e.name)
        return op is not None and op.numpy_scalar and isinstance(e.type, Scalar)
    if isinstance(e, ir.Load):
        return e.var in scalars
    if isinstance(e, ir.Cast):
        return numpy_result(e.value, scalars)
    if isinstance(e, (ir.BinOp, ir.UnaryOp)):
        return any(numpy_result(c, scalars) for c in ir.children(e) if isinstance(c.type, Scalar))
    return False


def mark(fn: ir.Function) -> None:
    """Mark the float divisions of `fn` that read a NumPy scalar (see the module docstring)."""
    values: dict[ir.Var, list[ir.Expr]] = {}
    other: set[ir.Var] = {p.var for p in fn.params}
    for s in ir.walk(fn.body):
        var = getattr(s, "var", None)
        if isinstance(s, ir.Assign):
            values.setdefault(s.var, []).append(s.value)
        elif isinstance(var, ir.Var):
            other.add(var)
        for name in ("vars", "targets"):        # statements that bind several names at once
            for v in getattr(s, name, None) or ():
                if isinstance(v, ir.Var):
                    other.add(v)
    scalars = {v for v in values if v not in other and isinstance(v.type, Scalar) and v.type.is_float}
    changed = True
    while changed:
        changed = False
        for v in list(scalars):
            if not all(numpy_result(e, scalars) for e in values[v]):
                scalars.discard(v)
                changed = True
    if not scalars:
        return
    for e in ir.all_exprs(fn.body):
        if isinstance(e, ir.BinOp) and e.op == "/" and e.type.is_float and not e.int_division and \
                (numpy_result(e.left, scalars) or numpy_result(e.right, scalars)):
            e.numpy = True
