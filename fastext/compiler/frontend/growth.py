"""Integers that grow by multiplying themselves in a loop: checked for overflow.

Python's `int` never overflows, and programs written for it let a loop multiply a value
up without bound (pidigits' spigot: `den *= k2`, factorials, `acc = (acc + num) * k`).
Compiled ints are 64-bit and wrap (docs/language.md, "Numbers"), which would turn such a
program's output into garbage without a word.  A compiler cannot tell in general how
far a loop goes, so the multiplications most likely to outgrow 64 bits — an `int` local
assigned, inside a loop, a product that involves its own value — are marked `checked`:
their lowering uses LLVM's overflow intrinsic and raises `OverflowError` (located in the
`.fx` traceback) where Python's result would no longer fit.  A product reduced in the same
statement (`h = (h * 31 + c) % M`) stays in range and never fires; other arithmetic keeps
wrapping as documented, so vectorised sums are unaffected, and so do products of NumPy array
items (`p *= a[i]`: NumPy's int64 wraps) and `prange` reductions (documented to wrap).
"""
from __future__ import annotations

from fastext.compiler import ir
from fastext.compiler.types import I64


def mark(fn: ir.Function) -> None:
    """Set `checked` on the self-growing `int` products of `fn`'s loops."""
    parallel = {id(s) for loop in ir.walk(fn.body)
                if isinstance(loop, ir.ForRange) and loop.parallel is not None for s in ir.walk(loop.body)}
    for loop in ir.walk(fn.body):
        if not isinstance(loop, (ir.While, ir.ForRange)) or id(loop) in parallel or \
                isinstance(loop, ir.ForRange) and loop.parallel is not None:
            continue    # a prange reduction wraps by design, deterministically (docs/language.md)
        for s in ir.walk(loop.body):
            if isinstance(s, ir.Assign) and s.var.type == I64:
                _mark_products(s.value, s.var)


def _mark_products(value: ir.Expr, var: ir.Var) -> None:
    for e in ir.walk_exprs(value):
        if isinstance(e, ir.BinOp) and e.op == "*" and e.type == I64 and _reads(e, var) and not _array_item(e):
            e.checked = True


def _array_item(e: ir.Expr) -> bool:
    """Whether a product reads an array's items (`p *= a[i]`): NumPy's int64 wraps there, as
    `np.prod` does, and so does this."""
    return any(isinstance(x, (ir.Index, ir.Elem, ir.ArrayMap)) for x in ir.walk_exprs(e))


def _reads(e: ir.Expr, var: ir.Var) -> bool:
    return any(isinstance(x, ir.Load) and x.var is var for x in ir.walk_exprs(e))
